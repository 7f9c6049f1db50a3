package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Cartesian product Λ_1 × Λ_2 × … × Λ_m (for example E8^k for long vectors). Coordinates are the factors'
 * coordinates concatenated; the generator is block diagonal; log2 V is the sum of the factors' log2 V.
 *
 * <p>The closest point of a product is the product of the closest points, so {@link #quantize} simply quantizes
 * block by block with each factor's quantizer (and inherits their tie conventions). {@link #sampleFundamentalRegion}
 * samples the factors in order, so with factors that draw a_i in order the whole product draws a_0, …, a_{n−1}
 * in order, consistent with a·B for the block-diagonal B.
 */
public final class ProductLattice implements Lattice {

    /** Largest dimension for which {@link #generator()} builds the dense block-diagonal matrix. */
    public static final int MAX_DENSE_DIMENSION = 4096;

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z]+[0-9]+\\*?");

    private final Lattice[] factors;
    private final int[] offsets;
    private final int dimension;
    private final String name;

    /** Λ_1 × … × Λ_m for a non-empty list of factors. */
    public ProductLattice(List<? extends Lattice> factors) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a product lattice needs at least one factor");
        }
        this.factors = factors.toArray(new Lattice[0]);
        this.offsets = new int[this.factors.length];
        long n = 0;
        for (int i = 0; i < this.factors.length; i++) {
            offsets[i] = (int) n;
            n += this.factors[i].dimension();
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("product dimension too large: " + n);
        }
        this.dimension = (int) n;
        this.name = buildName(this.factors);
    }

    /** Λ_1 × … × Λ_m. */
    public static ProductLattice of(Lattice... factors) {
        return new ProductLattice(Arrays.asList(factors));
    }

    /** Λ^k, k ≥ 1 copies of the same lattice. */
    public static ProductLattice power(Lattice base, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("lattice power must be >= 1, got " + k);
        }
        return new ProductLattice(Collections.nCopies(k, base));
    }

    private static String buildName(Lattice[] factors) {
        boolean allSame = true;
        for (Lattice f : factors) {
            allSame &= f == factors[0];
        }
        if (allSame && factors.length > 1) {
            return wrap(factors[0].name()) + "^" + factors.length;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < factors.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(wrap(factors[i].name()));
        }
        return sb.toString();
    }

    private static String wrap(String name) {
        return SIMPLE_NAME.matcher(name).matches() ? name : "(" + name + ")";
    }

    /** The factors, in order. */
    public List<Lattice> factors() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(factors)));
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
        return dimension;
    }

    @Override
    public double log2Volume() {
        double s = 0.0;
        for (Lattice f : factors) {
            s += f.log2Volume();
        }
        return s;
    }

    /**
     * The block-diagonal generator.
     *
     * @throws UnsupportedOperationException if the dimension exceeds {@link #MAX_DENSE_DIMENSION}
     */
    @Override
    public DMatrixRMaj generator() {
        if (dimension > MAX_DENSE_DIMENSION) {
            throw new UnsupportedOperationException("dense generator of " + name + " (dimension " + dimension
                    + ") exceeds " + MAX_DENSE_DIMENSION);
        }
        DMatrixRMaj g = new DMatrixRMaj(dimension, dimension);
        for (int b = 0; b < factors.length; b++) {
            DMatrixRMaj block = factors[b].generator();
            int off = offsets[b];
            for (int i = 0; i < block.numRows; i++) {
                for (int j = 0; j < block.numCols; j++) {
                    g.set(off + i, off + j, block.get(i, j));
                }
            }
        }
        return g;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        for (int b = 0; b < factors.length; b++) {
            factors[b].quantize(x, xOff + offsets[b], out, outOff + offsets[b]);
        }
    }

    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        for (int b = 0; b < factors.length; b++) {
            factors[b].sampleFundamentalRegion(rng, out, off + offsets[b]);
        }
    }

    @Override
    public long[] coordinates(double[] point) {
        if (point.length < dimension) {
            throw new IllegalArgumentException("point has length " + point.length + ", lattice " + name
                    + " has dimension " + dimension);
        }
        long[] a = new long[dimension];
        for (int b = 0; b < factors.length; b++) {
            int off = offsets[b];
            int nb = factors[b].dimension();
            long[] ab = factors[b].coordinates(Arrays.copyOfRange(point, off, off + nb));
            System.arraycopy(ab, 0, a, off, nb);
        }
        return a;
    }
}
