package io.latq.ecdq.samples;

import io.latq.common.LatqFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Decodes a known number of fixed-width samples from a stream positioned at the first sample. */
final class BinarySampleReader implements SampleReader {
    private final InputStream in;
    private final SampleFormat format;
    private final SampleType type;
    private final boolean bigEndian;
    private final int width;
    private final byte[] buf = new byte[1 << 16];
    private long remaining;

    BinarySampleReader(InputStream in, SampleFormat format) {
        this.in = in;
        this.format = format;
        this.type = format.type();
        this.bigEndian = format.bigEndian();
        this.width = type.bytes();
        this.remaining = format.sampleCount();
    }

    @Override
    public SampleFormat format() {
        return format;
    }

    @Override
    public int read(double[] dst, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(Math.min(len, remaining), buf.length / width);
        int bytes = n * width;
        int got = in.readNBytes(buf, 0, bytes);
        if (got != bytes) {
            throw new LatqFormatException("input ends early: " + remaining + " samples announced, "
                    + (got / width) + " left");
        }
        // float samples through byte-array views (one load each; the same bits as assembling the bytes)
        if (type == SampleType.F64 && !bigEndian) {
            for (int i = 0; i < n; i++) {
                dst[off + i] = Double.longBitsToDouble((long) LE64.get(buf, i * 8));
            }
        } else if (type == SampleType.F64) {
            for (int i = 0; i < n; i++) {
                dst[off + i] = Double.longBitsToDouble((long) BE64.get(buf, i * 8));
            }
        } else if (type == SampleType.F32 && !bigEndian) {
            for (int i = 0; i < n; i++) {
                dst[off + i] = SampleType.floatBitsToDouble((int) LE32.get(buf, i * 4));
            }
        } else if (type == SampleType.F32) {
            for (int i = 0; i < n; i++) {
                dst[off + i] = SampleType.floatBitsToDouble((int) BE32.get(buf, i * 4));
            }
        } else {
            for (int i = 0, p = 0; i < n; i++, p += width) {
                dst[off + i] = decode(p);
            }
        }
        remaining -= n;
        return n;
    }

    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    @Override
    public void skip(long count) throws IOException {
        if (count > remaining) {
            throw SampleReader.endedEarly();
        }
        try {
            in.skipNBytes(count * width);
        } catch (java.io.EOFException e) {
            throw SampleReader.endedEarly();
        }
        remaining -= count;
    }

    private long bytesAt(int p) {
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < width; k++) {
                v = (v << 8) | (buf[p + k] & 0xFF);
            }
        } else {
            for (int k = width - 1; k >= 0; k--) {
                v = (v << 8) | (buf[p + k] & 0xFF);
            }
        }
        return v;
    }

    private double decode(int p) {
        long v = bytesAt(p);
        switch (type) {
            case F64:
                return Double.longBitsToDouble(v);
            case F32:
                return SampleType.floatBitsToDouble((int) v);
            case PCM8U:
                return type.fromPcm(v - 128);
            case ULAW:
                return G711.ulawToLinear((int) v);
            case ALAW:
                return G711.alawToLinear((int) v);
            default: {
                int shift = 64 - width * 8;
                return type.fromPcm((v << shift) >> shift); // sign-extend
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
