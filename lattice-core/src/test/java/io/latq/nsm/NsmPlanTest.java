package io.latq.nsm;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsmPlanTest {

    /**
     * Bits of the E8 estimate (50000 vectors, seed 4711) computed by the estimator before the per-batch API existed:
     * the refactor into {@link NsmPlan} must not change a single result.
     */
    @Test
    void estimatorResultIsPinnedAcrossTheRefactor() {
        NsmResult r = new NsmEstimator(LatticeSpecs.parse("E8")).estimate(50000, 4711, 2, null);
        assertEquals(4589840842468616022L, Double.doubleToRawLongBits(r.nsm()));
        assertEquals(4544811843099313053L, Double.doubleToRawLongBits(r.stderr()));
        assertEquals(4545965054899212236L, Double.doubleToRawLongBits(r.stderrBatchMeans()));
    }

    @Test
    void batchesComputedInAnyOrderFoldToTheEstimatorResult() {
        Lattice d4 = LatticeSpecs.parse("D4");
        long samples = 20 * NsmEstimator.MAX_BATCH_VECTORS + 77; // a short last batch
        NsmPlan plan = NsmPlan.of(d4, samples, 99);
        assertEquals(21, plan.batches());
        assertEquals(77, plan.batchSize(20));
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < plan.batches(); b++) {
            order.add(b);
        }
        Collections.shuffle(order, new Random(5));
        NsmBatch[] results = new NsmBatch[plan.batches()];
        for (int b : order) {
            // a fresh lattice per batch, as an executor rebuilding it from its spec would have
            results[b] = plan.batch(LatticeSpecs.parse("D4"), b);
        }
        NsmResult folded = plan.fold(results, 0);
        NsmResult local = new NsmEstimator(d4).estimate(samples, 99, 3, null);
        assertEquals(Double.doubleToRawLongBits(local.nsm()), Double.doubleToRawLongBits(folded.nsm()));
        assertEquals(Double.doubleToRawLongBits(local.stderr()), Double.doubleToRawLongBits(folded.stderr()));
        assertEquals(Double.doubleToRawLongBits(local.stderrBatchMeans()),
                Double.doubleToRawLongBits(folded.stderrBatchMeans()));
        assertEquals(local.batches(), folded.batches());
        assertEquals("D4", folded.lattice());
    }

    /** Contract version 2: about 2^16 scalars per batch, at most 1024 vectors (so n ≤ 64 is as in version 1). */
    @Test
    void batchSizeFollowsTheScalarContract() {
        assertEquals(2, NsmEstimator.CONTRACT_VERSION);
        assertEquals(1024, NsmEstimator.batchVectors(1));
        assertEquals(1024, NsmEstimator.batchVectors(8));
        assertEquals(1024, NsmEstimator.batchVectors(64));
        assertEquals(993, NsmEstimator.batchVectors(66)); // ⌈65536/66⌉
        assertEquals(64, NsmEstimator.batchVectors(1024));
        assertEquals(4, NsmEstimator.batchVectors(16384));
        assertEquals(1, NsmEstimator.batchVectors(65536));
        assertEquals(1, NsmEstimator.batchVectors(1 << 20));
        assertThrows(IllegalArgumentException.class, () -> NsmEstimator.batchVectors(0));
        // version 1 stays available: 1024 vectors for every n
        assertEquals(1024, NsmEstimator.batchVectors(16384, 1));
        assertThrows(IllegalArgumentException.class, () -> NsmEstimator.batchVectors(8, 3));
        NsmPlan plan = NsmPlan.of(LatticeSpecs.parse("Z1024"), 200, 5);
        assertEquals(64, plan.batchVectors());
        assertEquals(4, plan.batches()); // 64 + 64 + 64 + 8
        assertEquals(8, plan.batchSize(3));
    }

    /**
     * A large-n estimate is cut into many batches and, like a small one, does not depend on the thread count; its
     * bits are pinned (computed once under contract version 2).
     */
    @Test
    void largeDimensionEstimateIsManyBatchesAndThreadIndependent() {
        Lattice d = LatticeSpecs.parse("D4^64"); // n = 256: batches of 256 vectors
        NsmResult one = new NsmEstimator(d).estimate(1000, 11, 1, null);
        NsmResult two = new NsmEstimator(d).estimate(1000, 11, 2, null);
        assertEquals(4, one.batches());
        assertEquals(Double.doubleToRawLongBits(one.nsm()), Double.doubleToRawLongBits(two.nsm()));
        assertEquals(Double.doubleToRawLongBits(one.stderr()), Double.doubleToRawLongBits(two.stderr()));
        assertEquals(PINNED_D4_64_NSM, Double.doubleToRawLongBits(one.nsm()), () -> "nsm " + one.nsm() + " bits "
                + Double.doubleToRawLongBits(one.nsm()));
        // G(D4^64) = G(D4) = 0.0766032 (SPLAG Table 2.3); 1000 vectors of 256 dimensions resolve it to ~1e-4
        assertEquals(0.0766032, one.nsm(), 4 * one.stderr());
        assertTrue(one.cpuSeconds() > 0 && one.cpuSecondsPerVector() > 0, one.toString());
        assertEquals(2, one.contractVersion());
        // under contract 1 the same estimate is one batch, and other bits (the same G within its error)
        NsmResult v1 = new NsmEstimator(d).estimate(1000, 11, 2, null, 1);
        assertEquals(1, v1.batches());
        assertEquals(1, v1.contractVersion());
        assertTrue(Double.doubleToRawLongBits(v1.nsm()) != Double.doubleToRawLongBits(one.nsm()));
        assertEquals(one.nsm(), v1.nsm(), 6 * one.stderr());
        // for n <= 64 the versions agree bit for bit
        Lattice e8 = LatticeSpecs.parse("E8");
        assertEquals(Double.doubleToRawLongBits(new NsmEstimator(e8).estimate(3000, 2, 1, null, 1).nsm()),
                Double.doubleToRawLongBits(new NsmEstimator(e8).estimate(3000, 2, 1, null).nsm()));
    }

    private static final long PINNED_D4_64_NSM = 4590171118327442250L;

    @Test
    void aBatchDependsOnlyOnItsIndex() {
        NsmPlan plan = NsmPlan.of(LatticeSpecs.parse("E8"), 10_000, 3);
        assertEquals(plan.batch(LatticeSpecs.parse("E8"), 4), plan.batch(LatticeSpecs.parse("E8"), 4));
    }

    @Test
    void foldRejectsMissingOrMisplacedBatches() {
        Lattice z2 = LatticeSpecs.parse("Z2");
        NsmPlan plan = NsmPlan.of(z2, 3000, 1);
        NsmBatch[] results = {plan.batch(z2, 0), null, plan.batch(z2, 2)};
        assertThrows(IllegalArgumentException.class, () -> plan.fold(results, 0));
        NsmBatch[] swapped = {plan.batch(z2, 0), plan.batch(z2, 2), plan.batch(z2, 1)};
        assertThrows(IllegalArgumentException.class, () -> plan.fold(swapped, 0));
        assertThrows(IllegalArgumentException.class, () -> plan.fold(new NsmBatch[2], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> plan.batch(z2, 3));
        assertThrows(IllegalArgumentException.class, () -> NsmPlan.of(z2, 1, 1));
    }
}
