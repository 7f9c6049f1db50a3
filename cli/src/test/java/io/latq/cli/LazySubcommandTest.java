package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only the subcommand it names; that command must be the one the whole tree holds. */
class LazySubcommandTest {

    @Test
    void aNamedSubcommandIsBuiltAloneAndIdentically() {
        Map<String, CommandLine> all = Main.commandLine().getSubcommands();
        assertEquals(Main.SUBCOMMANDS.size(), all.size());
        for (Map.Entry<String, CommandLine> e : all.entrySet()) {
            String name = e.getKey();
            CommandLine lazy = Main.commandLine(new String[] {"-q", name, "--help"});
            boolean whole = name.equals("help") || name.equals("completion");
            assertEquals(whole ? all.size() : 1, lazy.getSubcommands().size(), name);
            assertEquals(e.getValue().getUsageMessage(), lazy.getSubcommands().get(name).getUsageMessage(), name);
        }
    }

    @Test
    void noOrAnUnknownSubcommandBuildsTheWholeTree() {
        int n = Main.SUBCOMMANDS.size();
        assertEquals(n, Main.commandLine(new String[] {}).getSubcommands().size());
        assertEquals(n, Main.commandLine(new String[] {"-v"}).getSubcommands().size());
        assertEquals(n, Main.commandLine(new String[] {"compres", "-i", "x"}).getSubcommands().size());
    }
}
