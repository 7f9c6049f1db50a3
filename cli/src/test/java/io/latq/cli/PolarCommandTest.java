package io.latq.cli;

import io.latq.polar.FrozenSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarCommandTest {

    private static final class Run {
        int code;
        String out;
        String err;
    }

    private static Run run(String... args) {
        CommandLine cmd = new CommandLine(new PolarCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        Run r = new Run();
        r.code = cmd.execute(args);
        r.out = out.toString();
        r.err = err.toString();
        return r;
    }

    @Test
    void constructBecJsonIsAValidFrozenSet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fs.json");
        Run r = run("construct", "--n", "8", "--k", "4", "--channel", "bec:e=0.5", "--method", "bec", "--json",
                "-o", file.toString());
        assertEquals(0, r.code, r.err);
        FrozenSet fs = FrozenSet.fromJson(r.out);
        // BEC(1/2), N = 8: Z = [.996, .879, .809, .316, .684, .191, .121, .004] → best four are 7, 6, 5, 3
        assertArrayEquals(new int[] {3, 5, 6, 7}, fs.informationSet());
        assertEquals("bec", fs.method());
        assertEquals(fs, FrozenSet.fromJson(Files.readString(file)));
        assertTrue(r.out.contains("\"information_set\""));
        assertTrue(r.out.contains("\"entropy\""));
        assertEquals(1, r.out.strip().split("\n").length, "--json prints one line");
    }

    @Test
    void constructTextForEveryMethod() {
        for (String method : new String[] {"ga", "tv", "bhattacharyya", "mc"}) {
            Run r = run("construct", "--n", "64", "--k", "32", "--channel", "awgn:sigma=0.8", "--method", method,
                    "--frames", "500");
            assertEquals(0, r.code, method + ": " + r.err);
            assertTrue(r.out.startsWith("method: " + method), r.out);
            assertTrue(r.out.contains("information_set: "));
            assertEquals(1 + 1 + 1 + 1 + 64 + (method.equals("tv") || method.equals("bhattacharyya") ? 1 : 0),
                    r.out.split("\n").length, method);
        }
    }

    @Test
    void simulateJsonHasTheDocumentedKeysAndIsReproducible() {
        String[] args = {"simulate", "--n", "128", "--k", "64", "--ebn0", "1.5", "--decoder", "scl:4", "--crc", "8",
            "--frames", "300", "--seed", "9", "--json", "--rule", "min-sum"};
        Run a = run(args);
        assertEquals(0, a.code, a.err);
        for (String key : new String[] {"information_set", "information_set_sha256", "fer", "ber", "frames",
            "frame_errors", "fer_ci95", "method"}) {
            assertTrue(a.out.contains("\"" + key + "\""), key);
        }
        assertEquals(300, number(a.out, "frames"), 0);
        assertEquals(1, a.out.strip().split("\n").length, "--json prints one line");
        String[] threaded = args.clone();
        Run b = run(concat(threaded, "--threads", "2"));
        assertEquals(number(a.out, "frame_errors"), number(b.out, "frame_errors"), 0);
        assertEquals(number(a.out, "fer"), number(b.out, "fer"), 0);
        Run text = run("simulate", "--n", "64", "--k", "32", "--ebn0", "2", "--decoder", "fast-ssc", "--frames",
                "200");
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("FER ") && text.out.contains("95% CI") && text.out.contains("Mb/s"), text.out);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ?([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void badInputGivesExitCodeTwoAndOneClearMessage() {
        String[][] bad = {
            {"construct", "--n", "12", "--k", "4", "--channel", "bec:e=0.5"},
            {"construct", "--n", "16", "--k", "17", "--channel", "bec:e=0.5"},
            {"construct", "--n", "16", "--k", "4", "--channel", "bec:e=0.5", "--method", "magic"},
            {"construct", "--n", "16", "--k", "4", "--channel", "wifi:x=1"},
            {"construct", "--n", "16", "--k", "4", "--channel", "awgn:sigma=abc"},
            {"construct", "--n", "16", "--k", "4", "--channel", "awgn:sigma=0.5", "--method", "bec"},
            {"simulate", "--n", "16", "--k", "8", "--ebn0", "1", "--decoder", "bp", "--frames", "10"},
            {"simulate", "--n", "16", "--k", "8", "--ebn0", "1", "--crc", "7", "--frames", "10"},
            {"simulate", "--n", "100", "--k", "8", "--ebn0", "1", "--frames", "10"},
        };
        String[] expect = {"power of 2", "K must be", "unknown method", "bad channel", "bad number", "needs a bec",
            "unknown decoder", "no standard CRC", "power of 2"};
        for (int i = 0; i < bad.length; i++) {
            Run r = run(bad[i]);
            assertEquals(2, r.code, String.join(" ", bad[i]));
            assertTrue(r.err.contains(expect[i]), r.err);
            assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
        }
    }
}
