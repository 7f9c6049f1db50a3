package io.latq.common.concurrent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkersTest {

    /** A sum of doubles folded in index order: the same bits for every thread count. */
    private static List<Double> run(int threads, long count) throws IOException {
        List<Double> seen = new ArrayList<>();
        AtomicInteger states = new AtomicInteger();
        try (Workers<double[]> w = new Workers<>(threads, () -> new double[] {states.incrementAndGet()})) {
            assertEquals(threads, w.threads());
            w.forEachInOrder(count, (scratch, i) -> {
                scratch[0] = i; // scratch is reused; the result depends on the index only
                if (i % 7 == 0) {
                    Thread.onSpinWait();
                }
                return 1.0 / (scratch[0] + 3);
            }, seen::add);
        }
        return seen;
    }

    @Test
    void forEachInOrderGivesResultsInIndexOrderForAnyThreadCount() throws IOException {
        List<Double> one = run(1, 1000);
        assertEquals(1000, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(1.0 / (i + 3), one.get(i), 0.0);
        }
        for (int t : new int[] {2, 3, 8}) {
            assertEquals(one, run(t, 1000), "threads " + t);
        }
        assertEquals(List.of(), run(4, 0));
    }

    @Test
    void theFirstFailureInIndexOrderIsRethrownAndLaterResultsAreNotSeen() {
        for (int t : new int[] {1, 4}) {
            List<Long> seen = new ArrayList<>();
            try (Workers<Object> w = new Workers<>(t, Object::new)) {
                IOException e = assertThrows(IOException.class, () -> w.forEachInOrder(100, (s, i) -> {
                    if (i == 40 || i == 60) {
                        throw new IOException("job " + i);
                    }
                    return i;
                }, seen::add));
                assertEquals("job 40", e.getMessage());
            }
            assertEquals(40, seen.size());
            assertEquals(39L, seen.get(39));
        }
    }
}
