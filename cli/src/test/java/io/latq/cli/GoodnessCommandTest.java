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
        assertTrue(s.contains("E8 0.0716821") && s.contains("Leech 0.065771") && s.contains("1/(2 pi e)"));
        assertTrue(r.out.contains("list 1: G - 1/(2 pi e) ~ N^(-1/mu), mu = "), r.out);
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
