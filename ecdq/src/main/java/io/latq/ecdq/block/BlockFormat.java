package io.latq.ecdq.block;

import io.latq.common.LatqFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Byte layout of data blocks and of the trailer (see {@code docs/file-format.md}).
 *
 * <pre>
 * block   := u32 index, u32 samples, u32 nonFiniteCount, u32 payloadLength,
 *            nonFiniteCount × (u32 offsetInBlock, u64 rawBits), payload bytes, u32 CRC32C(all preceding block bytes)
 * trailer := "LQND", u64 blockCount, u64 sampleCount, u32 headerCrc, u32 CRC32C(the 24 preceding trailer bytes)
 * </pre>
 */
public final class BlockFormat {
    public static final int BLOCK_FIXED = 16;
    public static final int NONFINITE_ENTRY = 12;
    public static final int TRAILER_SIZE = 28;
    private static final byte[] TRAILER_MAGIC = {'L', 'Q', 'N', 'D'};

    private BlockFormat() {
    }

    /** Largest payload a block of {@code codedSamples} lattice coordinates can need: 11 bytes each, plus slack. */
    public static long maxPayload(long codedSamples) {
        return 11 * codedSamples + 16;
    }

    /**
     * The same bound for the polar-lattice point coder (format version 3, point coder 2): at most 2r + 10 bytes a
     * coordinate (r level bits of at most 16 bits each, a coarse symbol and 64 raw bits; docs/file-format.md), with r
     * at most {@code PolarLatticeDesign.MAX_LEVELS} = 16.
     */
    public static long maxPolarPayload(long codedSamples) {
        return (2 * 16 + 10) * codedSamples + 16;
    }

    /** A block as read from a file (payload still entropy coded). */
    public record Block(long index, int samples, byte[] cells, int[] nonFiniteOffsets, long[] nonFiniteBits,
                        byte[] payload, int storedBytes) {
    }

    /** Serializes one block, CRC included. */
    public static byte[] encode(long index, int samples, int nonFiniteCount, int[] nfOffsets, long[] nfBits,
                                byte[] payload, int payloadOff, int payloadLen) {
        return encode(index, samples, null, nonFiniteCount, nfOffsets, nfBits, payload, payloadOff, payloadLen, null);
    }

