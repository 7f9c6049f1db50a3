package io.latq.polarlattice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarLatticeOptimizerTest {

    private static final PolarQuantizerOptions SC = new PolarQuantizerOptions(1, ListSelection.PATH_METRIC,
            CheckNodeKernel.TABULATED);

    private static PolarLatticeOptimizer.Settings settings(LevelRankings.Method method, long seed, long ranking) {
        return new PolarLatticeOptimizer.Settings(16, 2, new double[] {0.5}, method, 8, 50, ranking, SC, 200, seed,
                1);
    }

    @Test
    void theDesignRecordsTheSearchSeedAndOnlyAMonteCarloRankingSeed() {
        PolarLatticeOptimizer.Result tv = new PolarLatticeOptimizer(settings(LevelRankings.Method.TAL_VARDY, 9, 9),
                null).optimize();
        assertEquals(Long.valueOf(9), tv.design().optimizerSeeds().search());
        assertNull(tv.design().optimizerSeeds().ranking());
        assertEquals(9, tv.score().seed());
        PolarLatticeOptimizer.Result mc = new PolarLatticeOptimizer(settings(LevelRankings.Method.MONTE_CARLO, 9,
                12), null).optimize();
        assertEquals(Long.valueOf(12), mc.design().optimizerSeeds().ranking());
        assertTrue(mc.design().optimizerSeeds().contains(12) && mc.design().optimizerSeeds().contains(9));
        // recorded seeds survive the file
        assertEquals(mc.design().optimizerSeeds(),
                PolarLatticeDesign.fromJson(mc.design().toJson()).optimizerSeeds());
    }

    @Test
    void seedsAtOrAbove2To20AreReservedForEvaluation() {
        assertThrows(IllegalArgumentException.class, () -> settings(LevelRankings.Method.TAL_VARDY, 1 << 20, 1));
        assertThrows(IllegalArgumentException.class, () -> settings(LevelRankings.Method.TAL_VARDY, 1, -1));
        assertThrows(IllegalArgumentException.class,
                () -> settings(LevelRankings.Method.TAL_VARDY, 1_000_000_001L, 1));
    }
}
