package io.latq.polar;

/**
 * A cyclic redundancy check over a bit array (one bit per byte, first bit = highest power), zero initial register,
 * no reflection and no final XOR. Used by CRC-aided SCL: the last {@link #length()} information bits of a polar
 * codeword carry the CRC of the preceding information bits.
 *
 * <p>Immutable and thread-safe; {@link #compute} does not allocate.
 */
public final class Crc {

    private final int length;
    private final long polynomial;
    private final long mask;
    private final String name;

    /**
     * @param length     degree c of the generator polynomial, 1..32
     * @param polynomial the generator's coefficients below x^c (bit i = coefficient of x^i)
     * @param name       a display name
     */
    public Crc(int length, long polynomial, String name) {
        if (length < 1 || length > 32) {
            throw new IllegalArgumentException("CRC length must be in 1..32, got " + length);
        }
        this.length = length;
        this.mask = (1L << length) - 1;
        this.polynomial = polynomial & mask;
        this.name = name;
    }

    /** CRC-8 (ITU-T I.432.1 / ATM HEC generator): x^8 + x^2 + x + 1. */
    public static Crc crc8() {
        return new Crc(8, 0x07, "CRC-8");
    }

    /** CRC-11 of 3GPP TS 38.212 (5G NR uplink polar): x^11 + x^10 + x^9 + x^5 + 1. */
    public static Crc crc11() {
        return new Crc(11, 0x621, "CRC-11");
    }

    /** CRC-16-CCITT: x^16 + x^12 + x^5 + 1. */
    public static Crc crc16() {
        return new Crc(16, 0x1021, "CRC-16");
    }

    /** CRC-24C of 3GPP TS 38.212 (5G NR downlink polar). */
    public static Crc crc24() {
        return new Crc(24, 0xB2B117, "CRC-24C");
    }

    /**
     * The standard CRC of the given length: 8, 11, 16 or 24 bits.
     *
     * @throws IllegalArgumentException for any other length
     */
    public static Crc ofLength(int bits) {
        switch (bits) {
            case 8:
                return crc8();
            case 11:
                return crc11();
            case 16:
                return crc16();
            case 24:
                return crc24();
            default:
                throw new IllegalArgumentException("no standard CRC with " + bits + " bits (use 8, 11, 16 or 24)");
        }
    }

    /** The number of CRC bits c. */
    public int length() {
        return length;
    }

    /** A display name such as {@code CRC-11}. */
    public String name() {
        return name;
    }

    /** The remainder of bits[off .. off+len)·x^c modulo the generator, as a c-bit integer. */
    public long compute(byte[] bits, int off, int len) {
        long reg = 0;
        for (int i = off; i < off + len; i++) {
            long top = ((reg >>> (length - 1)) & 1L) ^ (bits[i] & 1);
            reg = (reg << 1) & mask;
            if (top != 0) {
                reg ^= polynomial;
            }
        }
        return reg;
    }

    /** Writes the CRC of bits[0 .. len) to bits[len .. len+c), most significant bit first. */
    public void append(byte[] bits, int len) {
        long r = compute(bits, 0, len);
        for (int j = 0; j < length; j++) {
            bits[len + j] = (byte) ((r >>> (length - 1 - j)) & 1L);
        }
    }

    /** True iff bits[len−c .. len) is the CRC of bits[0 .. len−c). */
    public boolean check(byte[] bits, int len) {
        int msg = len - length;
        long r = compute(bits, 0, msg);
        for (int j = 0; j < length; j++) {
            if (bits[msg + j] != (byte) ((r >>> (length - 1 - j)) & 1L)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
