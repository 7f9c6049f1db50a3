package io.latq.ecdq.samples;

import java.util.Arrays;

/**
 * ITU-T G.711 μ-law and A-law, written from the recommendation's segment rules. A code decodes to its 16-bit linear
 * value / 32768; a value encodes to the code whose decoded value is nearest (ties to the smaller value), so decoding
 * and re-encoding any code gives the same code back, except μ-law's two zeros (0x7F and 0xFF), which both encode to
 * 0xFF.
 */
final class G711 {
    private static final double[] ULAW = new double[256];
    private static final double[] ALAW = new double[256];
    private static final double[] ULAW_SORTED;
    private static final int[] ULAW_CODES;
    private static final double[] ALAW_SORTED;
    private static final int[] ALAW_CODES;

    static {
        for (int c = 0; c < 256; c++) {
            int u = ~c & 0xFF;
            int exponent = (u >> 4) & 7;
            int mantissa = u & 0x0F;
            int mag = (((mantissa << 3) + 0x84) << exponent) - 0x84;
            ULAW[c] = ((u & 0x80) != 0 ? -mag : mag) / 32768.0;
            int a = c ^ 0x55;
            int aexp = (a >> 4) & 7;
            int amant = a & 0x0F;
            int amag = aexp == 0 ? (amant << 4) + 8 : ((amant << 4) + 0x108) << (aexp - 1);
            ALAW[c] = ((a & 0x80) != 0 ? amag : -amag) / 32768.0;
        }
        ULAW_CODES = sortedCodes(ULAW, 0xFF);
        ULAW_SORTED = values(ULAW, ULAW_CODES);
        ALAW_CODES = sortedCodes(ALAW, -1);
        ALAW_SORTED = values(ALAW, ALAW_CODES);
    }

    private G711() {
    }

    /** The codes ordered by decoded value, one per value ({@code zeroCode} stands for a repeated 0). */
    private static int[] sortedCodes(double[] table, int zeroCode) {
        Integer[] codes = new Integer[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = i;
        }
        Arrays.sort(codes, (x, y) -> Double.compare(table[x] + 0.0, table[y] + 0.0) != 0
                ? Double.compare(table[x] + 0.0, table[y] + 0.0) : Integer.compare(y, x));
        int[] out = new int[256];
        int n = 0;
        for (int i = 0; i < 256; i++) {
            int c = codes[i];
            if (n > 0 && table[out[n - 1]] == table[c]) {
                if (c == zeroCode) {
                    out[n - 1] = c;
                }
                continue;
            }
            out[n++] = c;
        }
        return Arrays.copyOf(out, n);
    }

    private static double[] values(double[] table, int[] codes) {
        double[] v = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            v[i] = table[codes[i]];
        }
        return v;
    }

    static double ulawToLinear(int code) {
        return ULAW[code & 0xFF];
    }

    static double alawToLinear(int code) {
        return ALAW[code & 0xFF];
    }

    static int linearToUlaw(double v) {
        return nearest(ULAW_SORTED, ULAW_CODES, v);
    }

    static int linearToAlaw(double v) {
        return nearest(ALAW_SORTED, ALAW_CODES, v);
    }

    private static int nearest(double[] sorted, int[] codes, double v) {
        if (v != v) {
            return codes[sorted.length / 2];
        }
        int i = Arrays.binarySearch(sorted, v);
        if (i >= 0) {
            return codes[i];
        }
        int hi = -i - 1;
        if (hi == 0) {
            return codes[0];
        }
        if (hi == sorted.length) {
            return codes[sorted.length - 1];
        }
        return v - sorted[hi - 1] <= sorted[hi] - v ? codes[hi - 1] : codes[hi];
    }
}
