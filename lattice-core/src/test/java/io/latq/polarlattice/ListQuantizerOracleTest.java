package io.latq.polarlattice;

import io.latq.polar.list.ListNodes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list quantizer built on the shared core against the historical one (test sources). */
class ListQuantizerOracleTest {

    @Test
    void sclNodesReproduceTheHistoricalListQuantizer() {
        // Same survivors up to rounding (repetition nodes at node level, level LLRs looked up by c mod 4); outputs
        // may differ only where two candidates tie to the last bits, so nearly all points must agree.
        SplittableRandom rnd = new SplittableRandom(41);
        int total = 0;
        int same = 0;
        for (PolarLatticeDesign d : List.of(PolarLatticeTest.shipped(64), PolarLatticeTest.tvDesign(128, 3, 0.6))) {
            for (int list : new int[] {4, 16}) {
                PolarLattice mine = new PolarLattice(d, PolarQuantizerOptions.list(list).withListNodes(ListNodes.SCL));
                ReferenceListQuantizer ref = new ReferenceListQuantizer(d, list, CheckNodeKernel.TABULATED);
                double width = Math.scalb(1.0, d.levels());
                for (int s = 0; s < 40; s++) {
                    double[] x = new double[d.n()];
                    for (int j = 0; j < x.length; j++) {
                        x[j] = width * rnd.nextDouble();
                    }
                    total++;
                    if (Arrays.equals(ref.quantize(x), PolarLatticeTest.q(mine, x))) {
                        same++;
                    }
                }
            }
        }
        assertTrue(same >= total - 2, same + " of " + total + " points equal the historical quantizer's");
    }
}
