package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianIntervalBatchTest {

    private static byte[] bytes(RansEncoder e) {
        e.finish();
        return Arrays.copyOfRange(e.buffer(), e.offset(), e.buffer().length);
    }

    /**
     * Oracle: the same symbols pushed one at a time with the plain model ({@link ReferenceGaussianModel}). Symbols of
     * every kind are mixed (window, tails, escapes) with raw bits, across several automatic flushes.
     */
    @Test
    void batchedStreamEqualsSymbolBySymbolStream() {
        SplittableRandom rnd = new SplittableRandom(99);
        for (int trial = 0; trial < 40; trial++) {
            DiscretizedGaussianModel model = new DiscretizedGaussianModel();
            ReferenceGaussianModel ref = new ReferenceGaussianModel();
            GaussianIntervalBatch batch = new GaussianIntervalBatch();
            RansEncoder batched = new RansEncoder();
            RansEncoder direct = new RansEncoder();
            int n = rnd.nextInt(1, 3 * GaussianIntervalBatch.CAPACITY);
            for (int i = 0; i < n; i++) {
                double t = rnd.nextInt(3) == 0 ? 16 + 16 * rnd.nextDouble() : 0.05 + 6 * rnd.nextDouble();
                double mu = rnd.nextInt(-100, 100) + rnd.nextDouble();
                model.configure(mu, t);
                ref.configure(mu, t);
                int s = rnd.nextInt(10) == 0 ? model.escapeSymbol() : rnd.nextInt(model.windowSize());
                if (rnd.nextBoolean()) { // mostly near the centre, like real data
                    s = model.symbolOf(Math.round(mu + t * rnd.nextGaussian()));
                }
                batch.push(model, s, batched);
                direct.push(ref, s);
                if (rnd.nextInt(7) == 0) {
                    long raw = rnd.nextLong();
                    batched.pushRaw64(raw);
                    direct.pushRaw64(raw);
                }
            }
            batch.flush(batched);
            assertArrayEquals(bytes(direct), bytes(batched), "trial " + trial);
        }
    }

    @Test
    void unfilledPlaceholderIsRefused() {
        RansEncoder e = new RansEncoder();
        e.push(100, 5);
        int slot = e.reserve();
        assertThrows(IllegalStateException.class, e::finish);
        e.fill(slot, 7, 3);
        assertThrows(IllegalStateException.class, () -> e.fill(slot, 7, 3));
        e.finish();
    }
}
