package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.common.LatqFormatException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RansRoundTripTest {

    /** A static model from a frequency table (the simple oracle for the coder). */
    static final class TableModel implements EntropyModel {
        final int[] cum;

        TableModel(int[] freq) {
            cum = new int[freq.length + 1];
            for (int i = 0; i < freq.length; i++) {
                cum[i + 1] = cum[i] + freq[i];
            }
            if (cum[freq.length] != TOTAL) {
                throw new IllegalArgumentException();
            }
        }

        @Override
        public int symbolCount() {
            return cum.length - 1;
        }

        @Override
        public int cumulativeFrequency(int s) {
            return cum[s];
        }

        @Override
        public int symbolForCumulative(int c) {
            int s = 0;
            while (cum[s + 1] <= c) {
                s++;
            }
            return s;
        }
    }

    @Test
    void roundTripsSymbolsAndRawBitsAndApproachesEntropy() throws Exception {
        int[] freq = {30000, 20000, 10000, 5000, 400, 100, 35, 1};
        TableModel model = new TableModel(freq);
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200_000;
        int[] symbols = new int[n];
        long[] raws = new long[n / 100];
        RansEncoder enc = new RansEncoder();
        double idealBits = 0;
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(EntropyModel.TOTAL);
            int s = model.symbolForCumulative(c);
            symbols[i] = s;
            enc.push(model, s);
            idealBits += -Math.log((double) freq[s] / EntropyModel.TOTAL) / Math.log(2);
            if (i % 100 == 0) {
                raws[i / 100] = rnd.nextLong();
                enc.pushRaw64(raws[i / 100]);
                idealBits += 64;
            }
        }
        int len = enc.finish();
        byte[] bytes = Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
        assertTrue(len * 8.0 < idealBits * 1.001 + 64, "coded " + len * 8 + " bits vs ideal " + idealBits);

        RansDecoder dec = new RansDecoder();
        dec.reset(bytes, 0, bytes.length);
        int[] got = new int[n];
        long[] gotRaw = new long[n / 100];
        for (int i = 0; i < n; i++) {
            got[i] = dec.decode(model);
            if (i % 100 == 0) {
                gotRaw[i / 100] = dec.decodeRaw64();
            }
        }
        dec.finish();
        assertArrayEquals(symbols, got);
        assertArrayEquals(raws, gotRaw);
    }

    @Test
    void emptyStreamIsJustTheState() throws Exception {
        RansEncoder enc = new RansEncoder();
        assertEquals(4, enc.finish());
        RansDecoder dec = new RansDecoder();
        dec.reset(enc.buffer(), enc.offset(), 4);
        dec.finish();
    }

    @Test
    void truncatedOrExtendedPayloadIsRefused() throws Exception {
        TableModel model = new TableModel(new int[] {EntropyModel.TOTAL / 2, EntropyModel.TOTAL / 2});
        RansEncoder enc = new RansEncoder();
        for (int i = 0; i < 1000; i++) {
            enc.push(model, i % 2);
        }
        int len = enc.finish();
        byte[] bytes = Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
        for (int cut = 0; cut < len; cut++) {
            byte[] prefix = Arrays.copyOf(bytes, cut);
            assertThrows(LatqFormatException.class, () -> {
                RansDecoder dec = new RansDecoder();
                dec.reset(prefix, 0, prefix.length);
                for (int i = 0; i < 1000; i++) {
                    dec.decode(model);
                }
                dec.finish();
            });
        }
        byte[] longer = Arrays.copyOf(bytes, len + 1);
        assertThrows(LatqFormatException.class, () -> {
            RansDecoder dec = new RansDecoder();
            dec.reset(longer, 0, longer.length);
            for (int i = 0; i < 1000; i++) {
                dec.decode(model);
            }
            dec.finish();
        });
    }
}
