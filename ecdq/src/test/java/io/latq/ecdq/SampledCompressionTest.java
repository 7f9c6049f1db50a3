package io.latq.ecdq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.common.LatqException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file above twice {@link EcdqCompressor#STATS_SAMPLES} samples is described by a sample (no full pass before
 * coding): it still meets its target, is the same for every thread count, and a non-finite sample the sample missed
 * is refused by the coder, leaving no output.
 */
class SampledCompressionTest {
    @TempDir
    Path dir;

    @Test
    void largeFileMeetsItsTargetAndRefusesAnUnseenNaN() throws Exception {
        int count = (int) (2 * EcdqCompressor.STATS_SAMPLES + 4096);
        double[] x = TestData.gaussian(count, 1.5, 2.0, 21);
        Path in = TestData.writeF64(dir.resolve("big.f64"), x);
        EcdqOptions opt = EcdqOptions.mse(0.04).withLattice("Z1").withTransform("none").withSeed(3L)
                .withCoder(io.latq.ecdq.file.FileHeader.CODER_PHASE_TABLE);
        Path one = dir.resolve("one.lq");
        CompressionReport r = EcdqCompressor.compress(in, null, one, opt.withThreads(1));
        Path two = dir.resolve("two.lq");
        EcdqCompressor.compress(in, null, two, opt.withThreads(2));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        // i.i.d. data above the water everywhere: the water level is the target whatever the sample saw; the MSE
        // is a mean over 8M errors of variance ≈ D with relative SE ≈ √(0.8/N) ≈ 3e-4
        assertEquals(0.04, r.mse(), 0.04 * 0.005);
        Path out = dir.resolve("y.f64");
        EcdqDecompressor.decompress(one, out, TestData.dec(false, 2));
        double[] y = TestData.readF64(out);
        double sse = 0;
        for (int i = 0; i < count; i++) {
            sse += (y[i] - x[i]) * (y[i] - x[i]);
        }
        assertEquals(r.mse(), sse / count, 1e-12);

        // between two sampled chunks (64 chunks of 2^16 samples starting at multiples of ⌊S/64⌋), so only the coder
        // sees it
        x[32 * (count / 64) + 65536 + 100] = Double.NaN;
        TestData.writeF64(in, x);
        Path bad = dir.resolve("bad.lq");
        LatqException e = assertThrows(LatqException.class, () -> EcdqCompressor.compress(in, null, bad, opt));
        assertTrue(e.getMessage().contains("is NaN"), e.getMessage());
        assertFalse(Files.exists(bad));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(TestData::isTemp));
        }
    }
}
