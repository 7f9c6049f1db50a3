package io.latq.polarlattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Issue bar: an independent joint-list reference ({@link ReferenceListQuantizer}, the list quantizer as it was before
 * the shared list core, with its own SCL level decoder) on the shipped N = 256 list-32 design agrees with latq's
 * list quantizer on the NSM within 4 standard errors, and every output of both is a lattice point of that design.
 *
 * <p>Both quantize the same vectors, uniform over [0, 2^r)^N (a union of fundamental regions), seed fixed; the
 * standard error is that of the mean of the paired per-vector differences of ‖x − Q(x)‖²/(n·V^(2/n)), so the
 * comparison is as tight as the two quantizers' disagreement allows.
 */
class JointListReferenceNsmTest {

    @Test
    void referenceAndShippedListQuantizerAgreeOnNsm() {
        PolarLatticeDesign design = ShippedDesigns.forN(256, 32);
        PolarLattice fast = new PolarLattice(design, PolarQuantizerOptions.list(32));
        ReferenceListQuantizer ref = new ReferenceListQuantizer(design, 32, CheckNodeKernel.TABULATED);
        int n = design.n();
        double norm = 1.0 / (n * StrictMath.pow(2.0, 2.0 * fast.log2Volume() / n));
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20261206L);
        int vectors = 300;
        double sumFast = 0;
        double sumRef = 0;
        double sumD = 0;
        double sumD2 = 0;
        double[] x = new double[n];
        double[] q = new double[n];
        for (int v = 0; v < vectors; v++) {
            fast.sampleFundamentalRegion(rng, x, 0);
            fast.quantize(x, 0, q, 0);
            double[] r = ref.quantize(x);
            fast.coordinates(q); // throws unless a lattice point
            fast.coordinates(r);
            double ef = 0;
            double er = 0;
            for (int j = 0; j < n; j++) {
                ef += (x[j] - q[j]) * (x[j] - q[j]);
                er += (x[j] - r[j]) * (x[j] - r[j]);
            }
            ef *= norm;
            er *= norm;
            sumFast += ef;
            sumRef += er;
            sumD += ef - er;
            sumD2 += (ef - er) * (ef - er);
        }
        double meanD = sumD / vectors;
        double varD = (sumD2 - vectors * meanD * meanD) / (vectors - 1);
        double se = Math.sqrt(varD / vectors);
        assertTrue(sumFast / vectors > 0.058 && sumFast / vectors < 0.064, "G of the fast list: " + sumFast / vectors);
        // a zero SE means the two agree on every vector, which passes too
        assertEquals(sumRef / vectors, sumFast / vectors, 4 * se + 1e-12,
                "fast " + sumFast / vectors + " vs reference " + sumRef / vectors + ", paired SE " + se);
    }
}
