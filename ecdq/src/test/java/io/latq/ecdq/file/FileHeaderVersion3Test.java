package io.latq.ecdq.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.common.LatqFormatException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Version 3's header fields: the point coder and κ_c round-trip, and crafted values are refused with a message. */
class FileHeaderVersion3Test {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/v3/v3-polar-levels-n1024-f64-mse-0.4.lq");

    private static FileHeader read(byte[] header) throws Exception {
        return (FileHeader) HeaderReader.read(new ByteArrayInputStream(header), 1L << 40);
    }

    /** The header with its last body byte(s) replaced and the CRC recomputed. */
    private static byte[] patched(byte[] h, int fromEnd, byte[] value) {
        byte[] m = h.clone();
        System.arraycopy(value, 0, m, m.length - 4 - fromEnd, value.length);
        CRC32C crc = new CRC32C();
        crc.update(m, 0, m.length - 4);
        ByteBuffer.wrap(m, m.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
        return m;
    }

    private static byte[] f64(double v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array();
    }

    @Test
    void polarCoderHeaderRoundTripsAndRefusesCraftedValues() throws Exception {
        byte[] file = Files.readAllBytes(GOLDEN);
        FileHeader h = read(file);
        assertEquals(FileHeader.VERSION_3, h.version());
        assertEquals(FileHeader.CODER_POLAR_LEVELS, h.coder());
        assertTrue(h.coarseScale() > 0 && h.coarseScale() <= 1);
        byte[] bytes = h.toBytes();
        assertEquals(h, read(bytes));
        FileHeader other = read(h.withCoarseScale(0.8125).toBytes());
        assertEquals(0.8125, other.coarseScale());
        for (double bad : new double[] {0.0, -1.0, 16.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            LatqFormatException e = assertThrows(LatqFormatException.class, () -> read(patched(bytes, 8, f64(bad))));
            assertTrue(e.getMessage().contains("coarse scale"), e.getMessage());
        }
        // an unknown coder, and the version-2 coder written as version 3
        for (int coder : new int[] {0, 3, 255}) {
            LatqFormatException e = assertThrows(LatqFormatException.class,
                    () -> read(patched(bytes, 9, new byte[] {(byte) coder})));
            assertTrue(e.getMessage().contains("point coder"), e.getMessage());
        }
        LatqFormatException e = assertThrows(LatqFormatException.class,
                () -> read(patched(bytes, 10, new byte[] {10})));
        assertTrue(e.getMessage().contains("level"), e.getMessage());
    }
}
