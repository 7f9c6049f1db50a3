package io.latq.spark;

import io.latq.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bars, through the real CLI: the same command with and without {@code --engine spark --master local[2]}
 * prints the same figures. JSON numbers are {@code Double.toString}, which tells every double apart, so equal text is
 * equal bits. Each Spark run starts and stops its own context, as {@code latq} does.
 */
class SparkCliTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run latq(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] spark(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--engine", "spark", "--master", "local[2]"));
        return a.toArray(String[]::new);
    }

    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([^,}]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }

    @Test
    void nsmOfE8IsBitIdentical() {
        String[] cmd = {"nsm", "--lattice", "E8", "--samples", "300000", "--seed", "4711", "--json", "--no-progress"};
        Run local = latq(cmd);
        Run spark = latq(spark(cmd));
        assertEquals(0, local.code(), local.err());
        assertEquals(0, spark.code(), spark.err());
        for (String key : new String[] {"nsm", "stderr", "stderr_batch_means", "ci95_low", "ci95_high"}) {
            assertEquals(field(local.out(), key), field(spark.out(), key), key);
        }
    }

    /**
     * Goodness points of polar lattices with a list of 4 (on Spark both points run as one job); the CSV is the same
     * but for the timing columns.
     */
    @Test
    void goodnessPointsWithAListAreIdentical() throws Exception {
        String[] base = {"goodness", "--n", "64..128", "--list", "4", "--samples", "3000", "--seed", "4711",
            "--no-progress"};
        Run local = latq(concat(base, "--csv", dir.resolve("l.csv").toString(), "--plot",
                dir.resolve("l.svg").toString()));
        Run spark = latq(spark(concat(base, "--csv", dir.resolve("s.csv").toString(), "--plot",
                dir.resolve("s.svg").toString())));
        assertEquals(0, local.code(), local.err());
        assertEquals(0, spark.code(), spark.err());
        assertEquals(withoutSeconds(Files.readString(dir.resolve("l.csv"))),
                withoutSeconds(Files.readString(dir.resolve("s.csv"))));
        assertTrue(Files.readString(dir.resolve("s.csv")).contains("\n128,4,polar128-L4,3000,4711,"),
                Files.readString(dir.resolve("s.csv")));
    }

    @Test
    void designSearchGivesTheSameDesignFile() throws Exception {
        String[] base = {"design", "polar", "--n", "32", "--sigma", "0.5", "--mu", "8", "--list", "2",
            "--optimize", "--samples", "1024", "--seed", "5", "--no-progress", "--json"};
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Run local = latq(concat(base, "-o", a.toString()));
        Run spark = latq(spark(concat(base, "-o", b.toString())));
        assertEquals(0, local.code(), local.err());
        assertEquals(0, spark.code(), spark.err());
        // the notes record the search and the check estimate; the engine flags are left out of "made by"
        assertEquals(Files.readString(a), Files.readString(b));
        for (String key : new String[] {"nsm", "stderr", "search_nsm", "evaluations", "sha256"}) {
            assertEquals(field(local.out(), key), field(spark.out(), key), key);
        }
    }

    @Test
    void badEngineFlagsGiveOneLineUsageErrors() {
        Run r = latq("nsm", "--lattice", "E8", "--samples", "100", "--master", "local[2]");
        assertEquals(2, r.code());
        assertEquals("latq: --master needs --engine spark (see 'latq nsm --help')", r.err().strip());
        r = latq("nsm", "--lattice", "E8", "--samples", "100", "--engine", "flink");
        assertEquals(2, r.code());
        assertEquals("latq: --engine must be local or spark, got flink (see 'latq nsm --help')", r.err().strip());
        r = latq("nsm", "--lattice", "E8", "--samples", "100", "--engine", "spark", "--master", "nonsense://x");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("latq: cannot start Spark with master 'nonsense://x': ")
                && r.err().strip().lines().count() == 1, r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The CSV without its {@code seconds} column (wall-clock time is the one figure allowed to differ). */
    private static String withoutSeconds(String csv) {
        StringBuilder b = new StringBuilder();
        String[] lines = csv.split("\n");
        // the timing columns: wall-clock seconds, and CPU time (which the Spark engine does not measure)
        int col = List.of(lines[0].split(",")).indexOf("seconds");
        int cpu = List.of(lines[0].split(",")).indexOf("cpu_seconds_per_vector");
        assertTrue(col >= 0 && cpu > col, lines[0]);
        for (String line : lines) {
            List<String> f = new ArrayList<>(List.of(line.split(",", -1)));
            f.remove(cpu);
            f.remove(col);
            b.append(String.join(",", f)).append('\n');
        }
        return b.toString();
    }
}
