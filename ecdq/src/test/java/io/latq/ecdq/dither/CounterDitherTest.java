package io.latq.ecdq.dither;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CounterDitherTest {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);

    /** Independent oracle of the documented definition, in BigInteger arithmetic. */
    private static BigInteger mixRef(BigInteger z) {
        z = z.xor(z.shiftRight(30)).multiply(new BigInteger("BF58476D1CE4E5B9", 16)).mod(MOD);
        z = z.xor(z.shiftRight(27)).multiply(new BigInteger("94D049BB133111EB", 16)).mod(MOD);
        return z.xor(z.shiftRight(31));
    }

    private static BigInteger u64(long v) {
        return BigInteger.valueOf(v).and(MOD.subtract(BigInteger.ONE));
    }

    private static long wordRef(long seed, long block, long vector, long i) {
        BigInteger gamma = new BigInteger("9E3779B97F4A7C15", 16);
        BigInteger ks = mixRef(u64(seed).xor(new BigInteger("6C61747165636471", 16)));
        BigInteger kb = mixRef(ks.add(gamma.multiply(BigInteger.valueOf(block + 1))).mod(MOD));
        BigInteger kv = mixRef(kb.add(gamma.multiply(BigInteger.valueOf(vector + 1))).mod(MOD));
        return mixRef(kv.add(gamma.multiply(BigInteger.valueOf(i + 1))).mod(MOD)).longValue();
    }

    /** Literal values (the contract: the dither is part of the file format). */
    @Test
    void pinnedOutputs() {
        long[][] cases = {
            {0, 0, 0, 0x601F0418707DEBF9L, 0xC42489E13E55FD34L, 0x6DF2D5972CF13B28L},
            {0x5EED, 3, 5, 0xBB0593D7A773364CL, 0x3F3C849669C967A0L, 0xF460BDC2558F7ED7L},
            {-1, 1_000_000, 7, 0x10DDD8941282C6CCL, 0xD445E56B4D039416L, 0xA7D2F0B4A59CA3C7L}};
        for (long[] c : cases) {
            CounterDither d = new CounterDither(c[0]);
            d.position(c[1], c[2]);
            for (int i = 0; i < 3; i++) {
                assertEquals(c[3 + i], d.nextLong(), "seed " + c[0] + " block " + c[1] + " vector " + c[2]);
            }
        }
    }

    @Test
    void matchesTheDocumentedDefinition() {
        CounterDither d = new CounterDither(-42L);
        for (long block : new long[] {0, 1, 77}) {
            for (long vector : new long[] {0, 5, 65535}) {
                d.position(block, vector);
                for (int i = 0; i < 4; i++) {
                    assertEquals(wordRef(-42L, block, vector, i), d.nextLong());
                }
            }
        }
        d.position(3, 4);
        long w = wordRef(-42L, 3, 4, 0);
        assertEquals((w >>> 11) * 0x1.0p-53, d.nextDouble());
    }

    @Test
    void positionsAreIndependentAndUniform() {
        CounterDither a = new CounterDither(1);
        CounterDither b = new CounterDither(1);
        a.position(2, 9);
        a.nextLong();
        b.position(2, 9);
        assertEquals(a.nextLong() != 0, true);
        b.position(2, 10);
        assertNotEquals(wordRef(1, 2, 9, 0), b.nextLong());
        // mean and variance of nextDouble over many vectors: within 5 standard errors of 1/2 and 1/12
        int n = 200_000;
        double sum = 0;
        double sum2 = 0;
        for (int v = 0; v < n; v++) {
            a.position(v / 1000, v % 1000);
            double x = a.nextDouble();
            sum += x;
            sum2 += x * x;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        assertTrue(Math.abs(mean - 0.5) < 5 * Math.sqrt(1.0 / 12 / n), "mean " + mean);
        assertTrue(Math.abs(var - 1.0 / 12) < 5 * Math.sqrt(1.0 / 180 / n), "var " + var);
    }
}
