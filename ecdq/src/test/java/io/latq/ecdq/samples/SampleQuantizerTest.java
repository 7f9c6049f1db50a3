package io.latq.ecdq.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latq.common.LatqException;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quantize through the sample I/O: a .npy stays a .npy (header and shape), a CSV keeps its columns and header. */
class SampleQuantizerTest {
    @TempDir
    Path dir;

    private Path write(String name, SampleFormat f, double[] x) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p)) {
            SampleWriter w = SampleFiles.create(o, f);
            w.write(x, 0, x.length);
            w.finish();
        }
        return p;
    }

    private static double[] read(Path p, SampleFormat[] f) throws IOException {
        try (SampleReader r = SampleFiles.open(p, null)) {
            double[] x = new double[1 << 12];
            int off = 0;
            int got;
            while ((got = r.read(x, off, x.length - off)) > 0) {
                off += got;
            }
            f[0] = r.format();
            return Arrays.copyOf(x, off);
        }
    }

    @Test
    void npyAndCsvKeepTheirContainer() throws Exception {
        Lattice d4 = LatticeSpecs.parse("D4");
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * Math.sin(i * 0.37);
        }
        double[] q = new double[x.length];
        for (int r = 0; r < x.length / 4; r++) {
            d4.quantize(x, r * 4, q, r * 4);
        }
        SampleFormat npy = SampleFormat.npy(SampleType.F64, false, new long[] {100, 4});
        Path in = write("x.npy", npy, x);
        assertEquals(100, SampleQuantizer.quantizeFile(d4, in, null, dir.resolve("q.npy"), false));
        SampleFormat[] f = new SampleFormat[1];
        assertArrayEquals(q, read(dir.resolve("q.npy"), f));
        assertEquals(npy, f[0]);
        assertArrayEquals(Arrays.copyOf(Files.readAllBytes(in), 128),
                Arrays.copyOf(Files.readAllBytes(dir.resolve("q.npy")), 128));

        SampleFormat csv = SampleFormat.csv(4, 400, "a,b,c,d\n");
        Path c = write("x.csv", csv, x);
        SampleQuantizer.quantizeFile(d4, c, null, dir.resolve("q.csv"), false);
        assertArrayEquals(q, read(dir.resolve("q.csv"), f));
        assertEquals(csv, f[0]);

        Path odd = write("o.npy", SampleFormat.npy(SampleType.F64, false, new long[] {3, 3}), new double[9]);
        assertThrows(LatqException.class, () -> SampleQuantizer.quantizeFile(d4, odd, null, dir.resolve("o2.npy"),
                false));
    }
}
