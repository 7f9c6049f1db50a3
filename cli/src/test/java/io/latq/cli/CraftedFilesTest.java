package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleType;
import io.latq.lattice.LatticeSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Untrusted files (issue 16): crafted files with valid CRCs are decoded by {@code latq decompress} in a separate JVM
 * with a 64 MiB heap and a 15 s limit. Each is refused with one line on stderr, or decoded, never with a stack
 * trace, exit 3, an out-of-memory error, file contents in the message, or anything left in the output directory.
 */
class CraftedFilesTest {
    @TempDir
    static Path dir;

    /** Expected outcome: refused (exit 1) or decoded (exit 0). */
    enum Outcome { REFUSED, DECODED }

    record Crafted(String name, byte[] bytes, Outcome outcome, String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Crafted> CASES = new ArrayList<>();

    @BeforeAll
    static void craft() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        // version-1 headers that name files: the decoder must not open them, whatever they are
        for (String spec : List.of("gen:file=/etc/passwd", "gen:file=../../../etc/passwd",
                "gen:file=" + dir.resolve("secret.txt"), "polar:file=/dev/zero", "gen:file=/dev/stdin",
                "gen:file=/dev/zero", "polar:file=" + dir.resolve("secret.txt") + ",list=4")) {
            CASES.add(new Crafted("v1 names " + spec, v1(spec, 8, 1000, 128, 0.5), Outcome.REFUSED, "file"));
        }
        CASES.add(new Crafted("v1 spec nested 2000 deep", v1("(".repeat(2000) + "E8" + ")".repeat(2000), 8,
                1000, 128, 0.5), Outcome.REFUSED, null));
        CASES.add(new Crafted("v1 count 2^63-1", v1("E8", 8, Long.MAX_VALUE, 128, 0.5), Outcome.REFUSED,
                "blocks"));
        CASES.add(new Crafted("v1 one sample in a 2^24-sample block", v1("E8", 8, 1, 1 << 21, 0), Outcome.DECODED,
                null));
        CASES.add(new Crafted("v1 E8^8192", v1("E8^8192", 65536, 1000, 1, 0.5), Outcome.REFUSED, "dimension"));
        CASES.add(new Crafted("v1 Z1^65536", v1("Z1^65536", 65536, 1000, 1, 0.5), Outcome.REFUSED, "dimension"));
        CASES.add(new Crafted("v1 polar:n=16384", v1("polar:n=16384", 16384, 1000, 1, 0.5), Outcome.REFUSED,
                "dimension"));
        CASES.add(new Crafted("v1 E8^600", v1("E8^600", 4800, 1000, 1, 0.5), Outcome.REFUSED, "dimension"));
        CASES.add(new Crafted("v1 Z4096 at 64 MiB", v1("Z4096", 4096, 1000, 1, 0.5), Outcome.REFUSED, "MiB"));
        CASES.add(new Crafted("v1 lattice with the wrong dimension", v1("E8", 4, 1000, 256, 0.5), Outcome.REFUSED,
                "dimension"));
        CASES.add(new Crafted("v1 zero-rate bomb of 2^31 samples", v1("Z1", 1, 1L << 31, 1 << 24, 0),
                Outcome.REFUSED, null));
        // version 2: blocks spliced from another file with the same options and seed
        byte[] a = v2(1);
        byte[] b = v2(2);
        // a's header, b's blocks, a's trailer (as in the issue: a[:h] + b[h:-28] + a[-28:])
        int headerLen = headerLength(a);
        assertEquals(headerLen, headerLength(b), "same options give same-length headers");
        int t = BlockFormat.TRAILER_SIZE;
        byte[] spliced = new byte[b.length];
        System.arraycopy(a, 0, spliced, 0, headerLen);
        System.arraycopy(b, headerLen, spliced, headerLen, b.length - headerLen - t);
        System.arraycopy(a, a.length - t, spliced, b.length - t, t);
        CASES.add(new Crafted("v2 spliced blocks", spliced, Outcome.REFUSED, "another file"));
        CASES.add(new Crafted("v2 intact", a, Outcome.DECODED, null));
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    /** A version-1 file: a crafted header (valid CRC), zero-rate blocks when alpha is 0, and the trailer. */
    static byte[] v1(String spec, int n, long count, int vpb, double alpha) throws IOException {
        byte[] hash = new byte[32];
        if (!spec.contains("file=") && n <= 8) {
            try {
                hash = EcdqHeader.generatorHash(LatticeSpecs.parse(spec));
            } catch (IllegalArgumentException e) {
                // nested specs: any hash
            }
        }
        EcdqHeader h = new EcdqHeader(SampleFormat.raw(SampleType.F64, false, count), spec, n, hash, 0.0, 0.07,
                1L, 0.0, 1.0, alpha, alpha == 0 ? 0 : 0.9, 0, 0.01, EcdqHeader.MODEL_SUCCESSIVE_GAUSSIAN,
                alpha == 0 ? 0 : 2.0, vpb, false, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(h.toBytes());
        if (alpha == 0 && count < 1000) {
            out.write(BlockFormat.encode(0, (int) count, 0, new int[0], new long[0], new byte[0], 0, 0));
            out.write(BlockFormat.trailer(1, count, h.crc()));
        } else {
            out.write(new byte[64]); // blocks that are never reached
            out.write(BlockFormat.trailer(1, count, h.crc()));
        }
        return out.toByteArray();
    }

    /** A small version-2 file of data seed s, written with a fixed seed (so two of them differ only in data). */
    static byte[] v2(long s) throws IOException {
        Path in = dir.resolve("v2-" + s + ".f64");
        ByteBuffer buf = ByteBuffer.allocate(8 * 4000).order(ByteOrder.LITTLE_ENDIAN);
        java.util.SplittableRandom r = new java.util.SplittableRandom(s);
        for (int i = 0; i < 4000; i++) {
            buf.putDouble(r.nextDouble() - 0.5);
        }
        Files.write(in, buf.array());
        Path lq = dir.resolve("v2-" + s + ".lq");
        EcdqCompressor.compress(in, null, lq, EcdqOptions.mse(0.001).withLattice("Z1").withSeed(7L)
                .withTransform("none").withBlockRows(1000));
        return Files.readAllBytes(lq);
    }

    static int headerLength(byte[] f) {
        return 16 + ByteBuffer.wrap(f, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() + 4;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedOrDecodedCleanlyAt64MiB(Crafted c) throws Exception {
        Path work = Files.createTempDirectory(dir, "case");
        Path f = work.resolve("in.lq");
        Files.write(f, c.bytes());
        Path outDir = Files.createDirectory(work.resolve("out"));
        Path out = outDir.resolve("o.f64");
        List<String> cmd = ChildJvm.command("-Xmx64m");
        cmd.addAll(List.of("decompress", "-i", f.toString(), "-o", out.toString(), "--no-progress", "--threads", "2"));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        boolean done = p.waitFor(15, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, c.name() + ": did not finish within 15 s");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.exitValue();
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("Error:"),
                c.name() + ": " + err);
        assertFalse(err.contains("root:x:0"), c.name() + ": file contents in the message: " + err);
        try (Stream<Path> s = Files.list(outDir)) {
            List<Path> left = s.toList();
            if (c.outcome() == Outcome.REFUSED) {
                assertEquals(1, code, c.name() + ": " + err);
                assertEquals(1, err.strip().lines().count(), c.name() + ": one line: " + err);
                assertTrue(left.isEmpty(), c.name() + ": left " + left);
                if (c.messagePart() != null) {
                    assertTrue(err.contains(c.messagePart()), c.name() + ": " + err);
                }
            } else {
                assertEquals(0, code, c.name() + ": " + err);
                assertEquals(List.of(out), left, c.name());
            }
        }
    }
}
