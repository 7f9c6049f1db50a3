package io.latq.ecdq.samples;

/**
 * How one sample is stored, and what storing a reconstructed value in that type does to it
 * ({@link #roundTrip}). Codes are stored in compressed files.
 *
 * <p>PCM samples are mapped to [−1, 1) as v/2^(b−1) and back as clip(rint(x·2^(b−1))) to the b-bit signed range,
 * b the container width in bits (1 to 8 bytes); 8-bit WAV PCM is unsigned (stored v + 128). A WAV file whose valid
 * bits are fewer than its container's keeps them in the high bits ({@link SampleFormat#validBits()}). μ-law and A-law
 * (ITU-T G.711) bytes decode to their 16-bit linear value / 32768 and encode to the code of the nearest value
 * ({@link G711}). Codes 0–4 are the original types; the others were appended later and are never renumbered.
 * float32 NaN payloads: a float NaN with bits f is carried in the double NaN with bits 0x7FF80000_00000000 | f, so
 * every float bit pattern (signalling NaNs included) survives the trip through double exactly.
 */
public enum SampleType {
    F64(0, 8),
    F32(1, 4),
    PCM16(2, 2),
    PCM24(3, 3),
    PCM32(4, 4),
    /** 8-bit unsigned WAV PCM (stored value − 128). */
    PCM8U(5, 1),
    PCM40(6, 5),
    PCM48(7, 6),
    PCM56(8, 7),
    PCM64(9, 8),
    /** G.711 μ-law byte (WAV format tag 7). */
    ULAW(10, 1),
    /** G.711 A-law byte (WAV format tag 6). */
    ALAW(11, 1);

    private static final long FLOAT_NAN_TAG = 0x7FF8000000000000L;

    private final int code;
    private final int bytes;

    SampleType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    public int code() {
        return code;
    }

    /** Bytes per sample in the container. */
    public int bytes() {
        return bytes;
    }

    public boolean isPcm() {
        return this == PCM16 || this == PCM24 || this == PCM32 || this == PCM8U || this == PCM40 || this == PCM48
                || this == PCM56 || this == PCM64;
    }

    /** μ-law or A-law. */
    public boolean isCompanded() {
        return this == ULAW || this == ALAW;
    }

    /** The PCM type for a WAV container of {@code bytes} bytes per sample (1 … 8), or null. */
    public static SampleType pcmOfWidth(int bytes) {
        switch (bytes) {
            case 1:
                return PCM8U;
            case 2:
                return PCM16;
            case 3:
                return PCM24;
            case 4:
                return PCM32;
            case 5:
                return PCM40;
            case 6:
                return PCM48;
            case 7:
                return PCM56;
            case 8:
                return PCM64;
            default:
                return null;
        }
    }

    /** The type with this code, or null. */
    public static SampleType ofCode(int code) {
        for (SampleType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** float bits → double, keeping NaN payloads exactly (see class doc). */
    public static double floatBitsToDouble(int bits) {
        float f = Float.intBitsToFloat(bits);
        if (f != f) {
            return Double.longBitsToDouble(FLOAT_NAN_TAG | (bits & 0xFFFFFFFFL));
        }
        return f;
    }

    /** double → float bits, the inverse of {@link #floatBitsToDouble} for carried NaNs. */
    public static int doubleToFloatBits(double v) {
        if (v != v) {
            long raw = Double.doubleToRawLongBits(v);
            if ((raw & 0xFFFFFFFF00000000L) == FLOAT_NAN_TAG) {
                return (int) raw;
            }
            return Float.floatToRawIntBits(Float.NaN);
        }
        return Float.floatToRawIntBits((float) v);
    }

    /** The PCM integer for a value (rounded to nearest even, clipped to the b-bit range). */
    public long toPcm(double v) {
        return toPcm(v, bytes * 8);
    }

    /** The b-bit PCM integer for a value (1 ≤ b ≤ 64; rounded to nearest even, clipped to the b-bit range). */
    public static long toPcm(double v, int b) {
        double half = half(b);
        double scaled = Math.rint(v * half);
        if (scaled >= half) {
            return b == 64 ? Long.MAX_VALUE : (1L << (b - 1)) - 1;
        }
        if (scaled < -half || scaled != scaled) {
            return b == 64 ? Long.MIN_VALUE : -(1L << (b - 1));
        }
        return (long) scaled;
    }

    /** 2^(b−1) as a double. */
    private static double half(int b) {
        return b == 64 ? 0x1p63 : (double) (1L << (b - 1));
    }

    /** The value a PCM integer stands for: p/2^(b−1). */
    public double fromPcm(long p) {
        return p / half(bytes * 8);
    }

    /** The value that reading back {@code v} after storing it with {@code validBits} valid bits yields. */
    public double roundTrip(double v, int validBits) {
        if (!isPcm() || validBits <= 0 || validBits >= bytes * 8) {
            return roundTrip(v);
        }
        return toPcm(v, validBits) / half(validBits);
    }

    /** The value that reading back {@code v} after storing it in this type yields. */
    public double roundTrip(double v) {
        switch (this) {
            case F64:
                return v;
            case F32:
                return floatBitsToDouble(doubleToFloatBits(v));
            case ULAW:
                return G711.ulawToLinear(G711.linearToUlaw(v));
            case ALAW:
                return G711.alawToLinear(G711.linearToAlaw(v));
            default:
                return fromPcm(toPcm(v));
        }
    }
}
