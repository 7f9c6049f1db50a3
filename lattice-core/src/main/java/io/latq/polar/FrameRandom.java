package io.latq.polar;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams indexed by (seed, frame): frame i of a simulation always sees the same
 * numbers no matter which thread runs it or in which order, so multithreaded results are bit-identical.
 */
public final class FrameRandom {

    private FrameRandom() {
    }

    /** A fresh XoRoShiRo128++ generator whose state is a SplitMix64-mix of (seed, frame). */
    public static UniformRandomProvider forFrame(long seed, long frame) {
        long a = mix64(seed ^ 0x243F6A8885A308D3L);
        long b = mix64(frame ^ mix64(seed + 0x13198A2E03707344L));
        if (a == 0 && b == 0) {
            a = 1; // the all-zero state is not allowed
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a, b});
    }

    /** The SplitMix64 finaliser (a bijection on 64-bit values). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
