package io.latq.ecdq.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV: a header row and leading comments kept and restored, quoted fields, empty fields refused. */
class CsvContainerTest {
    @TempDir
    Path dir;

    private static double[] readAll(Path p, SampleFormat[] f) throws IOException {
        try (SampleReader r = SampleFiles.open(p, null)) {
            double[] buf = new double[1 << 12];
            double[] all = new double[0];
            int got;
            while ((got = r.read(buf, 0, buf.length)) > 0) {
                double[] a = java.util.Arrays.copyOf(all, all.length + got);
                System.arraycopy(buf, 0, a, all.length, got);
                all = a;
            }
            f[0] = r.format();
            return all;
        }
    }

    @Test
    void headerRowAndThreeScalesKeepThirtyDecibelsInEveryColumn() throws IOException {
        StringBuilder sb = new StringBuilder("# sensor log\n\ntime,\"pressure, kPa\",strain\n");
        int rows = 4000;
        double[] scales = {1e-3, 1, 1e4};
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 3; c++) {
                double v = scales[c] * (Math.sin(i * 0.01 * (c + 1)) + 0.3 * Math.cos(i * 0.37 + c));
                sb.append(c == 0 ? "" : ",").append(v);
            }
            sb.append('\n');
        }
        Path p = dir.resolve("h.csv");
        Files.writeString(p, sb);
        SampleFormat[] f0 = new SampleFormat[1];
        double[] x = readAll(p, f0);
        assertEquals(3, f0[0].csvColumns());
        assertEquals("# sensor log\n\ntime,\"pressure, kPa\",strain\n", f0[0].csvPreamble());
        Path lq = dir.resolve("h.lq");
        Path back = dir.resolve("back.csv");
        EcdqCompressor.compress(p, null, lq, EcdqOptions.mse(1).withTarget(EcdqOptions.Target.SNR_DB, 30)
                .withSeed(1L));
        EcdqDecompressor.decompress(lq, back, TestData.dec(false, 1));
        List<String> lines = Files.readAllLines(back);
        assertEquals("# sensor log", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("time,\"pressure, kPa\",strain", lines.get(2));
        SampleFormat[] f1 = new SampleFormat[1];
        double[] y = readAll(back, f1);
        assertEquals(f0[0], f1[0]);
        for (int c = 0; c < 3; c++) {
            double sig = 0;
            double err = 0;
            for (int i = c; i < x.length; i += 3) {
                sig += x[i] * x[i];
                err += (x[i] - y[i]) * (x[i] - y[i]);
            }
            double snr = 10 * Math.log10(sig / err);
            assertTrue(snr >= 29.5, "column " + c + ": " + snr + " dB");
        }
    }

    @Test
    void quotedFieldsAndDelimiters() throws IOException {
        Path p = dir.resolve("q.csv");
        Files.writeString(p, "\"1.5\",\"2\"\n3; 4\n\"5\" 6\n");
        SampleFormat[] f = new SampleFormat[1];
        assertArrayEquals(new double[] {1.5, 2, 3, 4, 5, 6}, readAll(p, f));
        assertEquals(2, f[0].csvColumns());
        assertEquals("", f[0].csvPreamble());
        assertEquals(List.of("a", "b,c", "d\"e"), CsvSamples.fields("a, \"b,c\" ,\"d\"\"e\""));
    }

    @Test
    void emptyFieldsAreRefusedWithLineAndColumn() throws IOException {
        for (String[] c : new String[][] {{"1,2\n3,,4\n", "line 2, column 2: empty field"},
            {"3,,4\n", "line 1, column 2: empty field"}, {"1,2,\n", "line 1, column 3: empty field"},
            {"a,b\n1,2\nx,y\n", "line 3: not a number"}}) {
            Path p = Files.writeString(dir.resolve("e.csv"), c[0]);
            LatqFormatException e = assertThrows(LatqFormatException.class, () -> readAll(p, new SampleFormat[1]));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
