package io.latq.ecdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.lattice.LatticeSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress callbacks of compression and decompression: monotone, consistent, and ending at the exact work. */
class ProgressListenerTest {
    @TempDir
    Path dir;

    /** Records every call and checks the invariants the interface promises. */
    static final class Recorder implements ProgressListener {
        final List<long[]> calls = new ArrayList<>();
        final Thread owner = Thread.currentThread();

        @Override
        public void progress(long done, long total) {
            assertEquals(owner, Thread.currentThread(), "called on the caller's thread");
            if (!calls.isEmpty()) {
                assertTrue(done >= calls.get(calls.size() - 1)[0], "done never decreases");
            }
            assertTrue(total == -1 || total >= done, done + " of " + total);
            calls.add(new long[] {done, total});
        }

        long[] last() {
            return calls.get(calls.size() - 1);
        }
    }

    /**
     * Vectors in the pass-1 subsample: every s-th of {@code vectors}, with s the smallest power of two that fits
     * them into {@code capacity}.
     */
    private static long subsampleVectors(long vectors, long capacity) {
        long s = 1;
        while ((vectors + s - 1) / s > capacity) {
            s *= 2;
        }
        return (vectors + s - 1) / s;
    }

    private static final int N = 3 * 65536 + 1000; // 4 blocks, the last one short

    @Test
    void compressionCountsBothPassesAndTheModelFitThenDecompressionCountsSamples() throws Exception {
        Path in = TestData.writeF64(dir.resolve("x.f64"), TestData.gaussian(N, 0, 1, 5));
        Recorder c = new Recorder();
        EcdqCompressor.compress(in, null, dir.resolve("x.lq"), EcdqOptions.mse(0.01).withLattice("E8")
                .withThreads(2), LatticeSpecs::parse, c);
        // E8: pass 1 scans N, then codes 5 fits of the subsample and the N samples of pass 2 (16 units each)
        long fit = 5L * 8 * subsampleVectors((N + 7) / 8, 65536 / 8);
        assertEquals(N + 16 * (fit + N), c.last()[0]);
        assertEquals(c.last()[0], c.last()[1], "ends at its total");
        assertTrue(c.calls.size() >= 5, "reports during the run, not only at the end");
        assertTrue(c.calls.stream().allMatch(a -> a[1] > 0), "raw input: total known from the start");

        Recorder d = new Recorder();
        EcdqDecompressor.decompress(dir.resolve("x.lq"), dir.resolve("y.f64"), false, 2, LatticeSpecs::parse, d);
        assertEquals(0, d.calls.get(0)[0]);
        assertEquals(N, d.last()[0]);
        assertEquals(N, d.last()[1]);
        assertTrue(d.calls.stream().allMatch(a -> a[1] == N));
    }

    @Test
    void csvTotalIsUnknownUntilScannedAndRateSearchIsCounted() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (double v : TestData.gaussian(70000, 0, 1, 6)) {
            sb.append(v).append('\n');
        }
        Path in = dir.resolve("x.csv");
        Files.writeString(in, sb, StandardCharsets.US_ASCII);
        Recorder c = new Recorder();
        EcdqCompressor.compress(in, null, dir.resolve("x.lq"), EcdqOptions.mse(1).withTarget(
                EcdqOptions.Target.RATE, 3.0), LatticeSpecs::parse, c);
        assertEquals(-1, c.calls.get(0)[1], "CSV: total unknown during pass 1");
        // Z1 with a rate target: pass 1, 16 bisection steps on the subsample, pass 2; no fit in one dimension
        assertEquals(70000 + 16 * (70000 + 16L * subsampleVectors(70000, 65536)), c.last()[0]);
        assertEquals(c.last()[0], c.last()[1]);
    }
}
