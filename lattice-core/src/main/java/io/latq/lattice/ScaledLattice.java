package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

import java.math.BigDecimal;

/**
 * The scaled lattice c·Λ for a lattice Λ and a scale c &gt; 0: generator c·B, log2 V = log2 V(Λ) + n·log2 c, and
 * quantizer Q(x) = c·Q_Λ(x/c). The quantizer inherits the tie conventions of Λ; with c a power of two the scaling
 * is exact, so exact translation invariance carries over.
 *
 * <p>{@link #sampleFundamentalRegion} draws Λ's sample and multiplies it by c, so the draw order is that of Λ.
 */
public final class ScaledLattice implements Lattice {

    private final Lattice base;
    private final double scale;
    private final String name;

    /**
     * c·Λ. Nested scalings are kept as given; use {@link #of} to collapse them.
     *
     * @throws IllegalArgumentException if c is not finite and positive
     */
    public ScaledLattice(Lattice base, double scale) {
        if (!(scale > 0.0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("lattice scale must be finite and > 0, got " + scale);
        }
        this.base = base;
        this.scale = scale;
        this.name = formatScale(scale) + "*" + base.name();
    }

    /** c·Λ, collapsing c·(c'·Λ') into (c·c')·Λ' and returning Λ itself for c = 1. */
    public static Lattice of(Lattice base, double scale) {
        if (scale == 1.0) {
            return base;
        }
        if (base instanceof ScaledLattice) {
            ScaledLattice s = (ScaledLattice) base;
            return of(s.base, s.scale * scale);
        }
        return new ScaledLattice(base, scale);
    }

    /** A short decimal rendering of the scale that {@link LatticeSpecs#parse} reads back. */
    static String formatScale(double c) {
        String plain = new BigDecimal(Double.toString(c)).stripTrailingZeros().toPlainString();
        return plain.length() <= 12 ? plain : Double.toString(c);
    }

    /** The unscaled lattice Λ. */
    public Lattice base() {
        return base;
    }

    /** The scale c. */
    public double scale() {
        return scale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public double log2Volume() {
        return base.log2Volume() + base.dimension() * (StrictMath.log(scale) / StrictMath.log(2.0));
    }

    @Override
    public DMatrixRMaj generator() {
        DMatrixRMaj g = base.generator();
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] *= scale;
        }
        return g;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        int n = base.dimension();
        // x/c goes into the output range, which the base quantizer may overwrite in place (identical ranges).
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] / scale;
        }
        base.quantize(out, outOff, out, outOff);
        for (int i = 0; i < n; i++) {
            out[outOff + i] *= scale;
        }
    }

    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        base.sampleFundamentalRegion(rng, out, off);
        for (int i = 0, n = base.dimension(); i < n; i++) {
            out[off + i] *= scale;
        }
    }

    @Override
    public long[] coordinates(double[] point) {
        int n = base.dimension();
        if (point.length < n) {
            throw new IllegalArgumentException("point has length " + point.length + ", lattice " + name
                    + " has dimension " + n);
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = point[i] / scale;
        }
        return base.coordinates(p);
    }
}
