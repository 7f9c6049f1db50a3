package io.latq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoodnessCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesCsvAndSvgAndFitsMu() throws Exception {
        Path csv = dir.resolve("g.csv");
        Path svg = dir.resolve("g.svg");
        CliRunner r = CliRunner.run("goodness", "--n", "64..256", "--list", "1,2", "--samples", "400",
                "--csv", csv.toString(), "--plot", svg.toString(), "--threads", "2", "--no-progress");
        assertEquals(0, r.exitCode, r.err);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 6, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("n,list,lattice,samples,seed,nsm,stderr,ci95_low,ci95_high"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double g = Double.parseDouble(f[5]);
            assertTrue(g > 1 / (2 * Math.PI * Math.E) && g < 1.0 / 12, line);
        }
        String s = Files.readString(svg);
        assertTrue(s.startsWith("<svg") && s.strip().endsWith("</svg>"));
        assertTrue(s.contains("E8 0.0716821") && s.contains("Leech 0.0657710") && s.contains("1/(2 pi e)"));
        assertTrue(s.contains("TCQ 256 states (1.33 dB)") && s.contains("LDGM, Wang-He (1.4906 dB)")
                && s.contains("bound G_ball(N)"), s);
        assertTrue(r.out.contains("list 1: G - 1/(2 pi e) ~ N^(-1/mu), mu = "), r.out);
        assertTrue(r.out.contains("cpu ms/vec"), r.out);
        // default seed: the first evaluation seed; every row has a CPU time and the batch contract version
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals("1000000001", f[header.indexOf("seed")], line);
            assertTrue(Double.parseDouble(f[header.indexOf("cpu_seconds_per_vector")]) > 0, line);
            assertEquals("2", f[header.indexOf("nsm_contract_version")], line);
            assertEquals("optimizer seed: 1 (legacy)", f[header.indexOf("design_optimizer_seeds")], line);
        }
    }

    @Test
    void refusesASeedThatADesignWasOptimizedOn() {
        Path csv = dir.resolve("g.csv");
        Path svg = dir.resolve("g.svg");
        // the shipped designs are legacy ones, searched with seed 1
        CliRunner r = CliRunner.run("goodness", "--n", "64", "--samples", "10", "--seed", "1", "--csv",
                csv.toString(), "--plot", svg.toString(), "--no-progress");
        assertTrue(r.isOneLineError(), r.err);
        assertTrue(r.err.contains("optimizer seed") && r.err.contains("1000000001"), r.err);
        assertFalse(Files.exists(csv));
        // another seed in the optimizer range is measured, with a warning
        CliRunner w = CliRunner.run("goodness", "--n", "64", "--samples", "10", "--seed", "3", "--csv",
                csv.toString(), "--plot", svg.toString(), "--no-progress");
        assertEquals(0, w.exitCode, w.err);
        assertTrue(w.err.contains("warning: seed 3 lies in the optimizer range"), w.err);
    }

    /** --reuse takes a matching point from the earlier CSV (here edited, to prove it is not measured again). */
    @Test
    void reuseTakesMatchingPointsFromAnEarlierCsv() throws Exception {
        Path first = dir.resolve("a.csv");
        Path svg = dir.resolve("a.svg");
        CliRunner r1 = CliRunner.run("goodness", "--n", "64", "--samples", "300", "--csv", first.toString(),
                "--plot", svg.toString(), "--no-progress");
        assertEquals(0, r1.exitCode, r1.err);
        List<String> rows = Files.readAllLines(first);
        String[] f = rows.get(1).split(",");
        f[5] = "0.070000000";
        Files.writeString(first, rows.get(0) + "\n" + String.join(",", f) + "\n");
        Path second = dir.resolve("b.csv");
        CliRunner r2 = CliRunner.run("goodness", "--n", "64,128", "--samples", "300", "--csv", second.toString(),
                "--plot", dir.resolve("b.svg").toString(), "--no-progress", "--reuse", first.toString());
        assertEquals(0, r2.exitCode, r2.err);
        List<String> out = Files.readAllLines(second);
        assertEquals("0.070000000", out.get(1).split(",")[5]);
        assertEquals(3, out.size());
        // another seed does not match: measured afresh
        Path third = dir.resolve("c.csv");
        CliRunner r3 = CliRunner.run("goodness", "--n", "64", "--samples", "300", "--seed", "1000000002", "--csv",
                third.toString(), "--plot", dir.resolve("c.svg").toString(), "--no-progress", "--reuse",
                first.toString());
        assertEquals(0, r3.exitCode, r3.err);
        assertFalse(Files.readAllLines(third).get(1).contains("0.070000000"));
        // a file that is not such a CSV is a one-line usage error
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "n,list\n64,1\n");
        CliRunner r4 = CliRunner.run("goodness", "--n", "64", "--samples", "300", "--csv", dir.resolve("d.csv")
                .toString(), "--plot", dir.resolve("d.svg").toString(), "--no-progress", "--reuse", bad.toString());
        assertTrue(r4.isOneLineError(), r4.err);
    }

    @Test
    void errorsAreOneLineAndLeaveNoFiles() {
        Path csv = dir.resolve("g.csv");
        Path svg = dir.resolve("g.svg");
        for (String[] args : new String[][] {
            {"goodness", "--n", "64..100", "--csv", csv.toString(), "--plot", svg.toString()},
            {"goodness", "--n", "48", "--csv", csv.toString(), "--plot", svg.toString()},
            {"goodness", "--n", "64", "--list", "0", "--csv", csv.toString(), "--plot", svg.toString()},
            {"goodness", "--n", "32", "--csv", csv.toString(), "--plot", svg.toString()},
        }) {
            CliRunner r = CliRunner.run(args);
            assertTrue(r.isOneLineError(), String.join(" ", args) + " -> " + r.err);
            assertFalse(Files.exists(csv));
            assertFalse(Files.exists(svg));
        }
    }
}
