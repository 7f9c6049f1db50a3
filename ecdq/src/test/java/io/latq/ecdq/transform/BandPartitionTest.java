package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BandPartitionTest {

    @Test
    void handWorkedOneDimensional() {
        // B = 16, q = 2: edges ⌈2^(j/2)⌉ = 2, 2, 3, 4, 6, 8, 12 (16 > 15 stops)
        BandPartition p = BandPartition.forFrame(16, 2);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7}, p.bandOfBins());
        assertEquals(8, p.bandCount());
        // B = 8, q = 1: {0}, {1}, {2,3}, {4..7}
        assertArrayEquals(new int[] {0, 1, 2, 2, 3, 3, 3, 3}, BandPartition.forFrame(8, 1).bandOfBins());
    }

    @Test
    void pinnedBandCounts() {
        assertEquals(1, BandPartition.forFrame(1, 4).bandCount());
        assertEquals(2, BandPartition.forFrame(2, 4).bandCount());
        assertEquals(8, BandPartition.forFrame(8, 4).bandCount());     // every bin its own band
        assertEquals(4, BandPartition.forFrame(8, 1).bandCount());
        assertEquals(8, BandPartition.forFrame(16, 2).bandCount());
        assertEquals(11, BandPartition.forFrame(1024, 1).bandCount()); // {0},{1},[2,4),…,[512,1024)
        assertEquals(BandPartition.edges(1023, 4).length + 2, BandPartition.forFrame(1024, 4).bandCount());
        // by hand: edges 2..8 (7 values: 2,3,4,5,6,7,8), four per octave 8→512 (24), then 609, 725, 862:
        // 34 edges + {0} + {1} = 36 bands
        assertEquals(36, BandPartition.forFrame(1024, 4).bandCount());
    }

    @Test
    void partitionProperties() {
        int[][] tiles = {{1}, {2}, {64}, {1024}, {4096}, {8, 8}, {4, 32}, {16, 16}, {2, 4, 8}, {1, 64}};
        for (int[] t : tiles) {
            for (int q = 1; q <= 8; q++) {
                BandPartition p = BandPartition.forTiles(t, q);
                int[] band = p.bandOfBins();
                int[] size = new int[p.bandCount()];
                for (int b : band) {
                    assertTrue(b >= 0 && b < p.bandCount());
                    size[b]++;
                }
                int total = 0;
                for (int b = 0; b < size.length; b++) {
                    assertTrue(size[b] > 0, "empty band");
                    assertEquals(size[b], p.bandSize(b));
                    total += size[b];
                }
                assertEquals(p.binCount(), total);
                assertEquals(0, band[0]);   // DC alone
                assertEquals(1, size[0]);
                if (t.length == 1) {
                    for (int i = 1; i < band.length; i++) {
                        assertTrue(band[i] == band[i - 1] || band[i] == band[i - 1] + 1, "monotone");
                    }
                }
            }
        }
    }

    @Test
    void twoDimensionalUsesTheRadius() {
        BandPartition p = BandPartition.forTiles(new int[] {8, 8}, 4);
        // (0,3) and (3,0) share radius 3; (2,2) has ⌊√8⌋ = 2
        assertEquals(p.bandOfBin(3), p.bandOfBin(3 * 8));
        assertEquals(p.bandOfBin(2), p.bandOfBin(2 * 8 + 2));
        // anisotropic: tile (2, 8): axis 0 bin 1 sits at frequency 4 on the common grid
        BandPartition a = BandPartition.forTiles(new int[] {2, 8}, 4);
        assertEquals(a.bandOfBin(4), a.bandOfBin(8));
        // k = 1 case equals the frame rule
        assertArrayEquals(BandPartition.forFrame(64, 3).bandOfBins(),
                BandPartition.forTiles(new int[] {64}, 3).bandOfBins());
    }

    /**
     * Portability of the edges: ⌈2^(j/q)⌉ must not depend on the last bits of pow. For j/q not an integer, 2^(j/q)
     * is irrational; check it stays far (relative 1e−9 ≫ 1 ulp) from an integer over every q and every radius a
     * tile can have (up to 2^14 covers k ≤ 16 axes of 4096), so any pow accurate to a few ulps gives the same edges.
     */
    @Test
    void edgesAreRobustToPowRounding() {
        for (int q = 1; q <= BandPartition.MAX_BANDS_PER_OCTAVE; q++) {
            for (int j = 1; j <= 14 * q; j++) {
                double v = StrictMath.pow(2.0, (double) j / q);
                if (j % q == 0) {
                    assertEquals(Math.scalb(1.0, j / q), v);
                } else {
                    double frac = Math.abs(v - Math.rint(v));
                    assertTrue(frac > 1e-9 * v, "q=" + q + " j=" + j + " 2^(j/q)=" + v);
                }
            }
        }
    }

    @Test
    void isqrtIsExact() {
        for (long x = 0; x < 100000; x++) {
            long r = BandPartition.isqrt(x);
            assertTrue(r * r <= x && (r + 1) * (r + 1) > x, "x=" + x);
        }
        long big = (1L << 62) - 1;
        long r = BandPartition.isqrt(big);
        assertTrue(r * r <= big && (r + 1) * (r + 1) > big);
    }

    @Test
    void bandsOfATransform() {
        SeparableDct t = new SeparableDct(new int[] {20}, new int[] {8});
        BandPartition p = BandPartition.forFrame(8, 1);
        int[] bands = p.bandsOf(t);
        // bins 0..7,0..7,0,2,4,6 → bands 0,1,2,2,3,3,3,3 ×2, then 0,2,3,3
        assertArrayEquals(new int[] {0, 1, 2, 2, 3, 3, 3, 3, 0, 1, 2, 2, 3, 3, 3, 3, 0, 2, 3, 3}, bands);
        assertThrows(IllegalArgumentException.class, () -> BandPartition.forFrame(16).bandsOf(t));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> BandPartition.forFrame(12));
        assertThrows(IllegalArgumentException.class, () -> BandPartition.forFrame(16, 0));
        assertThrows(IllegalArgumentException.class, () -> BandPartition.forTiles(new int[0], 4));
    }
}
