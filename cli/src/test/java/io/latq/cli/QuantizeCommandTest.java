package io.latq.cli;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantizeCommandTest {

    @TempDir
    Path dir;

    static void writeRows(Path f, double[] v) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        Files.write(f, b.array());
    }

    static double[] readRows(Path f) throws Exception {
        byte[] bytes = Files.readAllBytes(f);
        double[] v = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }

    private void checkAgainstLibrary(String spec, int rows, long seed) throws Exception {
        Lattice l = LatticeSpecs.parse(spec);
        int n = l.dimension();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[rows * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = 6 * (rnd.nextDouble() - 0.5);
        }
        Path in = dir.resolve("in-" + seed + ".f64");
        Path out = dir.resolve("out-" + seed + ".f64");
        writeRows(in, x);
        CliRunner r = CliRunner.run("quantize", "--lattice", spec, "-i", in.toString(), "-o",
                out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode, r.err);
        double[] q = readRows(out);
        double[] expected = new double[x.length];
        for (int i = 0; i < rows; i++) {
            l.quantize(x, i * n, expected, i * n);
        }
        assertArrayEquals(expected, q, spec);
    }

    @Test
    void quantizesEveryRowLikeTheLibrary() throws Exception {
        checkAgainstLibrary("E8", 5000, 1);
        checkAgainstLibrary("D4", 3, 2);
        checkAgainstLibrary("polar:n=64", 300, 3);
        checkAgainstLibrary("polar:n=64,list=4", 50, 4);
    }

    @Test
    void refusesARaggedFileWithOneLineAndNoOutput() throws Exception {
        Path in = dir.resolve("ragged.f64");
        writeRows(in, new double[9]);
        Path out = dir.resolve("o.f64");
        CliRunner r = CliRunner.run("quantize", "--lattice", "E8", "-i", in.toString(), "-o",
                out.toString());
        assertTrue(r.isOneLineError(), r.err);
        assertTrue(r.err.contains("72 bytes") && r.err.contains("64 bytes"), r.err);
        assertFalse(Files.exists(out));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void refusesAnExistingOutputWithoutForce() throws Exception {
        Path in = dir.resolve("in.f64");
        writeRows(in, new double[16]);
        Path out = dir.resolve("out.f64");
        Files.writeString(out, "keep me");
        CliRunner r = CliRunner.run("quantize", "--lattice", "E8", "-i", in.toString(), "-o",
                out.toString());
        assertTrue(r.isOneLineError(), r.err);
        assertEquals("keep me", Files.readString(out));
        CliRunner f = CliRunner.run("quantize", "--lattice", "E8", "-i", in.toString(), "-o",
                out.toString(), "--force");
        assertEquals(0, f.exitCode, f.err);
        assertEquals(128, Files.size(out));
    }

    @Test
    void otherErrorsAreOneLine() throws Exception {
        Path in = dir.resolve("nan.f64");
        double[] v = new double[8];
        v[3] = Double.NaN;
        writeRows(in, v);
        Path out = dir.resolve("o.f64");
        for (String[] args : new String[][] {
            {"quantize", "--lattice", "E8", "-i", in.toString(), "-o", out.toString()},
            {"quantize", "--lattice", "E9", "-i", in.toString(), "-o", out.toString()},
            {"quantize", "--lattice", "E8", "-i", dir.resolve("missing").toString(), "-o", out.toString()},
            {"quantize", "--lattice", "polar:n=100", "-i", in.toString(), "-o", out.toString()},
            {"quantize", "--lattice", "E8", "-i", in.toString(), "-o", in.toString()},
        }) {
            CliRunner r = CliRunner.run(args);
            assertTrue(r.isOneLineError(), String.join(" ", args) + " -> " + r.err);
            assertFalse(Files.exists(out));
        }
    }
}
