package io.latq.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonOutputTest {
    @Test
    void oneOrderedLineWithJavaDoublesAndNullForNonFinite() {
        Map<String, Object> o = JsonOutput.object();
        o.put("z", 1L);
        o.put("a", 1.1122177874829047E-5);
        o.put("whole", 2.0);
        o.put("nan", Double.NaN);
        o.put("inf", Double.NEGATIVE_INFINITY);
        o.put("f", 0.5f);
        o.put("ints", new int[] {1, 2});
        o.put("doubles", new double[] {0.25, Double.NaN});
        o.put("none", null);
        o.put("text", "a\"b\\c\nd");
        o.put("list", List.of(Map.of("k", true)));
        assertEquals("{\"z\":1,\"a\":1.1122177874829047E-5,\"whole\":2.0,\"nan\":null,\"inf\":null,\"f\":0.5,"
                + "\"ints\":[1,2],\"doubles\":[0.25,null],\"none\":null,\"text\":\"a\\\"b\\\\c\\nd\","
                + "\"list\":[{\"k\":true}]}", JsonOutput.line(o));
    }

    @Test
    void readKeepsOrderAndNumbers() {
        String text = "{\n  \"b\": [1, 2.5E-7],\n  \"a\": \"x\"\n}\n";
        assertEquals("{\"b\":[1,2.5E-7],\"a\":\"x\"}", JsonOutput.line(JsonOutput.read(text)));
    }
}
