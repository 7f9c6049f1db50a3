package io.latq.ecdq.io;

import java.io.IOException;
import java.io.OutputStream;

/** Encodes fixed-width samples to a stream; used for raw files and the data parts of .npy and .wav. */
class BinarySampleWriter implements SampleWriter {
    protected final OutputStream out;
    private final SampleType type;
    private final boolean bigEndian;
    private final int width;
    private final long expected;
    private final byte[] buf = new byte[1 << 16];
    private long written;

    BinarySampleWriter(OutputStream out, SampleType type, boolean bigEndian, long expected) {
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
            for (int i = 0; i < n; i++) {
                put(i * width, encode(src[off + start + i]));
            }
            out.write(buf, 0, n * width);
        }
        written += len;
    }

    private long encode(double v) {
        switch (type) {
            case F64:
                return Double.doubleToRawLongBits(v);
            case F32:
                return SampleType.doubleToFloatBits(v) & 0xFFFFFFFFL;
            default:
                return type.toPcm(v);
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
