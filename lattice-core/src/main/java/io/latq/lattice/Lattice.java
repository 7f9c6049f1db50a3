package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * A full-rank lattice Λ = {a·B : a ∈ Z^n} in R^n together with a lattice quantizer Q: R^n → Λ.
 *
 * <p>Conventions used throughout latq:
 * <ul>
 *   <li>Vectors are row vectors; the generator matrix {@link #generator()} holds one basis vector per row,
 *       so a lattice point is {@code a·B} for an integer row vector {@code a}.</li>
 *   <li>{@link #quantize} is a <em>lattice quantizer</em>: Q(x + λ) = Q(x) + λ for every λ ∈ Λ. For the
 *       classical lattices it is the closest point (Conway &amp; Sloane, 1982); for polar lattices it is the
 *       multilevel successive-cancellation quantizer, whose cell is a fundamental region but not the Voronoi cell.</li>
 *   <li>Volumes are reported as log2 of the cell volume V = |det B| so that products of large dimension do not
 *       overflow.</li>
 * </ul>
 *
 * <p>Implementations are immutable and {@link #quantize} is safe to call from many threads at once.
 */
public interface Lattice {

    /** A short name such as {@code E8}, {@code D4}, {@code Z1} or {@code 0.5*E8}. */
    String name();

    /** The dimension n. */
    int dimension();

    /** log2 of the volume V = |det B| of a fundamental cell. */
    double log2Volume();

    /**
     * The generator matrix B (n×n, one basis vector per row). A fresh copy the caller may modify.
     *
     * @throws UnsupportedOperationException if the dense n×n matrix is too large to build (very long polar lattices)
     */
    DMatrixRMaj generator();

    /**
     * Writes Q(x) to {@code out[outOff .. outOff+n)} for the input {@code x[xOff .. xOff+n)}.
     * Does not allocate on the hot path. {@code x} and {@code out} may be the same array
     * only if the ranges are identical.
     */
    void quantize(double[] x, int xOff, double[] out, int outOff);

    /** Writes Q(x) to {@code out}; both arrays have length at least n. */
    default void quantize(double[] x, double[] out) {
        quantize(x, 0, out, 0);
    }

    /**
     * Quantizes {@code count} consecutive n-vectors stored back to back in {@code xs}, writing the lattice
     * points back to back in {@code out}.
     */
    default void quantizeBatch(double[] xs, double[] out, int count) {
        int n = dimension();
        for (int i = 0, off = 0; i < count; i++, off += n) {
            quantize(xs, off, out, off);
        }
    }

    /**
     * Writes to {@code out[off .. off+n)} a point uniformly distributed over a union of fundamental regions of Λ:
     * the fundamental parallelepiped {a·B : a ∈ [0,1)^n}, or a cube [0,c)^n when c·Z^n ⊆ Λ. Any such region gives
     * the same error distribution under a lattice quantizer, which is what the NSM estimator and the ECDQ dither
     * need. Deterministic given the state of {@code rng}.
     */
    void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off);

    /**
     * The integer coordinates a with a·B = point.
     *
     * @throws IllegalArgumentException if {@code point} is not (within floating-point tolerance) a lattice point
     */
    long[] coordinates(double[] point);
}
