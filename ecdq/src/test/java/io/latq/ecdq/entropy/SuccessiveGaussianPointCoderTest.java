package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latq.ecdq.index.TriangularBasis;
import io.latq.lattice.LatticeSpecs;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The single-coordinate forms of Z1 ({@code encodeCoordinate}/{@code decodeCoordinate}) against the general
 * {@code encode}/{@code decode} with one-element arrays: the same stream, and the same coordinates back, over spreads
 * below and above the split ({@value SuccessiveGaussianPointCoder#SPLIT_SPREAD} cells), escapes and both models.
 */
class SuccessiveGaussianPointCoderTest {

    @Test
    void singleCoordinateFormsCodeAsTheGeneralForms() throws Exception {
        TriangularBasis z1 = TriangularBasis.of(LatticeSpecs.parse("Z1").generator());
        SplittableRandom r = new SplittableRandom(3);
        for (boolean phaseTable : new boolean[] {false, true}) {
            int count = 5000;
            long[] k = new long[count];
            double[] u = new double[count];
            double[] s = new double[count];
            for (int i = 0; i < count; i++) {
                s[i] = i % 3 == 0 ? 0.4 : i % 3 == 1 ? 7.0 : 900.0; // the last is split into bucket + offset
                u[i] = r.nextDouble();
                k[i] = i % 500 == 7 ? (1L << 45) + i : Math.round(s[i] * r.nextGaussian()); // some escapes
            }
            SuccessiveGaussianPointCoder general = new SuccessiveGaussianPointCoder(z1, 1.0, true, phaseTable);
            SuccessiveGaussianPointCoder single = new SuccessiveGaussianPointCoder(z1, 1.0, true, phaseTable);
            RansEncoder a = new RansEncoder();
            RansEncoder b = new RansEncoder();
            for (int i = 0; i < count; i++) {
                general.encode(new long[] {k[i]}, new double[] {u[i]}, new double[] {s[i]}, a);
                single.encodeCoordinate(k[i], u[i], s[i], b);
            }
            general.flush(a);
            single.flush(b);
            int la = a.finish();
            byte[] sa = Arrays.copyOfRange(a.buffer(), a.offset(), a.offset() + la);
            int lb = b.finish();
            byte[] sb = Arrays.copyOfRange(b.buffer(), b.offset(), b.offset() + lb);
            assertArrayEquals(sa, sb, "phase tables " + phaseTable);
            RansDecoder d = new RansDecoder();
            d.reset(sb, 0, sb.length);
            SuccessiveGaussianPointCoder decoder = new SuccessiveGaussianPointCoder(z1, 1.0, true, phaseTable);
            for (int i = 0; i < count; i++) {
                assertEquals(k[i], decoder.decodeCoordinate(u[i], s[i], d), "coordinate " + i);
            }
            d.finish();
        }
    }

    @Test
    void singleCoordinateFormsRefuseOtherBases() {
        for (String spec : new String[] {"0.5*Z1", "E8"}) {
            SuccessiveGaussianPointCoder c = new SuccessiveGaussianPointCoder(
                    TriangularBasis.of(LatticeSpecs.parse(spec).generator()), 1.0, true, true);
            assertThrows(IllegalStateException.class, () -> c.encodeCoordinate(0, 0.5, 1.0, new RansEncoder()), spec);
        }
    }
}
