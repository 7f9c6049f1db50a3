package io.latq.ecdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static final int N = 3 * 65536 + 1000; // 4 blocks, the last one short

    @Test
    void compressionCountsBothPassesAndTheModelFitThenDecompressionCountsSamples() throws Exception {
        Path in = TestData.writeF64(dir.resolve("x.f64"), TestData.gaussian(N, 0, 1, 5));
        Recorder c = new Recorder();
        EcdqCompressor.compress(in, null, dir.resolve("x.lq"), EcdqOptions.mse(0.01).withLattice("E8")
                .withThreads(2), c);
        // at least: pass 1 and the statistics pass (1 unit a sample), coding (16 units a sample)
        assertTrue(c.last()[0] >= 2L * N + 16L * N, "counts every pass: " + c.last()[0]);
        assertEquals(c.last()[0], c.last()[1], "ends at its total");
        assertTrue(c.calls.size() >= 5, "reports during the run, not only at the end");
        assertTrue(c.calls.stream().allMatch(a -> a[1] > 0), "raw input: total known from the start");

        Recorder d = new Recorder();
        EcdqDecompressor.decompress(dir.resolve("x.lq"), dir.resolve("y.f64"), TestData.dec(false, 2), d);
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
                EcdqOptions.Target.RATE, 3.0), c);
        assertEquals(-1, c.calls.get(0)[1], "CSV: total unknown during pass 1");
        // Z1 with a rate target: the bisection's trial encodings are counted too (16 units a sample)
        assertTrue(c.last()[0] >= 2L * 70000 + 16L * 70000 + 16L * 14 * 8192, "counts the rate search: "
                + c.last()[0]);
        assertEquals(c.last()[0], c.last()[1]);
    }
}
