package io.latq.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iterative JSON reader: same values as before, bounded depth and length. */
class JsonLimitsTest {

    @Test
    void parsesNestedValues() {
        Object v = Json.parse(" {\"a\": [1, 2.5, {\"b\": null}, [], {}], \"c\": \"x\\u0041\\n\", \"d\": true} ");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(5, a.size());
        assertEquals(2.5, a.get(1));
        assertTrue(((Map<?, ?>) a.get(2)).containsKey("b"));
        assertEquals(List.of(), a.get(3));
        assertEquals(Map.of(), a.get(4));
        assertEquals("xA\n", m.get("c"));
        assertEquals(Boolean.TRUE, m.get("d"));
        assertEquals(List.of(List.of(List.of(1.0))), Json.parse("[[[1]]]"));
    }

    @Test
    void malformedInputGivesOneLineErrors() {
        for (String bad : new String[] {"", "{", "[1,", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{1:2}", "[1]]",
                "\"abc", "\"\\u12G4\"", "tru", "[\u0001]", "{\"a\":1 \"b\":2}", "]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
        }
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper than " + Json.MAX_DEPTH), e.getMessage());
        String objects = "{\"a\":".repeat(Json.MAX_DEPTH + 1) + "1" + "}".repeat(Json.MAX_DEPTH + 1);
        assertThrows(IllegalArgumentException.class, () -> Json.parse(objects));
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertTrue(Json.parse(ok) instanceof List);
    }

    @Test
    void overlongTextIsRefusedBeforeParsing() {
        String big = " ".repeat(Json.MAX_LENGTH) + "1";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(big));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }
}
