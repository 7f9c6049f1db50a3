package io.latq.ecdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.common.LatqFormatException;
import io.latq.lattice.LatticeSpecs;
import io.latq.lattice.SpecPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files stay readable: every stored golden file of every format version decodes, through today's hardened decoder,
 * to the bytes recorded when it was written ({@code NAME.sha256} beside {@code NAME.lq}). The version-1 files are
 * the ones the version-1 encoder wrote (their SHA-256 are pinned below, so they cannot be silently regenerated).
 */
class GoldenDecodeTest {
    @TempDir
    Path dir;

    /** SHA-256 of the version-1 files as the version-1 encoder wrote them (GoldenFilesTest at commit b2416a4). */
    private static final Map<String, String> V1_FILES = Map.ofEntries(
            Map.entry("Z1-f64-mse-0.01-nonfinite-outliers",
                    "c6d71a7ea6c2ab932fe776f4678c474e3f23312fe4772a4eedd49570d3d04acc"),
            Map.entry("Z1-f64-mse-0.25-outliers", "683c78b55fe9fabc96ce8d5b85e9fb23d754c0f0c071ad57d4c52f8ed647aeb0"),
            Map.entry("Z1-f32-rate-3", "6d286a2d25945d65720e632870af96d81b4975826ece891f8cc3d1240547b561"),
            Map.entry("Z1-f64-mse-1e-9-fine-bucket-split-",
                    "cb9ca7d8fb4cd7372f438dc31529ccded3f85bd2eb83c33ae34edca220cea0db"),
            Map.entry("Z1-f64-mse-0.9-coarse", "83d4efba98a86415464513e6d77f6c24766e7fdce3696c75bc50df3c8dd186ad"),
            Map.entry("E8-f64-mse-0.01-nonfinite-outliers",
                    "aa1803cd4dc4e4d22f801e6937220fe15f9cc5cadfac19f117c78bf5b355b55a"),
            Map.entry("E8-f64-mse-0.25", "41b9ba6b15facd05186d0becc5c663c153f36d32830520002b55087459602c77"),
            Map.entry("E8-f32-rate-2", "11be4799f5005a6ff4b6136318a3c6727c7ad9f91d7b8b475e8b6de43345c475"),
            Map.entry("E8-f64-mse-1e-8-fine-bucket-split-",
                    "41643e7de6a0d0031e53f583320f831b3694059f50ba5db2cf6f681283cdf677"),
            Map.entry("E8-f32-snr-12", "502522ad3b1da02c1b5e461b9e8e2cd646af2361a5e492ddabaa5fddc3d16b67"),
            Map.entry("D4-f32-mse-0.01-nonfinite-outliers",
                    "41395a22ba8a8ef3db7185e36c37b2d1dbabe555f0f1038d2e931de1feda8922"),
            Map.entry("D4-f64-mse-0.25", "387296b9ccab295ff1af1ef935858e979b3adfd51fa20d200903f5738c0c0de3"),
            Map.entry("dense5-f64-mse-0.01-nonfinite-outliers",
                    "1d051f29d5ce49ba85a52ca20a4cb6c750e9cef6eed7423945e857345d886842"),
            Map.entry("dense5-f32-mse-0.25", "43ad99d8f794e83a6650e151dc3e162d3eeeaa4610f8dbfac37b73ba16b678e3"),
            Map.entry("A2-f64-mse-0.01", "792ed6e499609e80b0a7f00dc97251e8e25f6c475827e51cb80d46076414edb5"),
            Map.entry("half-E8-f32-mse-0.05", "b1b1a9e360ecdfeb270e124b80e6ba32fcb7d30f91e6b26eb11be5531c4e8f71"),
            Map.entry("polar-n1024-f64-mse-0.01", "4bfcedb05bb72901d0fb10de733bccbb5da06aba1f5e882b9a2a472ad541172e"));

    /** The generator rows the dense version-1 files were written with (their header names a file). */
    private static final String DENSE_ROWS = ""
            + "2.0 0.5 -0.25 0.75 0.125\n"
            + "0.3 1.75 0.6 -0.4 0.2\n"
            + "-0.5 0.25 2.25 0.1 -0.3\n"
            + "0.7 -0.6 0.35 1.5 0.45\n"
            + "0.15 0.4 -0.55 0.65 1.9\n";

    static Stream<String> files() throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (String version : List.of("v1", "v2", "v3")) {
            Path d = Path.of("src/test/resources/golden", version);
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".lq")).sorted()
                        .forEach(p -> names.add(version + "/" + p.getFileName().toString().replace(".lq", "")));
            }
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyStoredFileDecodesToItsRecordedBytes(String name) throws Exception {
        Path lq = Path.of("src/test/resources/golden", name + ".lq");
        String expected = Files.readString(Path.of("src/test/resources/golden", name + ".sha256")).trim();
        if (name.startsWith("v1/")) {
            String pinned = V1_FILES.get(name.substring(3));
            assertEquals(pinned, sha256(lq), name + ": the stored version-1 file is not the original");
        }
        Path rows = dir.resolve("rows.txt");
        Files.writeString(rows, DENSE_ROWS);
        // a user who has the lattice file supplies it explicitly (latq decompress --lattice-file)
        EcdqDecompressor.Options opt = TestData.dec(false, 2).withV1Lattices(spec -> spec.startsWith("gen:file=")
                ? LatticeSpecs.parse("gen:file=" + rows) : LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED));
        Path out = dir.resolve("out.bin");
        EcdqDecompressor.decompress(lq, out, opt);
        assertEquals(expected, sha256(out), name + ": decoded bytes changed");
    }

    @Test
    void aVersion1HeaderThatNamesAFileIsRefusedUnlessTheUserSuppliesIt() {
        Path lq = Path.of("src/test/resources/golden/v1/dense5-f32-mse-0.25.lq");
        LatqFormatException e = assertThrows(LatqFormatException.class,
                () -> EcdqDecompressor.decompress(lq, dir.resolve("o.f32"), TestData.dec(false, 1)));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("o.f32")));
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
