package io.latq.ecdq.dither;

import io.latq.random.SplitMix64;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Counter-based pseudo-random source for the ECDQ dither: the i-th 64-bit word drawn for vector v of block b under
 * seed s is a pure function of (s, b, v, i), so encoder and decoder regenerate the same dither with no shared
 * state, and blocks can be coded in any order or in parallel.
 *
 * <p>Definition (all arithmetic mod 2^64, γ = 0x9E3779B97F4A7C15, mix = the SplitMix64 finalizer
 * z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9; z ← (z ⊕ z≫27)·0x94D049BB133111EB; z ⊕ z≫31):
 * <pre>
 *   k_s   = mix(s ⊕ 0x6C61747165636471)            ("latqecdq" in ASCII, a domain separator)
 *   k_b   = mix(k_s + γ·(b + 1))
 *   k_v   = mix(k_b + γ·(v + 1))
 *   word_i = mix(k_v + γ·(i + 1))                   i = 0, 1, 2, … counts words drawn since position(b, v)
 * </pre>
 * Derived values are fixed here instead of inherited from Commons RNG defaults, so they do not depend on its version:
 * {@link #nextDouble()} = (word ≫ 11)·2^−53 (53 random bits, in [0, 1); this is also what Commons RNG 1.6's default
 * does), {@link #nextInt()} = the high 32 bits of a word, {@link #nextBoolean()} = the top bit of a word. Other
 * methods (bounded ints, floats, …) are Commons RNG 1.6 defaults built on these.
 *
 * <p>Not thread-safe: use one instance per worker.
 */
public final class CounterDither implements UniformRandomProvider {
    private static final long DOMAIN = 0x6C61747165636471L;

    private final long seedKey;
    private long vectorKey;
    private long counter;
    // k_b of the block positioned last: a block's vectors are positioned one after another
    private long lastBlock = -1;
    private long lastBlockKey;

    public CounterDither(long seed) {
        this.seedKey = SplitMix64.mix(seed ^ DOMAIN);
        position(0, 0);
    }

    /** Restarts the stream at word 0 of vector {@code vector} in block {@code block}. */
    public void position(long block, long vector) {
        if (block != lastBlock) { // the constructor positions block 0 first, so the key is never stale
            lastBlockKey = SplitMix64.mix(seedKey, block + 1);
            lastBlock = block;
        }
        long blockKey = lastBlockKey;
        this.vectorKey = SplitMix64.mix(blockKey, vector + 1);
        this.counter = 0;
    }

    @Override
    public long nextLong() {
        counter++;
        return SplitMix64.mix(vectorKey, counter);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }
}
