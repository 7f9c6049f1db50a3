package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.latq.ecdq.TestData;
import io.latq.ecdq.file.FileHeader;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compressor's two passes (cells before coding, the Welch spectrum beside it) against the one combined pass: the
 * same cell statistics, kept blocks and spectrum, so the printed bound does not depend on the split.
 */
class CellStatisticsPartsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"none", "dct:64"})
    void splitPassesGiveTheCombinedPassesStatistics(String transform) throws Exception {
        double[] x = TestData.gaussian(70000, 1.0, 2.0, 23);
        for (int i = 1; i < x.length; i++) {
            x[i] = 0.95 * x[i - 1] + 0.3 * x[i];
        }
        Path f = TestData.writeF64(dir.resolve("x.f64"), x);
        long[] ts = PlanChooser.timeShape(new long[] {x.length}, x.length, 1, false);
        TransformPlan plan = PlanChooser.candidates(ts, 1, null, transform, 8192, FileHeader.MAX_BLOCK_SAMPLES)
                .get(0);
        double[] mean = {1.0};
        double[] scale = {2.0};
        // every other block, as a sampled pass reads them
        CellStatistics both = CellStatistics.compute(f, null, plan, mean, scale, b -> b % 2 == 0, b -> b == 2,
                n -> { }, true, CellStatistics.Parts.BOTH);
        CellStatistics cells = CellStatistics.compute(f, null, plan, mean, scale, b -> b % 2 == 0, b -> b == 2,
                n -> { }, true, CellStatistics.Parts.CELLS);
        CellStatistics spectrum = CellStatistics.compute(f, null, plan, mean, scale, b -> b % 2 == 0, b -> false,
                n -> { }, true, CellStatistics.Parts.SPECTRUM);
        assertNull(cells.spectra);
        assertArrayEquals(both.variance, cells.variance);
        assertArrayEquals(both.weight, cells.weight);
        assertEquals(both.keptBlocks, cells.keptBlocks);
        assertArrayEquals(both.keptSamples.get(0), cells.keptSamples.get(0));
        assertArrayEquals(both.binMeanSquare[0], cells.binMeanSquare[0]);
        assertArrayEquals(both.spectra[0].psd(), spectrum.spectra[0].psd());
        assertEquals(both.processBound(scale, 0.01), spectrum.processBound(scale, 0.01));
    }
}
