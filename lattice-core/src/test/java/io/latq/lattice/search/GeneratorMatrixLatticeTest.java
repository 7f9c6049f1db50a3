package io.latq.lattice.search;

import io.latq.lattice.E8Lattice;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.lattice.LatticeTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generator files: the accepted format and one clear error per kind of bad input. */
class GeneratorMatrixLatticeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertError(Path p, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneratorMatrixLattice.fromFile(p));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), "message must be one line: " + msg);
        for (String f : fragments) {
            assertTrue(msg.contains(f), "message '" + msg + "' lacks '" + f + "'");
        }
    }

    @Test
    void readsRowsWithCommentsCommasAndBlankLines() throws IOException {
        Path p = write("hex.txt", "# hexagonal lattice\n\n2, 0   # first row\n 1\t1.7320508075688772\n\n");
        GeneratorMatrixLattice l = GeneratorMatrixLattice.fromFile(p);
        assertEquals(2, l.dimension());
        assertEquals("gen:file=" + p, l.name());
        assertArrayEquals(new double[] {2, 0, 1, 1.7320508075688772}, l.generator().data, 0.0);
        assertEquals(Math.log(2 * 1.7320508075688772) / Math.log(2), l.log2Volume(), 1e-12);
        double[] q = LatticeTestSupport.quantize(l, new double[] {2.9, 1.6});
        assertArrayEquals(new double[] {3, 1.7320508075688772}, q, 1e-12);
        assertArrayEquals(new long[] {1, 1}, l.coordinates(q));
    }

    @Test
    void sameLatticeAsE8FromAFile() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (double[] row : LatticeTestSupport.rows(new E8Lattice())) {
            for (double v : row) {
                sb.append(v).append(' ');
            }
            sb.append('\n');
        }
        Lattice l = LatticeSpecs.parse("gen:file=" + write("e8.txt", sb.toString()));
        assertEquals(0.0, l.log2Volume(), 1e-12);
        double[] x = {0.3, -1.2, 0.5, 2.25, 0.75, -0.5, 0.1, 0.2};
        assertArrayEquals(LatticeTestSupport.quantize(new E8Lattice(), x), LatticeTestSupport.quantize(l, x), 0.0);
    }

    @Test
    void unreadableFile() {
        assertError(dir.resolve("missing.txt"), "missing.txt", "no such file");
        assertError(dir, "cannot read generator file");
    }

    @Test
    void nonNumericTokenNamesTheLine() throws IOException {
        assertError(write("a.txt", "1 0\n# c\n0 x1\n"), "line 3", "not a number", "'x1'");
    }

    @Test
    void raggedRows() throws IOException {
        assertError(write("b.txt", "1 0 0\n0 1\n0 0 1\n"), "line 2", "ragged");
    }

    @Test
    void nonSquare() throws IOException {
        assertError(write("c.txt", "1 0 0\n0 1 0\n"), "square", "2 rows of length 3");
    }

    @Test
    void singular() throws IOException {
        assertError(write("d.txt", "1 2 3\n4 5 6\n7 8 9\n"), "singular", "row 3");
        assertError(write("e.txt", "1 0\n0 0\n"), "singular", "row 2");
        assertError(write("f.txt", "1 1\n1 1.00000000000001\n"), "singular");
    }

    @Test
    void nonFiniteEntries() throws IOException {
        assertError(write("g.txt", "1 0\n0 NaN\n"), "line 2", "non-finite");
        assertError(write("h.txt", "Infinity 0\n0 1\n"), "line 1", "non-finite");
        assertError(write("i.txt", "1e999 0\n0 1\n"), "non-finite");
    }

    @Test
    void emptyFile() throws IOException {
        assertError(write("j.txt", ""), "empty");
        assertError(write("k.txt", "# only a comment\n\n   \n"), "empty");
    }

    @Test
    void dimensionAbove64() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            for (int j = 0; j < 65; j++) {
                sb.append(i == j ? "1 " : "0 ");
            }
            sb.append('\n');
        }
        assertError(write("big.txt", sb.toString()), "65", "64");
    }

    @Test
    void dimension64IsAcceptedAndDecodesExactly() {
        int n = 64;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            b[i][i] = 1;
            if (i > 0) {
                b[i][i - 1] = 0.5;
            }
        }
        GeneratorMatrixLattice l = new GeneratorMatrixLattice("tri64", b);
        // Near a lattice point (exact decoding of arbitrary 64-dimensional inputs can take seconds).
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[j] += ((i * 7) % 5 - 2) * b[i][j];
            }
        }
        for (int j = 0; j < n; j++) {
            x[j] += 0.15 * Math.sin(j);
        }
        double[] p = LatticeTestSupport.quantize(l, x);
        l.coordinates(p);
        // No lattice point of a neighbouring small combination is closer.
        double d = LatticeTestSupport.distSq(x, p);
        for (int i = 0; i < n; i++) {
            for (int s = -1; s <= 1; s += 2) {
                double[] q = LatticeTestSupport.add(p, LatticeTestSupport.scale(b[i], s));
                assertTrue(LatticeTestSupport.distSq(x, q) >= d - 1e-9);
            }
        }
    }
}
