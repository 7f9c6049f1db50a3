package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rANS encoder's division by multiplication against the division itself, for every frequency. */
class RansEncoderReciprocalTest {
    @Test
    void reciprocalGivesTheQuotientForEveryFrequencyAndState() {
        SplittableRandom r = new SplittableRandom(11);
        long top = (1L << 31) - 1;
        for (int f = 1; f <= EntropyModel.TOTAL; f++) {
            long m = RansEncoder.Reciprocal.M[f];
            int s = RansEncoder.Reciprocal.SHIFT[f];
            long lastMultiple = top / f * f;
            long[] xs = {0, 1, f - 1L, f, f + 1L, lastMultiple - 1, lastMultiple, top, top - 1,
                    r.nextLong(1L << 31), r.nextLong(1L << 31), r.nextLong(1L << 31), (1L << 30) / f * f - 1};
            for (long x : xs) {
                if (x < 0) {
                    continue;
                }
                long q = (x * m) >>> s;
                if (q != x / f) {
                    fail("x = " + x + ", f = " + f + ": " + q + " instead of " + x / f);
                }
            }
        }
    }
}
