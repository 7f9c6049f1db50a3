package io.latq.polar;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrozenSetTest {

    private static String sha256Hex(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder();
        for (byte x : d) {
            b.append(String.format("%02x", x & 0xff));
        }
        return b.toString();
    }

    @Test
    void hashIsOverTheDocumentedCanonicalForm() throws Exception {
        FrozenSet fs = new FrozenSet(8, new int[] {7, 3, 6, 5}, new int[] {7, 6, 5, 3, 4, 2, 1, 0},
                new double[] {0, 1, 2, 3, 4, 5, 6, 7}, "bec", "bec:e=0.5");
        String canonical = "latq-polar-frozen-set-v1\nn=8\ninformation_set=3,5,6,7\n"
                + "reliability_order=7,6,5,3,4,2,1,0\n";
        assertEquals(canonical, fs.canonicalForm());
        assertEquals(sha256Hex(canonical), fs.sha256());
        // metadata is not hashed; the code is
        FrozenSet other = new FrozenSet(8, new int[] {3, 5, 6, 7}, new int[] {7, 6, 5, 3, 4, 2, 1, 0}, null, "tv",
                null);
        assertEquals(fs.sha256(), other.sha256());
        assertNotEquals(fs.sha256(), FrozenSet.of(8, new int[] {3, 5, 6, 7}).sha256());
    }

    @Test
    void jsonRoundTripAndValidation() {
        FrozenSet fs = new FrozenSet(8, new int[] {3, 5, 6, 7}, new int[] {7, 6, 5, 3, 4, 2, 1, 0},
                new double[] {0.5, 1e-300, Double.POSITIVE_INFINITY, 3, 4, 5, 6, 7.25}, "bec", "bec:e=\"0.5\"");
        String json = fs.toJson();
        FrozenSet back = FrozenSet.fromJson(json);
        assertEquals(fs, back);
        assertEquals(fs.sha256(), back.sha256());
        assertArrayEquals(fs.reliability(), back.reliability(), 0.0);
        assertEquals("bec:e=\"0.5\"", back.channel());
        assertArrayEquals(new boolean[] {true, true, true, false, true, false, false, false}, back.frozenMask());

        String tampered = json.replace("\"information_set\": [3,5,6,7]", "\"information_set\": [3,4,6,7]");
        assertTrue(!tampered.equals(json));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrozenSet.fromJson(tampered));
        assertTrue(e.getMessage().contains("sha256 mismatch"));
        assertThrows(IllegalArgumentException.class, () -> FrozenSet.fromJson("{\"n\": 8, \"information_set\": [1,2"));
        assertThrows(IllegalArgumentException.class, () -> FrozenSet.fromJson("{\"n\": 6, \"information_set\": [1]}"));
        assertThrows(IllegalArgumentException.class,
                () -> FrozenSet.fromJson("{\"n\": 8, \"k\": 3, \"information_set\": [1, 2]}"));
        assertThrows(IllegalArgumentException.class, () -> FrozenSet.fromJson("{\"n\": 8, \"information_set\": [9]}"));
        assertThrows(IllegalArgumentException.class,
                () -> FrozenSet.fromJson("{\"n\": 4, \"information_set\": [1], \"reliability_order\": [0,0,1,2]}"));
        // minimal hand-written file without hash
        FrozenSet minimal = FrozenSet.fromJson(" { \"n\" : 4 , \"information_set\" : [ 3 , 1 ] } ");
        assertArrayEquals(new int[] {1, 3}, minimal.informationSet());
    }
}
