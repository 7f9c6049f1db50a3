package io.latq.ecdq.entropy;

import java.util.Arrays;

/**
 * Range asymmetric numeral system (rANS, Duda 2013) encoder with a 32-bit state and byte-wise renormalization,
 * over frequencies that sum to 2^{@value EntropyModel#PRECISION_BITS}.
 *
 * <p>State x lives in [L, 256·L) with L = 2^23. To code a symbol with interval [start, start+freq):
 * first, while x ≥ 2^(31−P)·freq, emit the low byte of x and shift x right by 8; then
 * x ← ⌊x/freq⌋·2^P + (x mod freq) + start. After the last symbol the 4 state bytes are emitted.
 * rANS is last-in first-out, so symbols are {@linkplain #push pushed} in the order the decoder will read them and
 * coded in reverse by {@link #finish}; the output bytes then read forwards: 4 state bytes (little-endian),
 * followed by the renormalization bytes in the order the decoder consumes them.
 *
 * <p>Raw bits: {@link #pushRaw16} codes a 16-bit value as the symbol [v, v+1) of total 2^16, which costs exactly
 * 16 bits; it is how escaped values are carried.
 *
 * <p>Not thread-safe; reusable via {@link #reset}. Buffers grow but are kept across resets, so a worker that codes
 * block after block does not allocate in steady state.
 */
public final class RansEncoder {
    /** Lower bound of the normalized state interval. */
    public static final long L = 1L << 23;
    private static final int P = EntropyModel.PRECISION_BITS;

    private int[] starts = new int[1024];
    private int[] freqs = new int[1024];
    private int count;
    private byte[] out = new byte[4096];
    private int offset;

    /** Forgets all pushed symbols. */
    public void reset() {
        count = 0;
    }

    /** The number of symbols pushed since the last reset. */
    public int symbolCount() {
        return count;
    }

    /** Appends the symbol with cumulative interval [start, start+freq) of the total 2^16. */
    public void push(int start, int freq) {
        if (freq <= 0 || start < 0 || start + freq > EntropyModel.TOTAL) {
            throw new IllegalStateException("invalid symbol interval [" + start + ", " + (start + freq) + ")");
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            freqs = Arrays.copyOf(freqs, count * 2);
        }
        starts[count] = start;
        freqs[count] = freq;
        count++;
    }

