package io.latq.ecdq.file;

import io.latq.common.LatqFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads the preamble shared by every version (magic, version, flags, body length), checks the body length against
 * the version's limit and the file size before allocating it, checks the header CRC, and hands the body to the
 * version's parser: {@link EcdqHeader} (version 1) or {@link FileHeader} (versions 2 and 3).
 */
public final class HeaderReader {
    private HeaderReader() {
    }

    /** The header of either version: an {@link EcdqHeader} or a {@link FileHeader}. */
    public static Object read(InputStream in, long fileSize) throws IOException {
        if (fileSize == 0) {
            throw new LatqFormatException("file is empty");
        }
        byte[] magic = EcdqHeader.MAGIC;
        byte[] pre = in.readNBytes(EcdqHeader.PREAMBLE);
        if (pre.length < magic.length || !Arrays.equals(Arrays.copyOf(pre, magic.length), magic)) {
            boolean prefix = pre.length < magic.length && Arrays.equals(pre, Arrays.copyOf(magic, pre.length));
            throw new LatqFormatException(prefix ? "file is truncated (in the magic number)"
                    : "not a latq ECDQ file (bad magic number)");
        }
        if (pre.length < EcdqHeader.PREAMBLE) {
            throw new LatqFormatException("file is truncated (in the header)");
        }
        LittleEndian p = new LittleEndian(pre, 0, EcdqHeader.PREAMBLE, "header");
        p.bytes(magic.length);
        int version = p.u16();
        int flags = p.u16();
        long bodyLen = p.u32();
        if (version != EcdqHeader.VERSION && version != FileHeader.VERSION && version != FileHeader.VERSION_3) {
            throw new LatqFormatException("file format version " + version + (version > FileHeader.VERSION_3
                    ? " is newer than this latq supports (" + FileHeader.VERSION_3 + ")" : " is not supported"));
        }
        long max = version == EcdqHeader.VERSION ? EcdqHeader.MAX_BODY : FileHeader.MAX_BODY;
        if (bodyLen > fileSize - EcdqHeader.PREAMBLE - 4) {
            throw new LatqFormatException("header claims " + bodyLen + " bytes but the file holds "
                    + Math.max(0, fileSize - EcdqHeader.PREAMBLE - 4) + " after the preamble (truncated?)");
        }
        if (bodyLen > max) {
            throw new LatqFormatException("header length " + bodyLen + " exceeds the maximum " + max);
        }
        byte[] all = new byte[EcdqHeader.PREAMBLE + (int) bodyLen + 4];
        System.arraycopy(pre, 0, all, 0, EcdqHeader.PREAMBLE);
        int got = in.readNBytes(all, EcdqHeader.PREAMBLE, (int) bodyLen + 4);
        if (got != bodyLen + 4) {
            throw new LatqFormatException("file is truncated (in the header)");
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, EcdqHeader.PREAMBLE + (int) bodyLen);
        int stored = ByteBuffer.wrap(all, EcdqHeader.PREAMBLE + (int) bodyLen, 4)
                .order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw new LatqFormatException("header is corrupt (CRC32C mismatch)");
        }
        if (version == EcdqHeader.VERSION) {
            return EcdqHeader.parseBody(all, flags, bodyLen, fileSize);
        }
        return FileHeader.readBody(version, all, flags, (int) bodyLen, fileSize);
    }
}
