package io.latq.random;

/**
 * The SplitMix64 generator of Steele, Lea &amp; Flood ("Fast splittable pseudorandom number generators", OOPSLA 2014)
 * as pure functions, the one place in latq where 64-bit seed material is mixed.
 *
 * <p>All arithmetic is mod 2^64 with γ = {@link #GOLDEN_GAMMA} = 0x9E3779B97F4A7C15:
 * <pre>
 *   mix(z)     = z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9; z ← (z ⊕ z≫27)·0x94D049BB133111EB; z ⊕ z≫31
 *   mix(s, k)  = mix(s + k·γ)               the k-th output (k = 1, 2, …) of SplitMix64 started at state s
 * </pre>
 * mix is a bijection on 64-bit values (Stafford's variant 13 finalizer). These values are part of latq's
 * reproducibility contract: NSM estimates, polar simulations, Monte Carlo constructions and ECDQ dither all derive
 * from them, so they must never change (literal outputs are pinned by {@code SplitMix64Test}).
 */
public final class SplitMix64 {

    /** The golden-ratio increment γ = 2^64/φ, rounded to odd. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix64() {
    }

    /** The SplitMix64 output finalizer (a bijection on 64-bit values). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Output {@code k} (counting from 1) of SplitMix64 started at state {@code seed}: mix(seed + k·γ). */
    public static long mix(long seed, long k) {
        return mix(seed + k * GOLDEN_GAMMA);
    }

    /** The first {@code count} outputs of SplitMix64 started at {@code seed}: mix(seed, 1), …, mix(seed, count). */
    public static long[] stream(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = mix(seed, i + 1L);
        }
        return out;
    }
}
