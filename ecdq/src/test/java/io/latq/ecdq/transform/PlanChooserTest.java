package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidate plans and the geometry every plan must satisfy. */
class PlanChooserTest {

    @Test
    void candidatesCoverTheArrayWithContiguousBlocks() {
        for (long[] shape : new long[][] {{100_000}, {1024, 1024}, {50, 40, 30}, {7}, {3, 1000}}) {
            List<TransformPlan> plans = PlanChooser.candidates(shape, 1, null, "auto", 0, 1 << 22);
            assertTrue(plans.get(0).isIdentityInTime(), "the identity comes first");
            for (TransformPlan p : plans) {
                long total = 0;
                for (long b = 0; b < p.blockCount(); b++) {
                    long s = p.samplesInBlock(b);
                    assertTrue(s > 0 && s <= p.maxBlockSamples(), p.describe());
                    total += s;
                }
                long n = 1;
                for (long d : shape) {
                    n *= d;
                }
                assertEquals(n, total, p.describe() + " covers every sample once");
                int[] band = p.bandMap((int) p.rowsInBlock(0));
                for (int b : band) {
                    assertTrue(b >= 0 && b < p.bands());
                }
            }
        }
    }

    @Test
    void forcedModes() {
        assertTrue(PlanChooser.candidates(new long[] {5000}, 1, null, "none", 0, 1 << 22).stream()
                .allMatch(TransformPlan::isIdentityInTime));
        List<TransformPlan> dct = PlanChooser.candidates(new long[] {5000}, 1, null, "dct:64", 0, 1 << 22);
        assertFalse(dct.isEmpty());
        assertTrue(dct.stream().allMatch(p -> p.tiles()[0] == 64));
        assertThrows(IllegalArgumentException.class,
                () -> PlanChooser.candidates(new long[] {50, 40, 30}, 1, null, "dct:32", 0, 1 << 22));
        assertThrows(IllegalArgumentException.class,
                () -> PlanChooser.candidates(new long[] {5000}, 1, null, "dct:48", 0, 1 << 22));
    }

    @Test
    void separableBandsKeepDirectionsApart() {
        BandPartition radial = BandPartition.forTiles(new int[] {8, 8}, 2);
        BandPartition sep = BandPartition.separable(new int[] {8, 8}, 2);
        // bins (0, 4) and (4, 0): same radius, different directions
        assertEquals(radial.bandOfBin(4), radial.bandOfBin(4 * 8));
        assertTrue(sep.bandOfBin(4) != sep.bandOfBin(4 * 8));
        int k1 = BandPartition.forTiles(new int[] {8}, 2).bandCount();
        assertEquals(k1 * k1, sep.bandCount());
    }
}
