package io.latq.ecdq.samples;

/** The kind of file the samples came from; decompression writes the same kind back. Codes are stored in files. */
public enum ContainerType {
    /** Headerless samples of one {@link SampleType} (f64, f32, f64be, f32be). */
    RAW(0),
    /** NumPy .npy (format versions 1–3), C order. */
    NPY(1),
    /** RIFF (or big-endian RIFX) WAVE: PCM of 1–64 bits, IEEE float, μ-law, A-law, extensible; interleaved. */
    WAV(2),
    /** Text, one or more numbers per line. */
    CSV(3);

    private final int code;

    ContainerType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The container with this code, or null. */
    public static ContainerType ofCode(int code) {
        for (ContainerType c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
