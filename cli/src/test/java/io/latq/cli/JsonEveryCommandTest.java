package io.latq.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command accepts {@code --json} and prints exactly one JSON document, on one line, on stdout. */
class JsonEveryCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void everyCommandPrintsOneJsonDocument() throws Exception {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"generate", "gaussian", "--samples", "4096", "-o", p("x.f64")});
        commands.add(new String[] {"compress", "-i", p("x.f64"), "-o", p("x.lq"), "--mse", "0.01", "--seed", "1"});
        commands.add(new String[] {"decompress", "-i", p("x.lq"), "-o", p("y.f64")});
        commands.add(new String[] {"inspect", p("x.lq")});
        commands.add(new String[] {"compare", p("x.f64"), p("y.f64")});
        commands.add(new String[] {"quantize", "--lattice", "E8", "-i", p("x.f64"), "-o", p("q.f64")});
        commands.add(new String[] {"nsm", "--lattice", "E8", "--samples", "2000"});
        commands.add(new String[] {"rd", "--lattice", "Z1", "--points", "2", "--samples", "2048", "--mse",
            "0.1..0.01"});
        commands.add(new String[] {"polar", "construct", "--n", "8", "--k", "4", "--channel", "bec:e=0.5",
            "--method", "bec"});
        commands.add(new String[] {"polar", "simulate", "--n", "64", "--k", "32", "--ebn0", "2", "--frames",
            "50"});
        commands.add(new String[] {"design", "polar", "--n", "32", "--levels", "3", "--k", "2,20,31", "--mu", "8",
            "-o", p("d.json")});
        commands.add(new String[] {"goodness", "--n", "64..128", "--list", "1", "--samples", "200", "--csv",
            p("g.csv"), "--plot", p("g.svg")});
        for (String[] c : commands) {
            String[] args = new String[c.length + 2];
            System.arraycopy(c, 0, args, 0, c.length);
            args[c.length] = "--json";
            args[c.length + 1] = "--no-progress";
            if (c[0].equals("generate") || c[0].equals("quantize") || c[0].equals("inspect")
                    || c[0].equals("compare") || c[0].equals("polar")) {
                args = java.util.Arrays.copyOf(args, c.length + 1);
            }
            CliRunner r = CliRunner.run(args);
            String cmd = String.join(" ", c);
            assertEquals(0, r.exitCode, cmd + ": " + r.err);
            String out = r.out.strip();
            assertEquals(1, out.lines().count(), cmd + " prints one line: " + r.out);
            JsonNode node = MAPPER.readTree(out); // fails on anything after the document
            assertTrue(node.isObject(), cmd + ": " + out);
        }
    }
}
