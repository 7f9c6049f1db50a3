package io.latq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsmCommandTest {

    @TempDir
    Path dir;

    private static double field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), "missing key " + key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void jsonHasTheDocumentedKeysAndAnHonestEstimate() {
        CliRunner r = CliRunner.run("nsm", "--lattice", "E8", "--samples", "200000", "--seed", "3", "--json");
        assertEquals(0, r.exitCode, r.err);
        String json = r.out.strip();
        assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"), json);
        for (String key : new String[] {"lattice", "dimension", "samples", "seed", "nsm", "stderr", "ci95_low",
                "ci95_high", "granular_gain_db", "gap_to_sphere_bound_db"}) {
            assertTrue(json.contains("\"" + key + "\":"), key);
        }
        assertTrue(json.contains("\"lattice\":\"E8\""));
        assertEquals(8, field(json, "dimension"));
        double g = field(json, "nsm");
        double se = field(json, "stderr");
        assertTrue(Math.abs(g - 929.0 / 12960.0) < 4 * se, json);
        assertEquals(10 * Math.log10((1.0 / 12.0) / g), field(json, "granular_gain_db"), 1e-12);
        assertEquals(2, field(json, "nsm_contract_version"));
        assertEquals(196, field(json, "batches")); // 200000 vectors in batches of 1024 (n = 8)
        assertTrue(field(json, "cpu_seconds") > 0, json);
    }

    @Test
    void warnsWhenTheSeedIsADesignsOptimizerSeed() {
        CliRunner r = CliRunner.run("nsm", "--lattice", "polar:n=64", "--samples", "100", "--seed", "1");
        assertEquals(0, r.exitCode, r.err);
        assertTrue(r.err.contains("warning: seed 1 is an optimizer seed of polar64"), r.err);
        CliRunner clean = CliRunner.run("nsm", "--lattice", "polar:n=64", "--samples", "100", "--seed",
                "1000000001");
        assertFalse(clean.err.contains("warning"), clean.err);
    }

    @Test
    void threadCountDoesNotChangeTheOutput() {
        String a = CliRunner.run("nsm", "--lattice", "D4", "--samples", "30000", "--json", "--threads", "1").out;
        String b = CliRunner.run("nsm", "--lattice", "D4", "--samples", "30000", "--json", "--threads", "3").out;
        assertEquals(field(a, "nsm"), field(b, "nsm"), 0.0);
        assertEquals(field(a, "stderr"), field(b, "stderr"), 0.0);
    }

    @Test
    void tableListsEveryLattice() {
        CliRunner r = CliRunner.run("nsm", "--lattice", "Z1,A2", "--lattice", "D3*", "--samples", "5000");
        assertEquals(0, r.exitCode, r.err);
        String[] lines = r.out.strip().split("\n");
        assertEquals(4, lines.length, r.out);
        assertTrue(lines[3].startsWith("D3*"));
    }

    @Test
    void generatorFileLattice() throws Exception {
        Path f = dir.resolve("hex.txt");
        Files.writeString(f, "# hexagonal lattice A2\n1 0\n0.5 0.8660254037844386\n");
        CliRunner r = CliRunner.run("nsm", "--lattice", "gen:file=" + f, "--samples", "100000", "--json");
        assertEquals(0, r.exitCode, r.err);
        double g = field(r.out, "nsm");
        assertTrue(Math.abs(g - 0.0801875) < 4 * field(r.out, "stderr"), r.out);
    }

    @Test
    void badInputGivesOneLineAndNonZeroExit() throws Exception {
        Path singular = dir.resolve("singular.txt");
        Files.writeString(singular, "1 2\n2 4\n");
        Path nonSquare = dir.resolve("nonsquare.txt");
        Files.writeString(nonSquare, "1 0 0\n0 1 0\n");
        String[][] cases = {
                {"nsm", "--lattice", "Q7", "--samples", "10"},
                {"nsm", "--lattice", "E8", "--samples", "0"},
                {"nsm", "--lattice", "E8", "--samples", "-5"},
                {"nsm", "--lattice", "E8", "--samples", "abc"},
                {"nsm", "--lattice", "E8", "--bogus"},
                {"nsm", "--lattice", "E8", "--threads", "0"},
                {"nsm"},
                {"nsm", "--lattice", "gen:file=" + singular},
                {"nsm", "--lattice", "gen:file=" + nonSquare},
                {"nsm", "--lattice", "gen:file=" + dir.resolve("missing.txt")},
                {"frobnicate"},
        };
        for (String[] args : cases) {
            CliRunner r = CliRunner.run(args);
            assertTrue(r.isOneLineError(), String.join(" ", args) + " -> exit " + r.exitCode + " err: " + r.err);
            assertEquals("", r.out, String.join(" ", args));
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(CliSupport.USAGE_ERROR, CliRunner.run("nsm", "--lattice", "E8", "--bogus").exitCode);
        assertEquals(CliSupport.USAGE_ERROR, CliRunner.run("nsm", "--lattice", "Q7").exitCode);
    }
}
