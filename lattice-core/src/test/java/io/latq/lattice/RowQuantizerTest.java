package io.latq.lattice;

import io.latq.common.LatqException;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowQuantizerTest {
    @TempDir
    Path dir;

    private static void write(Path f, double[] v) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        Files.write(f, b.array());
    }

    @Test
    void everyRowIsTheLatticePointWhateverTheThreadCount() throws Exception {
        Lattice l = LatticeSpecs.parse("E8");
        int rows = 9000; // more than two chunks
        double[] x = new double[rows * 8];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = 6 * (rnd.nextDouble() - 0.5);
        }
        Path in = dir.resolve("in.f64");
        write(in, x);
        double[] expected = new double[x.length];
        RowQuantizer.quantizeRows(l, x, expected, rows);
        ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(expected);
        for (int t : new int[] {1, 3}) {
            Path out = dir.resolve("out" + t + ".f64");
            assertEquals(rows, RowQuantizer.quantizeFile(l, in, out, false, t));
            assertArrayEquals(b.array(), Files.readAllBytes(out), "threads " + t);
        }
    }

    @Test
    void aNonFiniteValueNamesItsRowAndLeavesNoOutput() throws Exception {
        double[] x = new double[8 * 5];
        x[8 * 3 + 2] = Double.NaN;
        Path in = dir.resolve("nan.f64");
        write(in, x);
        Path out = dir.resolve("o.f64");
        LatqException e = assertThrows(LatqException.class,
                () -> RowQuantizer.quantizeFile(LatticeSpecs.parse("E8"), in, out, false, 2));
        assertTrue(e.getMessage().startsWith("row 3 has a non-finite value"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
