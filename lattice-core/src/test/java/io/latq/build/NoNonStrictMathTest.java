package io.latq.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bit-exactness guard: every value latq writes to a file or prints must be identical on every JVM, so main sources
 * may not call the java.lang.Math transcendental functions, whose results may differ by an ulp between JVMs, CPUs
 * and JIT tiers (intrinsics). Use StrictMath (fdlibm, specified bit for bit) or exact arithmetic instead. Math.sqrt,
 * abs, min, max, floor, ceil, rint, fma, scalb, getExponent and ulp are exact or correctly rounded, hence allowed.
 *
 * <p>Scans lattice-core's and ecdq's main source trees (ecdq is skipped if absent). Comment lines are ignored.
 */
class NoNonStrictMathTest {

    static final Pattern NON_STRICT = Pattern.compile(
            "\\bMath\\.(log|log10|log1p|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)"
            + "\\s*\\(");

    @Test
    void latticeCoreUsesStrictMath() throws IOException {
        Path root = Path.of("src/main/java");
        assertTrue(Files.isDirectory(root), "run from the lattice-core module directory: " + root.toAbsolutePath());
        List<String> hits = scan(root);
        if (!hits.isEmpty()) {
            fail("non-strict Math calls in lattice-core (use StrictMath):\n" + String.join("\n", hits));
        }
    }

    @Test
    void ecdqUsesStrictMath() throws IOException {
        Path root = Path.of("../ecdq/src/main/java");
        if (!Files.isDirectory(root)) {
            return;
        }
        List<String> failing = scan(root);
        if (!failing.isEmpty()) {
            fail("non-strict Math calls in ecdq (use StrictMath):\n" + String.join("\n", failing));
        }
    }

    /** file:line: text of each hit, file relative to {@code root} with '/' separators. */
    static List<String> scan(Path root) throws IOException {
        List<String> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.strip();
                if (trimmed.startsWith("*") || trimmed.startsWith("//") || trimmed.startsWith("/*")) {
                    continue;
                }
                if (NON_STRICT.matcher(line).find()) {
                    hits.add(rel + ":" + (i + 1) + ": " + trimmed);
                }
            }
        }
        return hits;
    }
}
