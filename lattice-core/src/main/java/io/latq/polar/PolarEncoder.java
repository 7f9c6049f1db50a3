package io.latq.polar;

/**
 * Systematic-free (non-systematic) polar encoder for a fixed frozen set: the K information bits are placed, in
 * increasing index order, at the non-frozen positions of u; frozen positions take their frozen values (0 unless
 * given); then x = u·F^{⊗m} in natural order ({@link PolarTransform#transformGf2}).
 *
 * <p>Immutable and thread-safe; {@link #encode} does not allocate.
 */
public final class PolarEncoder {

    private final int n;
    private final boolean[] frozen;
    private final byte[] frozenValues;
    private final int[] informationSet;

    /** Encoder with all frozen bits 0. */
    public PolarEncoder(boolean[] frozen) {
        this(frozen, null);
    }

    /**
     * @param frozen       frozen mask of length N = 2^m (true = frozen)
     * @param frozenValues values of the frozen bits (length N, entries at non-frozen positions ignored), or null for 0
     */
    public PolarEncoder(boolean[] frozen, byte[] frozenValues) {
        this.n = frozen.length;
        PolarTransform.log2(n);
        if (frozenValues != null && frozenValues.length != n) {
            throw new IllegalArgumentException("frozen values length " + frozenValues.length + " != N = " + n);
        }
        this.frozen = frozen.clone();
        this.frozenValues = new byte[n];
        if (frozenValues != null) {
            for (int t = 0; t < n; t++) {
                this.frozenValues[t] = frozen[t] ? (byte) (frozenValues[t] & 1) : 0;
            }
        }
        this.informationSet = informationSetOf(frozen);
    }

    /** The sorted non-frozen positions of a frozen mask. */
    public static int[] informationSetOf(boolean[] frozen) {
        int k = 0;
        for (boolean f : frozen) {
            if (!f) {
                k++;
            }
        }
        int[] a = new int[k];
        for (int t = 0, j = 0; t < frozen.length; t++) {
            if (!frozen[t]) {
                a[j++] = t;
            }
        }
        return a;
    }

    /** Block length N. */
    public int n() {
        return n;
    }

    /** Number of information bits K. */
    public int k() {
        return informationSet.length;
    }

    /** The sorted information set (a copy). */
    public int[] informationSet() {
        return informationSet.clone();
    }

    /**
     * Writes u (information bits at the information set, frozen values elsewhere) and the codeword x = u·F^{⊗m}.
     *
     * @param info K information bits (0/1)
     * @param u    output, length N
     * @param x    output, length N (may not alias u)
     */
    public void encode(byte[] info, byte[] u, byte[] x) {
        if (info.length < informationSet.length || u.length != n || x.length != n) {
            throw new IllegalArgumentException("array lengths do not match (N=" + n + ", K=" + k() + ")");
        }
        System.arraycopy(frozenValues, 0, u, 0, n);
        for (int j = 0; j < informationSet.length; j++) {
            u[informationSet[j]] = (byte) (info[j] & 1);
        }
        System.arraycopy(u, 0, x, 0, n);
        PolarTransform.transformGf2(x, 0, n);
    }

    /** Copies the information bits of u (at the information set, in increasing order) to {@code info}. */
    public void extractInformation(byte[] u, byte[] info) {
        for (int j = 0; j < informationSet.length; j++) {
            info[j] = u[informationSet[j]];
        }
    }
}
