package io.latq.ecdq.api;

import io.latq.ecdq.CompressionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the examples of docs/api.md. Each example is copied here between {@code // example N} and
 * {@code // end} markers, and {@link #theDocsShowExactlyTheseExamples} checks that docs/api.md holds the same code
 * (same lines, indentation removed) in its java blocks, so the two cannot drift apart.
 */
class ApiDocTest {
    @TempDir
    Path dir;

    private static double[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @Test
    void arrays() throws Exception {
        double[] samples = gaussian(20_000, 1);
        // example 1
        Latq.Compressor compressor = Latq.compressor().mse(0.01).lattice("E8").threads(4).seed(1L)
                .transform("auto").build();
        byte[] compressed = compressor.compress(samples);
        double[] restored = Latq.decompressor().build().decompressToArray(compressed);
        // end
        assertEquals(samples.length, restored.length);
        double mse = 0;
        for (int i = 0; i < samples.length; i++) {
            mse += (samples[i] - restored[i]) * (samples[i] - restored[i]);
        }
        mse /= samples.length;
        assertTrue(mse < 0.012 && mse > 0.008, "mse " + mse);
        assertTrue(compressed.length < samples.length * 8 / 2, "compressed " + compressed.length);
        // a seed makes the bytes reproducible, for any thread count
        assertArrayEquals(compressed, Latq.compressor().mse(0.01).lattice("E8").threads(1).seed(1L).build()
                .compress(samples));
    }

    @Test
    void filesAndStreams() throws Exception {
        double[] x = gaussian(10_000, 2);
        ByteBuffer b = ByteBuffer.allocate(x.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : x) {
            b.putDouble(d);
        }
        Files.write(dir.resolve("x.f64"), b.array());
        Path in = dir.resolve("x.f64");
        Path lq = dir.resolve("x.lq");
        Path out = dir.resolve("y.f64");
        // example 2
        CompressionReport report = Latq.compressor().snrDb(30).build().compress(in, lq);
        System.out.println(report.line());
        Latq.decompressor().build().decompress(lq, out);
        // end
        assertEquals(Files.size(in), Files.size(out));
        // example 3
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Latq.compressor().rate(4).build().compress(Files.newInputStream(in), "f64", sink);
        ByteArrayOutputStream restoredBytes = new ByteArrayOutputStream();
        Latq.decompressor().build().decompress(new ByteArrayInputStream(sink.toByteArray()), restoredBytes);
        // end
        assertEquals(Files.size(in), restoredBytes.size());
        assertEquals(x.length, Latq.decompressor().build().decompressToArray(Files.readAllBytes(lq)).length);
    }

    @Test
    void aMissingTargetIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Latq.compressor().lattice("E8").build());
        assertTrue(e.getMessage().contains("target"));
    }

    @Test
    void theDocsShowExactlyTheseExamples() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs/api.md"))) {
            root = root.getParent();
        }
        String docs = Files.readString(root.resolve("docs/api.md"));
        List<String> mine = examples(Files.readAllLines(
                root.resolve("ecdq/src/test/java/io/latq/ecdq/api/ApiDocTest.java")));
        assertEquals(3, mine.size());
        for (String code : mine) {
            assertTrue(docs.contains(code), "docs/api.md lacks this example (keep them in sync):\n" + code);
        }
    }

    private static List<String> examples(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("// example ")) {
                cur = new StringBuilder();
            } else if (t.equals("// end") && cur != null) {
                out.add(cur.toString());
                cur = null;
            } else if (cur != null) {
                // indentation relative to the block: 8 spaces in a test method
                cur.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
            }
        }
        return out;
    }
}
