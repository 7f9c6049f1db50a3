package io.latq.ecdq;

import io.latq.common.LatqException;
import io.latq.common.LatqFormatException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.file.EcdqHeader;
import io.latq.lattice.LatticeSpecs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed compressed file is refused with a LatqFormatException and leaves no output behind. */
class FormatSafetyTest {
    @TempDir
    Path dir;

    private byte[] good;
    private byte[] goodDecoded;

    @BeforeEach
    void makeSmallFile() throws Exception {
        double[] x = EcdqRoundTripTest.awkwardData(203, 17, true);
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        EcdqOptions opt = EcdqOptions.mse(0.05).withLattice("E8").withBlockRows(64).withKeepNonFinite(true);
        EcdqCompressor.compress(in, null, dir.resolve("good.lq"), opt);
        good = Files.readAllBytes(dir.resolve("good.lq"));
        EcdqDecompressor.decompress(dir.resolve("good.lq"), dir.resolve("good.f64"), TestData.dec(false, 1));
        goodDecoded = Files.readAllBytes(dir.resolve("good.f64"));
    }

    /** Decodes {@code bytes}; returns the output or null if refused. Fails on any other exception or leftovers. */
    private byte[] decodeOrRefuse(byte[] bytes) throws IOException {
        return decodeOrRefuse(bytes, 1);
    }

