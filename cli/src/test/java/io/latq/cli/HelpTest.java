package io.latq.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's help renders cleanly: exit 0, text on stdout, and no picocli formatting warnings. */
class HelpTest {

    private static void collect(CommandLine cl, List<String[]> out, List<String> prefix) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getCommandName());
            if (!sub.getCommandName().equals("help")) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                out.add(args.toArray(new String[0]));
                collect(sub, out, path);
            }
        }
    }

    @Test
    void everyCommandHasCleanHelp() {
        List<String[]> all = new ArrayList<>();
        collect(Main.commandLine(), all, new ArrayList<>());
        assertTrue(all.size() >= 8, "expected the documented subcommands, got " + all.size());
        PrintStream oldErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            // picocli reports help formatting problems through its tracer on System.err.
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (String[] args : all) {
                CliRunner r = CliRunner.run(args);
                assertEquals(0, r.exitCode, String.join(" ", args));
                assertTrue(r.out.startsWith("Usage: latq"), String.join(" ", args));
            }
        } finally {
            System.setErr(oldErr);
        }
        assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("WARN"), warnings.toString());
    }
}
