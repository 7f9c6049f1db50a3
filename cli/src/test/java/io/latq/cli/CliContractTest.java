package io.latq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes, --force, suggestions and the one error prefix, the same on every command (docs/cli.md). */
class CliContractTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownLatticeIsAUsageErrorEverywhere() throws Exception {
        Path x = dir.resolve("x.f64");
        assertEquals(0, CliRunner.run("generate", "gaussian", "--samples", "64", "-o", x.toString()).exitCode);
        String[][] commands = {
            {"compress", "-i", x.toString(), "-o", dir.resolve("x.lq").toString(), "--mse", "0.1", "--lattice", "E9"},
            {"nsm", "--lattice", "E9", "--samples", "10"},
            {"quantize", "--lattice", "E9", "-i", x.toString(), "-o", dir.resolve("q.f64").toString()},
            {"rd", "--lattice", "E9", "--points", "1", "--samples", "64"},
        };
        for (String[] c : commands) {
            CliRunner r = CliRunner.run(c);
            assertEquals(CliSupport.USAGE_ERROR, r.exitCode, c[0] + ": " + r.err);
            assertTrue(r.isOneLineError(), r.err);
            assertFalse(r.err.startsWith("latq: latq:") || r.err.contains("Error:"), r.err);
        }
    }

    @Test
    void polarConstructKeepsAnExistingFileUnlessForced() throws Exception {
        Path f = dir.resolve("frozen.json");
        Files.writeString(f, "keep");
        String[] args = {"polar", "construct", "--n", "8", "--k", "4", "--channel", "bec:e=0.5", "--method", "bec",
            "-o", f.toString()};
        CliRunner r = CliRunner.run(args);
        assertEquals(CliSupport.DATA_ERROR, r.exitCode, r.err);
        assertTrue(r.isOneLineError() && r.err.contains("--force"), r.err);
        assertEquals("keep", Files.readString(f));
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(0, CliRunner.run(forced).exitCode);
        assertTrue(Files.readString(f).contains("frozen"));
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRunner r = CliRunner.run("compres");
        assertEquals(CliSupport.USAGE_ERROR, r.exitCode);
        assertTrue(r.isOneLineError() && r.err.contains("did you mean 'compress'"), r.err);
        CliRunner p = CliRunner.run("polar", "constrct");
        assertTrue(p.isOneLineError() && p.err.contains("did you mean 'construct'"), p.err);
    }

    @Test
    void oneErrorPrefix() {
        java.io.StringWriter w = new java.io.StringWriter();
        CliSupport.fail(new java.io.PrintWriter(w), "latq: Error: broken", 1);
        assertEquals("latq: broken", w.toString().strip());
    }

    @Test
    void threadsDefaultToAllCores() {
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors()), CliSupport.threads(null));
    }

    @Test
    void quietVerboseCompletionAndExamples() {
        Path x = dir.resolve("q.f64");
        CliRunner q = CliRunner.run("-q", "generate", "gaussian", "--samples", "16", "-o", x.toString());
        assertEquals(0, q.exitCode, q.err);
        assertEquals("", q.out + q.err, "quiet: no messages");
        CliRunner q2 = CliRunner.run("generate", "gaussian", "--samples", "16", "-o", x.toString(), "--force", "-q");
        assertEquals("", q2.out + q2.err, "-q after the command name too");
        CliRunner v = CliRunner.run("generate", "gaussian", "--samples", "16", "-o", x.toString(), "--force", "-v");
        assertTrue(v.err.contains("latq: exit 0 after"), v.err);
        CliRunner c = CliRunner.run("completion");
        assertEquals(0, c.exitCode);
        assertTrue(c.out.contains("complete -F") && c.out.contains("compress"), c.out);
        for (String cmd : new String[] {"nsm", "compress", "decompress", "generate", "quantize", "rd", "goodness",
            "inspect", "compare", "design", "polar", "completion"}) {
            CliRunner h = CliRunner.run(cmd, "--help");
            assertTrue(h.out.contains("Examples:") && h.out.contains("  latq "), cmd + " help has examples");
        }
        for (picocli.CommandLine sub : Main.commandLine().getSubcommands().values()) {
            String[] d = sub.getCommandSpec().usageMessage().description();
            String summary = d.length == 0 ? "" : d[0].strip();
            assertTrue(summary.endsWith(".") || summary.endsWith(".)"), "summary cut mid-sentence: " + summary);
        }
    }

    @Test
    void asciiFallbackForNonUtf8Terminals() {
        assertEquals("sigma^2 <= 1/2 mu", AsciiWriter.ascii("\u03c3\u00b2 \u2264 \u00bd \u03bc"));
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        java.io.PrintWriter w = AsciiWriter.of(b, java.nio.charset.StandardCharsets.US_ASCII);
        w.print("G \u00b1 \u03c3");
        w.flush();
        assertEquals("G +- sigma", b.toString(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
