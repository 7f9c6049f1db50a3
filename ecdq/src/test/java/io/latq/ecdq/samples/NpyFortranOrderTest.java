package io.latq.ecdq.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Fortran-order .npy (what {@code np.save(a.T)} writes) round-trips with its shape, dtype and order. */
class NpyFortranOrderTest {
    @TempDir
    Path dir;

    /** The file NumPy 1.x writes for a Fortran-order array of this shape: version 1, header padded to 64 bytes. */
    private static byte[] fortranNpy(String descr, long rows, long cols, double[] columnMajor) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': True, 'shape': (" + rows + ", " + cols + "), }";
        int headerLen = (10 + dict.length() + 1 + 63) / 64 * 64 - 10;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) headerLen,
            (byte) (headerLen >>> 8)});
        o.writeBytes(dict.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = dict.length(); i < headerLen - 1; i++) {
            o.write(' ');
        }
        o.write('\n');
        boolean big = descr.charAt(0) == '>';
        int width = descr.endsWith("8") ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(columnMajor.length * width)
                .order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : columnMajor) {
            if (width == 8) {
                b.putDouble(v);
            } else {
                b.putFloat((float) v);
            }
        }
        o.writeBytes(b.array());
        return o.toByteArray();
    }

    @Test
    void fortranOrderIsReadWrittenAndCompressedWithItsOrder() throws IOException {
        for (String descr : new String[] {"<f8", ">f4"}) {
            long rows = 300;
            long cols = 3;
            double[] a = new double[(int) (rows * cols)];
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    double v = Math.sin(i * 0.03 * (j + 1)) * Math.pow(10, j); // columns of different scales
                    a[(int) (j * rows + i)] = descr.endsWith("4") ? (float) v : v;
                }
            }
            byte[] file = fortranNpy(descr, rows, cols, a);
            Path p = Files.write(dir.resolve("f" + descr.charAt(2) + ".npy"), file);
            SampleFormat f;
            double[] x = new double[a.length];
            try (SampleReader r = SampleFiles.open(p, null)) {
                f = r.format();
                assertEquals(a.length, r.read(x, 0, x.length));
            }
            assertTrue(f.fortranOrder(), f.toString());
            assertArrayEquals(new long[] {rows, cols}, f.numpyShape());
            assertArrayEquals(new long[] {cols, rows}, f.shape());
            assertArrayEquals(a, x);
            assertTrue(f.describe().contains("Fortran order"), f.describe());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SampleWriter w = SampleFiles.create(out, f);
            w.write(x, 0, x.length);
            w.finish();
            assertArrayEquals(file, out.toByteArray(), "written back byte for byte");

            Path lq = dir.resolve("f" + descr.charAt(2) + ".lq");
            Path back = dir.resolve("back" + descr.charAt(2) + ".npy");
            EcdqCompressor.compress(p, null, lq, EcdqOptions.mse(1e-6).withSeed(3L));
            EcdqDecompressor.decompress(lq, back, TestData.dec(true, 1));
            byte[] got = Files.readAllBytes(back);
            assertEquals(file.length, got.length);
            int dataStart = file.length - a.length * (descr.endsWith("8") ? 8 : 4);
            assertArrayEquals(Arrays.copyOf(file, dataStart), Arrays.copyOf(got, dataStart), "header restored");
            try (SampleReader r = SampleFiles.open(back, null)) {
                assertEquals(f, r.format());
                double[] y = new double[a.length];
                assertEquals(a.length, r.read(y, 0, y.length));
                double sse = 0;
                for (int i = 0; i < y.length; i++) {
                    sse += (y[i] - a[i]) * (y[i] - a[i]);
                }
                assertTrue(sse / y.length < 1e-4, "mse " + sse / y.length);
            }
        }
    }
}
