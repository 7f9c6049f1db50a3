package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard input and output (issue 12's first bar): {@code generate | compress -i - -o - | decompress -i - -o -} in a
 * real shell pipeline of separate JVMs round-trips with the MSE on target, and nothing but data reaches stdout.
 */
class PipeTest {
    @TempDir
    Path dir;

    @Test
    void compressAndDecompressThroughPipes() throws Exception {
        String latq = ChildJvm.shellCommand();
        Path x = dir.resolve("x.f64");
        Path y = dir.resolve("y.f64");
        Path err = dir.resolve("err.txt");
        String cmd = latq + " generate gaussian --samples 200000 --seed 3 -o '" + x + "' && "
                + latq + " compress -i - -o - --type f64 --mse 0.01 --lattice E8 --seed 1 < '" + x + "' 2>'" + err
                + "' | " + latq + " decompress -i - -o - --type f64 2>>'" + err + "' > '" + y + "'";
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; " + cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pipeline finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + Files.readString(err));
        assertEquals(Files.size(x), Files.size(y), () -> "stdout carried exactly the samples; its last bytes: "
                + tail(y));
        double[] a = read(x);
        double[] b = read(y);
        double sse = 0;
        for (int i = 0; i < a.length; i++) {
            sse += (a[i] - b[i]) * (a[i] - b[i]);
        }
        double mse = sse / a.length;
        assertTrue(Math.abs(mse / 0.01 - 1) < 0.02, "MSE " + mse);
        String messages = Files.readString(err);
        assertTrue(messages.contains("bits/sample="), "statistics on stderr: " + messages);
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> left = s.filter(f -> f.getFileName().toString().startsWith("latq-stdio-")).toList();
            assertTrue(left.isEmpty(), "spool directories left: " + left);
        }
    }

    private static String tail(Path f) {
        try {
            byte[] b = Files.readAllBytes(f);
            int from = Math.max(0, b.length - 200);
            return new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static double[] read(Path f) throws Exception {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(Files.readAllBytes(f))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[bb.remaining() / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = bb.getDouble();
        }
        return v;
    }
}
