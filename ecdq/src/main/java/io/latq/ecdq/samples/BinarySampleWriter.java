package io.latq.ecdq.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Encodes fixed-width samples to a stream; used for raw files and the data parts of .npy and .wav. */
class BinarySampleWriter implements SampleWriter {
    protected final OutputStream out;
    private final SampleType type;
    private final boolean bigEndian;
    private final int width;
    private final long expected;
    private final int validBits;
    private final byte[] buf = new byte[1 << 16];
    private long written;

    BinarySampleWriter(OutputStream out, SampleType type, boolean bigEndian, long expected) {
        this(out, type, bigEndian, expected, 0);
    }

    /** {@code validBits}: PCM values are rounded to that many bits and stored in the high bits (0 = all bits). */
    BinarySampleWriter(OutputStream out, SampleType type, boolean bigEndian, long expected, int validBits) {
        this.validBits = validBits > 0 && validBits < type.bytes() * 8 ? validBits : 0;
        this.out = out;
        this.type = type;
        this.bigEndian = bigEndian;
        this.width = type.bytes();
        this.expected = expected;
    }

    @Override
    public void write(double[] src, int off, int len) throws IOException {
        int perBuf = buf.length / width;
        for (int start = 0; start < len; start += perBuf) {
            int n = Math.min(perBuf, len - start);
            int from = off + start;
            // float samples through byte-array views (one store each; the same bytes as put())
            if (type == SampleType.F64 && !bigEndian) {
                for (int i = 0; i < n; i++) {
                    LE64.set(buf, i * 8, Double.doubleToRawLongBits(src[from + i]));
                }
            } else if (type == SampleType.F64) {
                for (int i = 0; i < n; i++) {
                    BE64.set(buf, i * 8, Double.doubleToRawLongBits(src[from + i]));
                }
            } else if (type == SampleType.F32 && !bigEndian) {
                for (int i = 0; i < n; i++) {
                    LE32.set(buf, i * 4, SampleType.doubleToFloatBits(src[from + i]));
                }
            } else if (type == SampleType.F32) {
                for (int i = 0; i < n; i++) {
                    BE32.set(buf, i * 4, SampleType.doubleToFloatBits(src[from + i]));
                }
            } else {
                for (int i = 0; i < n; i++) {
                    put(i * width, encode(src[from + i]));
                }
            }
            out.write(buf, 0, n * width);
        }
        written += len;
    }

    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private long encode(double v) {
        switch (type) {
            case F64:
                return Double.doubleToRawLongBits(v);
            case F32:
                return SampleType.doubleToFloatBits(v) & 0xFFFFFFFFL;
            case ULAW:
                return G711.linearToUlaw(v);
            case ALAW:
                return G711.linearToAlaw(v);
            default: {
                long p = validBits > 0 ? SampleType.toPcm(v, validBits) << (width * 8 - validBits) : type.toPcm(v);
                return type == SampleType.PCM8U ? p + 128 : p;
            }
        }
    }

    private void put(int p, long v) {
        if (bigEndian) {
            for (int k = width - 1; k >= 0; k--) {
                buf[p + k] = (byte) v;
                v >>>= 8;
            }
        } else {
            for (int k = 0; k < width; k++) {
                buf[p + k] = (byte) v;
                v >>>= 8;
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (written != expected) {
            throw new IllegalStateException("wrote " + written + " samples, expected " + expected);
        }
        out.flush();
    }
}
