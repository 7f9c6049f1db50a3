package io.latq.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible XoRoShiRo128++ streams indexed by (seed, index), derived with {@link SplitMix64}. A unit of
 * work (an NSM batch, a simulated frame) always sees the same numbers whichever thread runs it and in whatever order,
 * so multithreaded results are bit-identical to single-threaded ones.
 *
 * <p>Two derivations are in use; both are part of the reproducibility contract and pinned by literal-value tests:
 * <ul>
 *   <li>{@link #batchSeed}: NSM batch b gets the state {mix(seed, 2b+1), mix(seed, 2b+2)}, i.e. outputs 2b+1 and 2b+2
 *       of SplitMix64 started at {@code seed} (see {@link io.latq.nsm.NsmEstimator}).</li>
 *   <li>{@link #frameSeed}: simulation frame f gets the state {a, b} with a = mix(seed ⊕ 0x243F6A8885A308D3) and
 *       b = mix(f ⊕ mix(seed + 0x13198A2E03707344)), with a replaced by 1 if both are zero (the all-zero state is not
 *       allowed). Used by polar-code simulations and Monte Carlo constructions.</li>
 * </ul>
 */
public final class StreamSeeds {

    private static final long FRAME_SEED_KEY = 0x243F6A8885A308D3L;
    private static final long FRAME_INDEX_KEY = 0x13198A2E03707344L;

    private StreamSeeds() {
    }

    /** The XoRoShiRo128++ state of NSM batch {@code batch} under {@code seed}. */
    public static long[] batchSeed(long seed, long batch) {
        return new long[] {SplitMix64.mix(seed, 2 * batch + 1), SplitMix64.mix(seed, 2 * batch + 2)};
    }

    /** The XoRoShiRo128++ state of simulation frame {@code frame} under {@code seed}. */
    public static long[] frameSeed(long seed, long frame) {
        long a = SplitMix64.mix(seed ^ FRAME_SEED_KEY);
        long b = SplitMix64.mix(frame ^ SplitMix64.mix(seed + FRAME_INDEX_KEY));
        if (a == 0 && b == 0) {
            a = 1;
        }
        return new long[] {a, b};
    }

    /** A fresh XoRoShiRo128++ generator for NSM batch {@code batch}. */
    public static UniformRandomProvider batchStream(long seed, long batch) {
        return xoRoShiRo128PlusPlus(batchSeed(seed, batch));
    }

    /** A fresh XoRoShiRo128++ generator for simulation frame {@code frame}. */
    public static UniformRandomProvider frameStream(long seed, long frame) {
        return xoRoShiRo128PlusPlus(frameSeed(seed, frame));
    }

    /** Commons RNG's XoRoShiRo128++ with the given two-word state (used as is: no further seed expansion). */
    public static UniformRandomProvider xoRoShiRo128PlusPlus(long[] state) {
        if (state.length != 2) {
            throw new IllegalArgumentException("XoRoShiRo128++ takes 2 state words, got " + state.length);
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(state.clone());
    }
}
