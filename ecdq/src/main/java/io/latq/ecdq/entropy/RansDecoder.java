package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;

/**
 * Decoder for the stream produced by {@link RansEncoder}: reads the 4-byte little-endian initial state, then for each
 * symbol takes c = x mod 2^P, finds the symbol whose interval [start, start+freq) contains c, sets
 * x ← freq·⌊x/2^P⌋ + c − start and refills bytes while x &lt; L.
 *
 * <p>Every read is bounds-checked: a stream that runs out of bytes, has an out-of-range state or does not end
 * exactly in the encoder's initial state with all bytes consumed is refused with {@link LatqFormatException}.
 */
public final class RansDecoder {
    private static final int P = EntropyModel.PRECISION_BITS;
    private static final int MASK = EntropyModel.TOTAL - 1;

    private byte[] buf;
    private int pos;
    private int end;
    private long x;

    /** Starts decoding {@code buf[off .. off+len)}. */
    public void reset(byte[] buf, int off, int len) throws LatqFormatException {
        if (len < 4) {
            throw new LatqFormatException("entropy-coded payload shorter than its 4-byte state");
        }
        this.buf = buf;
        this.pos = off + 4;
        this.end = off + len;
        this.x = (buf[off] & 0xFFL) | (buf[off + 1] & 0xFFL) << 8 | (buf[off + 2] & 0xFFL) << 16
                | (buf[off + 3] & 0xFFL) << 24;
        if (x < RansEncoder.L || x >= RansEncoder.L << 8) {
            throw new LatqFormatException("entropy-coded payload has an invalid initial state");
        }
    }

    /** The cumulative value c = x mod 2^P that selects the next symbol. */
    public int peek() {
        return (int) (x & MASK);
    }

    /** Consumes the symbol with interval [start, start+freq), which must contain {@link #peek()}. */
    public void advance(int start, int freq) throws LatqFormatException {
        x = freq * (x >>> P) + (x & MASK) - start;
        if (end - pos >= 2) {
            // x ≥ freq·⌊x_old/2^P⌋ ≥ 2^7, so at most two bytes refill it: k = [x < 2^23] + [x < 2^15], taken without
            // a branch on the data (whether a byte comes in is a coin toss per symbol); k = 0 shifts in nothing
            int k = (x < RansEncoder.L ? 1 : 0) + (x < RansEncoder.L >> 8 ? 1 : 0);
            long two = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
            x = x << 8 * k | two >>> 8 * (2 - k);
            pos += k;
            return;
        }
        while (x < RansEncoder.L) { // the stream's last bytes, each read checked
            if (pos >= end) {
                throw new LatqFormatException("entropy-coded payload ends too early");
            }
            x = (x << 8) | (buf[pos++] & 0xFF);
        }
    }

    /** Decodes one symbol of {@code model}. */
    public int decode(EntropyModel model) throws LatqFormatException {
        int s = model.symbolForCumulative(peek());
        int start = model.cumulativeFrequency(s);
        advance(start, model.cumulativeFrequency(s + 1) - start);
        return s;
    }

    /** Decodes 16 raw bits. */
    public int decodeRaw16() throws LatqFormatException {
        int v = peek();
        advance(v, 1);
        return v;
    }

    /** Decodes {@code bits} uniform bits written by {@link RansEncoder#pushBits}. */
    public long decodeBits(int bits) throws LatqFormatException {
        long v = 0;
        int rem = bits;
        while (rem > 0) {
            int c = ((rem - 1) % 16) + 1;
            int chunk = peek() >>> (P - c);
            advance(chunk << (P - c), 1 << (P - c));
            v = (v << c) | chunk;
            rem -= c;
        }
        return v;
    }

    /** Decodes 64 raw bits written by {@link RansEncoder#pushRaw64}. */
    public long decodeRaw64() throws LatqFormatException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 16) | decodeRaw16();
        }
        return v;
    }

    /** Checks that the stream ended exactly: all bytes consumed and the state back at its initial value. */
    public void finish() throws LatqFormatException {
        if (pos != end || x != RansEncoder.L) {
            throw new LatqFormatException("entropy-coded payload does not end cleanly (corrupt data)");
        }
    }
}
