package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The identity plan's bin map (all zeros, no tile walk) against the general {@link SeparableDct} computation. */
class IdentityBinMapTest {

    @Test
    void identityPlansMapEveryPositionToBinZeroAsTheTileWalkDoes() {
        TransformPlan[] plans = {
            new TransformPlan(new long[] {100_000}, 1, 1, new int[] {1}, 8192, null),
            new TransformPlan(new long[] {300, 7, 5}, 2, 3, new int[] {1, 1, 1}, 64, null),
            new TransformPlan(new long[] {1000, 6}, 1, 2, new int[] {1, 1}, 1000, null)};
        for (TransformPlan p : plans) {
            for (int rows : new int[] {1, 3, (int) Math.min(p.rowsPerBlock(), p.timeShape()[0])}) {
                SeparableDct t = new SeparableDct(p.blockShape(rows), p.tiles());
                assertArrayEquals(t.bins(), p.binMap(rows));
            }
        }
    }
}