    /**
     * Serializes one block, CRC included. Version 2 adds the cell variance codes after the fixed part and binds the
     * block to its file: the CRC runs over the file identifier first, then the block bytes ({@code fileId} null and
     * {@code cells} null give the version-1 layout).
     */
    public static byte[] encode(long index, int samples, byte[] cells, int nonFiniteCount, int[] nfOffsets,
                                long[] nfBits, byte[] payload, int payloadOff, int payloadLen, byte[] fileId) {
        int nc = cells == null ? 0 : cells.length;
        int size = BLOCK_FIXED + nc + NONFINITE_ENTRY * nonFiniteCount + payloadLen + 4;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) index);
        b.putInt(samples);
        b.putInt(nonFiniteCount);
        b.putInt(payloadLen);
        if (cells != null) {
            b.put(cells);
        }
        for (int i = 0; i < nonFiniteCount; i++) {
            b.putInt(nfOffsets[i]);
            b.putLong(nfBits[i]);
        }
        b.put(payload, payloadOff, payloadLen);
        CRC32C crc = new CRC32C();
        if (fileId != null) {
            crc.update(fileId);
        }
        crc.update(b.array(), 0, size - 4);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * Reads block {@code expectedIndex}, validating every size against the header's expectations and the bytes left
     * in the file before allocating, then the CRC.
     */
    public static Block read(InputStream in, long expectedIndex, int expectedSamples, long maxPayload,
                             long bytesLeft) throws IOException {
        return read(in, expectedIndex, expectedSamples, 0, maxPayload, bytesLeft, null);
    }

    /**
     * Reads a block with {@code cellCount} cell codes (0 in version 1) whose CRC starts with {@code fileId} (null in
     * version 1). A block spliced in from another file fails the CRC even when everything else matches.
     */
    public static Block read(InputStream in, long expectedIndex, int expectedSamples, int cellCount, long maxPayload,
                             long bytesLeft, byte[] fileId) throws IOException {
        String what = "block " + expectedIndex;
        byte[] fixed = in.readNBytes(BLOCK_FIXED);
        if (fixed.length < BLOCK_FIXED) {
            throw new LatqFormatException("file is truncated (in " + what + ")");
        }
        ByteBuffer f = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        long index = f.getInt() & 0xFFFFFFFFL;
        long samples = f.getInt() & 0xFFFFFFFFL;
        long nf = f.getInt() & 0xFFFFFFFFL;
        long payloadLen = f.getInt() & 0xFFFFFFFFL;
        long rest = cellCount + NONFINITE_ENTRY * nf + payloadLen + 4;
        if (samples != expectedSamples || nf > samples || payloadLen > maxPayload) {
            throw new LatqFormatException(what + " is corrupt (invalid sizes)");
        }
        if (rest > bytesLeft - BLOCK_FIXED) {
            throw new LatqFormatException("file is truncated (" + what + " claims " + (BLOCK_FIXED + rest)
                    + " bytes, " + Math.max(0, bytesLeft) + " remain)");
        }
        byte[] body = new byte[(int) rest];
        if (in.readNBytes(body, 0, body.length) != body.length) {
            throw new LatqFormatException("file is truncated (in " + what + ")");
        }
        CRC32C crc = new CRC32C();
        if (fileId != null) {
            crc.update(fileId);
        }
        crc.update(fixed);
        crc.update(body, 0, body.length - 4);
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(body.length - 4) != (int) crc.getValue()) {
            throw new LatqFormatException(what + (fileId == null ? " is corrupt (CRC32C mismatch)"
                    : " is corrupt or belongs to another file (CRC32C mismatch)"));
        }
        if (index != (expectedIndex & 0xFFFFFFFFL)) {
            throw new LatqFormatException(what + " is out of place (stored index " + index + ")");
        }
        byte[] cells = new byte[cellCount];
        b.get(cells);
        int[] offsets = new int[(int) nf];
        long[] bits = new long[(int) nf];
        int prev = -1;
        for (int i = 0; i < nf; i++) {
            offsets[i] = b.getInt();
            bits[i] = b.getLong();
            if (offsets[i] <= prev || offsets[i] >= samples) {
                throw new LatqFormatException(what + " has invalid non-finite sample positions");
            }
            prev = offsets[i];
        }
        byte[] payload = new byte[(int) payloadLen];
        b.get(payload);
        return new Block(index, (int) samples, cells, offsets, bits, payload, BLOCK_FIXED + body.length);
    }

    /** Serializes the trailer. */
    public static byte[] trailer(long blockCount, long sampleCount, int headerCrc) {
        ByteBuffer b = ByteBuffer.allocate(TRAILER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(TRAILER_MAGIC);
        b.putLong(blockCount);
        b.putLong(sampleCount);
        b.putInt(headerCrc);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, TRAILER_SIZE - 4);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Reads and checks the trailer, then checks that the file ends right after it. */
    public static void readTrailer(InputStream in, long blockCount, long sampleCount, int headerCrc)
            throws IOException {
        byte[] t = in.readNBytes(TRAILER_SIZE);
        if (t.length < TRAILER_SIZE) {
            throw new LatqFormatException("file is truncated (in the trailer)");
        }
        ByteBuffer b = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        crc.update(t, 0, TRAILER_SIZE - 4);
        if (b.getInt(TRAILER_SIZE - 4) != (int) crc.getValue() || t[0] != 'L' || t[1] != 'Q' || t[2] != 'N'
                || t[3] != 'D') {
            throw new LatqFormatException("trailer is corrupt (CRC32C mismatch)");
        }
        if (b.getLong(4) != blockCount || b.getLong(12) != sampleCount || b.getInt(20) != headerCrc) {
            throw new LatqFormatException("trailer does not match the header (block count, sample count or CRC)");
        }
        if (in.read() != -1) {
            throw new LatqFormatException("file has unexpected bytes after the trailer");
        }
    }
}
