package io.latq.ecdq.samples;

/**
 * How one sample is stored, and what storing a reconstructed value in that type does to it
 * ({@link #roundTrip}). Codes are stored in compressed files.
 *
 * <p>PCM samples are mapped to [−1, 1) as v/2^(b−1) and back as clip(rint(x·2^(b−1))) to the b-bit signed range.
 * float32 NaN payloads: a float NaN with bits f is carried in the double NaN with bits 0x7FF80000_00000000 | f, so
 * every float bit pattern (signalling NaNs included) survives the trip through double exactly.
 */
public enum SampleType {
    F64(0, 8),
    F32(1, 4),
    PCM16(2, 2),
    PCM24(3, 3),
    PCM32(4, 4);

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
        return this == PCM16 || this == PCM24 || this == PCM32;
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
        int b = bytes * 8;
        double scaled = Math.rint(v * (double) (1L << (b - 1)));
        double max = (double) ((1L << (b - 1)) - 1);
        double min = -(double) (1L << (b - 1));
        if (scaled > max) {
            return (long) max;
        }
        if (scaled < min || scaled != scaled) {
            return (long) min;
        }
        return (long) scaled;
    }

    /** The value a PCM integer stands for: p/2^(b−1). */
    public double fromPcm(long p) {
        return p / (double) (1L << (bytes * 8 - 1));
    }

    /** The value that reading back {@code v} after storing it in this type yields. */
    public double roundTrip(double v) {
        switch (this) {
            case F64:
                return v;
            case F32:
                return floatBitsToDouble(doubleToFloatBits(v));
            default:
                return fromPcm(toPcm(v));
        }
    }
}
