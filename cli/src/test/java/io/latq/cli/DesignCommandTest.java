package io.latq.cli;

import io.latq.polarlattice.PolarLatticeDesign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAValidatedDesignWithCapacityMatchedSizes() throws Exception {
        Path out = dir.resolve("d.json");
        CliRunner r = CliRunner.run("design", "polar", "--n", "64", "--sigma", "0.55", "--mu", "16", "-o",
                out.toString());
        assertEquals(0, r.exitCode, r.err);
        PolarLatticeDesign d = PolarLatticeDesign.fromJson(Files.readString(out));
        assertEquals(64, d.n());
        assertEquals(2, d.levels());
        assertEquals((int) Math.ceil(64 * d.capacity(1)), d.k(1));
        assertTrue(d.notes().contains("latq design polar --n 64 --sigma 0.55 --mu 16 -o design.json"), d.notes());
        assertTrue(r.out.contains("capacity") && r.out.contains(d.sha256()), r.out);
    }

    @Test
    void explicitSizesAndJsonSummary() throws Exception {
        Path out = dir.resolve("d.json");
        CliRunner r = CliRunner.run("design", "polar", "--n", "32", "--levels", "3", "--k", "2,20,31",
                "--mu", "8", "-o", out.toString(), "--json");
        assertEquals(0, r.exitCode, r.err);
        PolarLatticeDesign d = PolarLatticeDesign.fromJson(Files.readString(out));
        assertArrayEquals(new int[] {2, 20, 31}, d.ks());
        String json = r.out.strip();
        assertTrue(json.startsWith("{") && !json.contains("\n") && json.contains("\"sha256\":\"" + d.sha256()),
                json);
    }

    @Test
    void optimizeIsReproducibleAndRecordsTheCheck() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String[] base = {"design", "polar", "--n", "64", "--sigma", "0.5", "--mu", "8", "--optimize", "--samples",
            "300", "--seed", "5", "--no-progress"};
        CliRunner r1 = CliRunner.run(concat(base, "-o", a.toString(), "--threads", "1"));
        CliRunner r2 = CliRunner.run(concat(base, "-o", b.toString(), "--threads", "2"));
        assertEquals(0, r1.exitCode, r1.err);
        assertEquals(0, r2.exitCode, r2.err);
        PolarLatticeDesign da = PolarLatticeDesign.fromJson(Files.readString(a));
        PolarLatticeDesign db = PolarLatticeDesign.fromJson(Files.readString(b));
        assertEquals(da, db);
        assertTrue(da.notes().contains("check with evaluation seed 1000000001"), da.notes());
        assertTrue(r1.out.contains("search:") && r1.out.contains("check:"), r1.out);
        // the search seed is recorded (Tal-Vardy ranking: no ranking seed), and the file is format version 2
        assertEquals(Long.valueOf(5), da.optimizerSeeds().search());
        assertEquals(null, da.optimizerSeeds().ranking());
        assertTrue(Files.readString(a).contains("\"optimizer_seeds\": {\"search\": 5, \"ranking\": null}"));
    }

    @Test
    void badArgumentsGiveOneLineErrors() {
        Path out = dir.resolve("x.json");
        for (String[] args : new String[][] {
            {"design", "polar", "--n", "100", "-o", out.toString()},
            {"design", "polar", "--n", "64", "--levels", "0", "-o", out.toString()},
            {"design", "polar", "--n", "64", "--k", "5", "-o", out.toString()},
            {"design", "polar", "--n", "64", "--k", "30,5", "-o", out.toString()},
            {"design", "polar", "--n", "64", "--sigma", "0.5,0.6", "-o", out.toString()},
            {"design", "polar", "--n", "64", "--construction", "ga", "-o", out.toString()},
            {"design", "polar", "--n", "64", "--optimize", "--seed", "1048576", "-o", out.toString()},
            {"design", "polar", "--n", "64", "--optimize", "--seed", "-1", "-o", out.toString()},
            {"design", "polar", "--n", "64", "-o", dir.resolve("no/such/dir/x.json").toString()},
            {"design"},
        }) {
            CliRunner r = CliRunner.run(args);
            assertTrue(r.isOneLineError(), String.join(" ", args) + " -> " + r.err);
            assertFalse(Files.exists(out));
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
