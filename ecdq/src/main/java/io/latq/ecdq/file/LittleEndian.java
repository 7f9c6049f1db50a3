package io.latq.ecdq.file;

import io.latq.common.LatqFormatException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Bounds-checked little-endian field reader over a byte array; every underflow becomes a format error. */
final class LittleEndian {
    private final ByteBuffer buf;
    private final String where;

    LittleEndian(byte[] bytes, int off, int len, String where) {
        this.buf = ByteBuffer.wrap(bytes, off, len).order(ByteOrder.LITTLE_ENDIAN);
        this.where = where;
    }

    int u8() throws LatqFormatException {
        try {
            return buf.get() & 0xFF;
        } catch (BufferUnderflowException e) {
            throw short_();
        }
    }

    int u16() throws LatqFormatException {
        try {
            return buf.getShort() & 0xFFFF;
        } catch (BufferUnderflowException e) {
            throw short_();
        }
    }

    long u32() throws LatqFormatException {
        try {
            return buf.getInt() & 0xFFFFFFFFL;
        } catch (BufferUnderflowException e) {
            throw short_();
        }
    }

    long i64() throws LatqFormatException {
        try {
            return buf.getLong();
        } catch (BufferUnderflowException e) {
            throw short_();
        }
    }

    double f64() throws LatqFormatException {
        return Double.longBitsToDouble(i64());
    }

    byte[] bytes(int n) throws LatqFormatException {
        if (n < 0 || n > buf.remaining()) {
            throw short_();
        }
        byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    String utf8(int n) throws LatqFormatException {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    int remaining() {
        return buf.remaining();
    }

    private LatqFormatException short_() {
        return new LatqFormatException(where + " is shorter than its fields");
    }
}