    private byte[] decodeOrRefuse(byte[] bytes, int threads) throws IOException {
        Path f = dir.resolve("m.lq");
        Path out = dir.resolve("m.f64");
        Files.deleteIfExists(out);
        Files.write(f, bytes);
        try {
            EcdqDecompressor.decompress(f, out, TestData.dec(false, threads));
        } catch (LatqFormatException e) {
            assertFalse(e.getMessage().contains("\n"), "one-line message");
            assertFalse(Files.exists(out), "no output on failure");
            assertNoTempFiles();
            return null;
        }
        byte[] got = Files.readAllBytes(out);
        Files.delete(out);
        return got;
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(TestData::isTemp), "temp file left behind");
        }
    }

    /** The multi-threaded decoder (blocks in a pipeline) refuses damage in the same way, and leaves nothing. */
    @Test
    void damageIsRefusedWithSeveralThreads() throws Exception {
        assertArrayEquals(goodDecoded, decodeOrRefuse(good, 3));
        for (int pos = 0; pos < good.length; pos += 5) {
            byte[] m = good.clone();
            m[pos] ^= 0x20;
            assertEquals(null, decodeOrRefuse(m, 3), "flipped byte " + pos);
            assertEquals(null, decodeOrRefuse(Arrays.copyOf(good, pos), 3), "prefix of length " + pos);
        }
    }

    @Test
    void everyTruncationIsRefused() throws Exception {
        assertTrue(good.length > 200, "the small file has several blocks: " + good.length);
        for (int len = 0; len < good.length; len++) {
            assertEquals(null, decodeOrRefuse(Arrays.copyOf(good, len)), "prefix of length " + len);
        }
        assertArrayEquals(goodDecoded, decodeOrRefuse(good));
    }

    @Test
    void everyFlippedByteIsRefused() throws Exception {
        for (int pos = 0; pos < good.length; pos++) {
            byte[] m = good.clone();
            m[pos] ^= (byte) (1 + pos % 255);
            assertEquals(null, decodeOrRefuse(m), "flip at " + pos);
        }
    }

    @Test
    void badMagicFutureVersionAndOversizedHeaderAreRefusedWithClearMessages() throws Exception {
        byte[] m = good.clone();
        m[1] = 'X';
        assertMessage(m, "bad magic");
        m = good.clone();
        m[8] = 4; // version 4, CRC left as is: the version is checked first
        assertMessage(m, "newer than this latq supports");
        m = good.clone();
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0x7FFF_FFF0);
        assertMessage(m, "header claims");
        assertMessage(new byte[0], "empty");
        assertMessage("hello world, not latq".getBytes(), "bad magic");
        // trailing garbage after a valid trailer
        m = Arrays.copyOf(good, good.length + 1);
        assertMessage(m, "after the trailer");
    }

    @Test
    void blockSizesClaimingMoreThanTheFileAreRefusedBeforeAllocation() throws Exception {
        int headerLen = headerLength(good);
        byte[] m = good.clone();
        ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(headerLen + 12, Integer.MAX_VALUE); // payload length of block 0
        assertMessage(m, "block 0");
        m = good.clone();
        b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(headerLen + 8, 1_000_000_000); // non-finite count
        assertMessage(m, "block 0");
    }

    @Test
    void headerWithValidCrcButInconsistentFieldsIsRefused() throws Exception {
        // rewrite the sample count (offset 16 + 4) and fix the CRC: the shape no longer matches
        byte[] m = good.clone();
        ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(20, 1L << 40);
        fixHeaderCrc(m);
        assertMessage(m, "header");
    }

    @Test
    void fuzzedFilesAreDecodedIdenticallyOrRefused() throws Exception {
        SplittableRandom r = new SplittableRandom(4242);
        int refused = 0;
        for (int iter = 0; iter < 400; iter++) {
            byte[] m;
            switch (iter % 4) {
                case 0: {
                    m = good.clone();
                    int flips = 1 + r.nextInt(4);
                    for (int k = 0; k < flips; k++) {
                        m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                    break;
                }
                case 1:
                    m = Arrays.copyOf(good, r.nextInt(good.length));
                    break;
                case 2: {
                    int at = r.nextInt(good.length + 1);
                    int len = 1 + r.nextInt(8);
                    m = new byte[good.length + len];
                    System.arraycopy(good, 0, m, 0, at);
                    for (int k = 0; k < len; k++) {
                        m[at + k] = (byte) r.nextInt(256);
                    }
                    System.arraycopy(good, at, m, at + len, good.length - at);
                    break;
                }
                default: {
                    int at = r.nextInt(good.length);
                    int len = Math.min(good.length - at, 1 + r.nextInt(8));
                    m = new byte[good.length - len];
                    System.arraycopy(good, 0, m, 0, at);
                    System.arraycopy(good, at + len, m, at, good.length - at - len);
                    break;
                }
            }
            byte[] got = decodeOrRefuse(m);
            if (got == null) {
                refused++;
            } else {
                assertArrayEquals(goodDecoded, got, "mutation " + iter + " decoded to different data");
            }
        }
        assertTrue(refused > 350, "most mutations must be refused: " + refused);
    }

    @Test
    void outputsAreNeverClobberedWithoutForce() throws Exception {
        Path out = dir.resolve("exists.f64");
        Files.write(out, new byte[] {1, 2, 3});
        LatqException e = assertThrows(LatqException.class,
                () -> EcdqDecompressor.decompress(dir.resolve("good.lq"), out, TestData.dec(false, 1)));
        assertTrue(e.getMessage().contains("already exists"));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
        EcdqDecompressor.decompress(dir.resolve("good.lq"), out, TestData.dec(true, 1));
        assertArrayEquals(goodDecoded, Files.readAllBytes(out));
        assertThrows(LatqException.class, () -> EcdqCompressor.compress(dir.resolve("x.f64"), null,
                dir.resolve("good.lq"), EcdqOptions.mse(0.1)));
        assertNoTempFiles();
    }

    @Test
    void nonFiniteSamplesAreRefusedByIndexUnlessKept() throws Exception {
        double[] x = TestData.gaussian(100, 0, 1, 1);
        x[42] = Double.NaN;
        x[70] = Double.POSITIVE_INFINITY;
        Path in = TestData.writeF64(dir.resolve("nan.f64"), x);
        LatqException e = assertThrows(LatqException.class, () -> EcdqCompressor.compress(in, null,
                dir.resolve("nan.lq"), EcdqOptions.mse(0.01)));
        assertTrue(e.getMessage().contains("sample 42 is NaN"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nan.lq")));
        assertNoTempFiles();
        EcdqCompressor.compress(in, null, dir.resolve("nan.lq"), EcdqOptions.mse(0.01).withKeepNonFinite(true));
        EcdqDecompressor.decompress(dir.resolve("nan.lq"), dir.resolve("nan.out.f64"), TestData.dec(false, 1));
        double[] y = TestData.readF64(dir.resolve("nan.out.f64"));
        assertEquals(Double.doubleToRawLongBits(x[42]), Double.doubleToRawLongBits(y[42]));
        assertEquals(Double.POSITIVE_INFINITY, y[70]);
    }

    @Test
    void emptyInputIsRefused() throws Exception {
        Path in = dir.resolve("empty.f64");
        Files.write(in, new byte[0]);
        LatqException e = assertThrows(LatqException.class, () -> EcdqCompressor.compress(in, null,
                dir.resolve("e.lq"), EcdqOptions.mse(0.01)));
        assertTrue(e.getMessage().contains("no samples"));
        assertNoTempFiles();
    }

    @Test
    void aDifferentLatticeUnderTheSameNameIsRefused() throws Exception {
        // a version-1 file names its lattice; a resolver that builds another one is caught by the generator hash
        Path v1 = dir.resolve("v1.lq");
        try (var in = getClass().getResourceAsStream("/golden/v1/E8-f64-mse-0.25.lq")) {
            Files.copy(in, v1);
        }
        LatqFormatException e = assertThrows(LatqFormatException.class, () -> EcdqDecompressor.decompress(
                v1, dir.resolve("z.f64"), TestData.dec(false, 1).withV1Lattices(spec -> LatticeSpecs.parse("D8"))));
        assertTrue(e.getMessage().contains("generator hash"), e.getMessage());
    }

    private void assertMessage(byte[] bytes, String expected) throws IOException {
        Path f = dir.resolve("m.lq");
        Files.write(f, bytes);
        LatqFormatException e = assertThrows(LatqFormatException.class,
                () -> EcdqDecompressor.decompress(f, dir.resolve("m.f64"), TestData.dec(false, 1)));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
        assertFalse(Files.exists(dir.resolve("m.f64")));
    }

    private static int headerLength(byte[] file) {
        return EcdqHeader.PREAMBLE + ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(12) + 4;
    }

    private static void fixHeaderCrc(byte[] m) {
        int len = headerLength(m);
        CRC32C c = new CRC32C();
        c.update(m, 0, len - 4);
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(len - 4, (int) c.getValue());
    }
}
