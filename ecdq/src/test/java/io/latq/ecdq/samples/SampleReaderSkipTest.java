package io.latq.ecdq.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latq.common.LatqException;
import io.latq.ecdq.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SampleReader#skip}: a seek for fixed-width files, reading for CSV; the same samples follow either way. */
class SampleReaderSkipTest {
    @TempDir
    Path dir;

    @Test
    void skippingThenReadingGivesTheSamplesThatFollow() throws Exception {
        double[] x = TestData.gaussian(100_000, 0, 1, 3);
        Path raw = TestData.writeF64(dir.resolve("x.f64"), x);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            csv.append(x[i]).append('\n');
        }
        Path text = Files.writeString(dir.resolve("x.csv"), csv);
        for (Path p : new Path[] {raw, text}) {
            try (SampleReader r = SampleFiles.open(p, null)) {
                double[] got = new double[50];
                r.skip(0);
                r.skip(1234);
                r.readFully(got, 50);
                assertArrayEquals(Arrays.copyOfRange(x, 1234, 1284), got, p.toString());
                r.skip(1000);
                r.readFully(got, 50);
                assertArrayEquals(Arrays.copyOfRange(x, 2284, 2334), got, p.toString());
            }
        }
    }

    @Test
    void skippingPastTheEndIsAChangedInput() throws Exception {
        Path raw = TestData.writeF64(dir.resolve("y.f64"), new double[1000]);
        try (SampleReader r = SampleFiles.open(raw, null)) {
            r.skip(999);
            assertThrows(LatqException.class, () -> r.skip(2));
        }
        Path text = Files.writeString(dir.resolve("y.csv"), "1\n2\n3\n");
        try (SampleReader r = SampleFiles.open(text, null)) {
            assertThrows(LatqException.class, () -> r.skip(4));
        }
    }
}
