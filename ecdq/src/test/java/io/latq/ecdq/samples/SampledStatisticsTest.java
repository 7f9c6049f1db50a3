package io.latq.ecdq.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampled pass 1 against its definition: Welford's update over the documented chunks, in order. */
class SampledStatisticsTest {
    @TempDir
    Path dir;

    @Test
    void sampledStatisticsAreThoseOfTheDocumentedChunks() throws Exception {
        int chunk = SourceStatistics.CHUNK;
        long limit = 3L * chunk;
        double[] x = TestData.gaussian(7 * chunk + 123, 2.0, 3.0, 9);
        Path f = TestData.writeF64(dir.resolve("x.f64"), x);
        SourceStatistics st = SourceStatistics.scan(f, null, false, 8, limit, n -> { });
        assertTrue(st.sampled);
        assertEquals(x.length, st.count);
        long stride = x.length / 3; // S time steps over K = 3 chunks (one channel)
        long k = 0;
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < 3; i++) {
            for (long j = i * stride; j < i * stride + chunk; j++) {
                double d = x[(int) j] - mean;
                mean += d / ++k;
                m2 += d * (x[(int) j] - mean);
            }
        }
        assertEquals(3L * chunk, st.finite[0]);
        assertEquals(mean, st.mean[0]);
        assertEquals(m2, st.m2[0]);
    }

    @Test
    void smallFilesCsvAndKeptNonFiniteAreReadWhole() throws Exception {
        int chunk = SourceStatistics.CHUNK;
        double[] x = TestData.gaussian(2 * chunk, 0, 1, 4);
        Path f = TestData.writeF64(dir.resolve("y.f64"), x);
        SourceStatistics whole = SourceStatistics.scan(f, null, false, 8, 0, n -> { });
        SourceStatistics small = SourceStatistics.scan(f, null, false, 8, chunk, n -> { }); // not above 2·limit
        SourceStatistics kept = SourceStatistics.scan(f, null, true, 8, chunk / 2, n -> { });
        for (SourceStatistics s : new SourceStatistics[] {small, kept}) {
            assertFalse(s.sampled);
            assertEquals(whole.mean[0], s.mean[0]);
            assertEquals(whole.m2[0], s.m2[0]);
            assertEquals(x.length, s.finite[0]);
        }
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            csv.append(x[i]).append('\n');
        }
        Path c = Files.writeString(dir.resolve("y.csv"), csv);
        assertFalse(SourceStatistics.scan(c, null, false, 8, 1, n -> { }).sampled);
    }
}
