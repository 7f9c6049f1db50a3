package io.latq.nsm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationSeedsTest {

    @Test
    void evaluationSeedsAreFixedAndDisjointFromOptimizerSeeds() {
        assertEquals(1_000_000_001L, EvaluationSeeds.FIRST);
        assertEquals(1_000_000_002L, EvaluationSeeds.seed(2));
        for (int k = 1; k <= 100; k++) {
            assertFalse(EvaluationSeeds.isOptimizerSeed(EvaluationSeeds.seed(k)), "E_" + k);
        }
        assertTrue(EvaluationSeeds.isOptimizerSeed(0));
        assertTrue(EvaluationSeeds.isOptimizerSeed(1));
        assertTrue(EvaluationSeeds.isOptimizerSeed((1 << 20) - 1));
        assertFalse(EvaluationSeeds.isOptimizerSeed(1 << 20));
        assertFalse(EvaluationSeeds.isOptimizerSeed(-1));
        assertThrows(IllegalArgumentException.class, () -> EvaluationSeeds.seed(0));
    }
}
