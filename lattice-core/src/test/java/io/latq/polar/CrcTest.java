package io.latq.polar;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrcTest {

    private static byte[] bitsOf(String ascii) {
        byte[] b = new byte[ascii.length() * 8];
        for (int i = 0; i < ascii.length(); i++) {
            for (int j = 0; j < 8; j++) {
                b[8 * i + j] = (byte) ((ascii.charAt(i) >> (7 - j)) & 1);
            }
        }
        return b;
    }

    @Test
    void standardCheckValues() {
        // published "check" values of the un-reflected, zero-init, no-xorout variants over ASCII "123456789"
        byte[] msg = bitsOf("123456789");
        assertEquals(0xF4, Crc.crc8().compute(msg, 0, msg.length));            // CRC-8/SMBUS
        assertEquals(0x31C3, Crc.crc16().compute(msg, 0, msg.length));         // CRC-16/XMODEM
    }

    @Test
    void appendThenCheckAndDetectSingleErrors() {
        for (int bits : new int[] {8, 11, 16, 24}) {
            Crc crc = Crc.ofLength(bits);
            byte[] b = new byte[40 + bits];
            for (int i = 0; i < 40; i++) {
                b[i] = (byte) ((i * 7 + i / 3) & 1);
            }
            crc.append(b, 40);
            assertTrue(crc.check(b, b.length));
            for (int i = 0; i < b.length; i++) {
                b[i] ^= 1;
                assertFalse(crc.check(b, b.length), "single error at " + i);
                b[i] ^= 1;
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Crc.ofLength(7));
    }
}