    /**
     * Appends a placeholder for a symbol whose interval is not known yet, and returns its index for {@link #fill}.
     * A model can thus compute the intervals of many symbols together, in the order they were pushed, as long as
     * every placeholder is filled before {@link #finish} (which refuses an unfilled one).
     */
    public int reserve() {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            freqs = Arrays.copyOf(freqs, count * 2);
        }
        starts[count] = 0;
        freqs[count] = 0;
        return count++;
    }

    /** Sets the interval [start, start+freq) of the placeholder {@code index} returned by {@link #reserve}. */
    public void fill(int index, int start, int freq) {
        if (freq <= 0 || start < 0 || start + freq > EntropyModel.TOTAL) {
            throw new IllegalStateException("invalid symbol interval [" + start + ", " + (start + freq) + ")");
        }
        if (index < 0 || index >= count || freqs[index] != 0) {
            throw new IllegalStateException("symbol " + index + " is not an unfilled placeholder");
        }
        starts[index] = start;
        freqs[index] = freq;
    }

    /** Appends, in order, every symbol pushed onto {@code other} since its last reset. */
    public void append(RansEncoder other) {
        int need = count + other.count;
        if (need > starts.length) {
            int size = Math.max(need, 2 * starts.length);
            starts = Arrays.copyOf(starts, size);
            freqs = Arrays.copyOf(freqs, size);
        }
        System.arraycopy(other.starts, 0, starts, count, other.count);
        System.arraycopy(other.freqs, 0, freqs, count, other.count);
        count = need;
    }

    /** Appends symbol {@code s} of {@code model}. */
    public void push(EntropyModel model, int s) {
        int start = model.cumulativeFrequency(s);
        push(start, model.cumulativeFrequency(s + 1) - start);
    }

    /** Appends 16 raw bits (the low 16 bits of {@code value}). */
    public void pushRaw16(int value) {
        push(value & 0xFFFF, 1);
    }

    /**
     * Appends the low {@code bits} bits of {@code value} (0 ≤ bits ≤ 64) as uniform symbols, most significant first:
     * a first chunk of ((bits−1) mod 16)+1 bits, then 16-bit chunks. A c-bit chunk v is the symbol
     * [v·2^(16−c), (v+1)·2^(16−c)), which costs exactly c bits.
     */
    public void pushBits(long value, int bits) {
        int rem = bits;
        while (rem > 0) {
            int c = ((rem - 1) % 16) + 1;
            int chunk = (int) ((value >>> (rem - c)) & ((1L << c) - 1));
            push(chunk << (P - c), 1 << (P - c));
            rem -= c;
        }
    }

    /** Appends the 64 bits of {@code value}, most significant 16-bit chunk first. */
    public void pushRaw64(long value) {
        for (int shift = 48; shift >= 0; shift -= 16) {
            pushRaw16((int) (value >>> shift));
        }
    }

    /**
     * Codes all pushed symbols and returns the stream; the valid bytes are {@code [offset(), buffer.length)}
     * of {@link #buffer()}. The returned array is owned by this encoder and valid until the next finish.
     *
     * @return the number of bytes written
     */
    public int finish() {
        int pos = out.length;
        long x = L;
        for (int i = count - 1; i >= 0; i--) {
            int freq = freqs[i];
            if (freq == 0) {
                throw new IllegalStateException("symbol " + i + " was reserved but never filled");
            }
            long xMax = ((L >> P) << 8) * freq;
            // renormalize: emit the low byte while x ≥ xMax, at most twice as x < 2^31 and xMax ≥ 2^15. Without a
            // branch on the data (whether a byte goes out is a coin toss per symbol): both candidate bytes are
            // stored and the position moves by the count; a byte stored below the new position is overwritten
            if (pos < 2) {
                pos = grow(pos);
            }
            int emit = (x >= xMax ? 1 : 0) + (x >= xMax << 8 ? 1 : 0);
            out[pos - 1] = (byte) x;
            out[pos - 2] = (byte) (x >>> 8);
            pos -= emit;
            x >>>= 8 * emit;
            // x < 2^15·freq ≤ 2^31 after renormalization: ⌊x/freq⌋ by a multiplication (Reciprocal)
            long q = (x * Reciprocal.M[freq]) >>> Reciprocal.SHIFT[freq];
            x = (q << P) + (x - q * freq) + starts[i];
        }
        if (pos < 4) {
            pos = grow(pos);
        }
        out[--pos] = (byte) (x >>> 24);
        out[--pos] = (byte) (x >>> 16);
        out[--pos] = (byte) (x >>> 8);
        out[--pos] = (byte) x;
        offset = pos;
        return out.length - pos;
    }

    /**
     * The ideal code length −Σ log2(freq/2^16) in bits of the symbols pushed since the last reset: a diagnostic
     * (the model bits of the report), never part of a file; read from a table built with StrictMath.
     */
    public double idealBits() {
        double[] cost = SymbolCost.BITS;
        double bits = 0;
        for (int i = 0; i < count; i++) {
            bits += cost[freqs[i]];
        }
        return bits;
    }

    private static final double INV_LN2 = 1.0 / StrictMath.log(2.0);

    /** −log2(f/2^16) for every frequency f, tabulated once (the same values as evaluating it per symbol). */
    private static final class SymbolCost {
        static final double[] BITS = new double[EntropyModel.TOTAL + 1];

        static {
            for (int f = 1; f <= EntropyModel.TOTAL; f++) {
                BITS[f] = P - StrictMath.log(f) * INV_LN2;
            }
        }
    }

    /**
     * ⌊x/f⌋ = (x·M_f) ≫ S_f for every 0 ≤ x &lt; 2^31 and 1 ≤ f ≤ 2^16, with l = ⌈log2 f⌉, S_f = 31 + l and
     * M_f = ⌈2^S_f / f⌉ (Granlund and Montgomery 1994, Thm. 4.2: M_f·f − 2^S_f &lt; f ≤ 2^l). x·M_f &lt; 2^64, and
     * the shift is unsigned, so the 64-bit product is exact. A multiplication is much shorter than a division on
     * the chain through the coder state; {@code RansEncoderReciprocalTest} checks the identity for every f.
     */
    static final class Reciprocal {
        static final long[] M = new long[EntropyModel.TOTAL + 1];
        static final int[] SHIFT = new int[EntropyModel.TOTAL + 1];

        static {
            for (int f = 1; f <= EntropyModel.TOTAL; f++) {
                int l = 32 - Integer.numberOfLeadingZeros(f - 1);
                SHIFT[f] = 31 + l;
                M[f] = Long.divideUnsigned((1L << SHIFT[f]) - 1, f) + 1; // ⌈2^S/f⌉ without overflow
            }
        }
    }

    /** The backing array of the last {@link #finish}. */
    public byte[] buffer() {
        return out;
    }

    /** Start of the valid bytes in {@link #buffer()} after the last {@link #finish}. */
    public int offset() {
        return offset;
    }

    /** Doubles the output buffer, keeping the bytes already written at its end; returns the new write position. */
    private int grow(int pos) {
        int used = out.length - pos;
        byte[] bigger = new byte[out.length * 2];
        System.arraycopy(out, pos, bigger, bigger.length - used, used);
        out = bigger;
        return bigger.length - used;
    }
}
