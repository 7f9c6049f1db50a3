package io.latq.ecdq.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.common.LatqException;
import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WAV layouts beyond 16/24/32-bit little-endian PCM, built byte by byte here (not by the writer under test): RIFX,
 * 8-bit unsigned, 5- to 64-bit PCM in its container, extensible PCM and float, μ-law and A-law, several channels.
 * Each is read exactly, written back byte for byte, and round-tripped through compress and decompress.
 */
class WavContainerTest {
    @TempDir
    Path dir;

    /** One test file: its bytes and the samples its data chunk stands for. */
    private record Wav(byte[] bytes, double[] values) {
    }

    private static void put(ByteArrayOutputStream o, long v, int n, boolean be) {
        for (int i = 0; i < n; i++) {
            o.write((int) (v >>> (8 * (be ? n - 1 - i : i))) & 0xFF);
        }
    }

    /**
     * A WAV file: tag (1, 3, 6, 7 or 0xFFFE with {@code sub}), {@code bits} as in the fmt chunk, {@code valid} the
     * valid bits (extensible), {@code width} bytes per sample; a LIST chunk before the data on request.
     */
    private static Wav wav(boolean be, int tag, int sub, int channels, int bits, int valid, int width, int frames,
                           boolean list) {
        SplittableRandom r = new SplittableRandom(bits * 131L + width * 7L + tag + channels);
        int n = frames * channels;
        double[] x = new double[n];
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int effective = tag == 0xFFFE ? sub : tag;
        int vb = tag == 0xFFFE ? valid : bits;
        for (int i = 0; i < n; i++) {
            double s = 0.8 * Math.sin(i * 0.05 + (i % channels)) + 0.1 * r.nextDouble(-1, 1);
            if (effective == 1) {
                long p = SampleType.toPcm(s, vb);
                x[i] = vb == 64 ? p / 0x1p63 : p / (double) (1L << (vb - 1));
                long stored = p << (8 * width - vb);
                if (width == 1) {
                    stored += 128;
                }
                put(data, stored, width, be);
            } else if (effective == 3) {
                if (width == 4) {
                    float f = (float) s;
                    x[i] = f;
                    put(data, Float.floatToRawIntBits(f) & 0xFFFFFFFFL, 4, be);
                } else {
                    x[i] = s;
                    put(data, Double.doubleToRawLongBits(s), 8, be);
                }
            } else {
                int code = r.nextInt(256);
                if (code == 0x7F) {
                    code = 0x7E; // μ-law's second zero re-encodes as 0xFF
                }
                x[i] = effective == 7 ? G711.ulawToLinear(code) : G711.alawToLinear(code);
                data.write(code);
            }
        }
        byte[] d = data.toByteArray();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        boolean ext = tag == 0xFFFE;
        boolean pcm = effective == 1;
        int fmtSize = ext ? 40 : pcm ? 16 : 18;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {'f', 'm', 't', ' '});
        put(body, fmtSize, 4, be);
        put(body, tag, 2, be);
        put(body, channels, 2, be);
        put(body, 8000, 4, be);
        put(body, 8000L * channels * width, 4, be);
        put(body, channels * width, 2, be);
        put(body, bits, 2, be);
        if (ext) {
            put(body, 22, 2, be);
            put(body, valid, 2, be);
            put(body, 0x3, 4, be);
            put(body, sub, 2, be);
            body.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA,
                0x00, 0x38, (byte) 0x9B, 0x71});
        } else if (!pcm) {
            put(body, 0, 2, be);
            body.writeBytes(new byte[] {'f', 'a', 'c', 't'});
            put(body, 4, 4, be);
            put(body, frames, 4, be);
        }
        if (list) {
            body.writeBytes(new byte[] {'L', 'I', 'S', 'T'});
            put(body, 3, 4, be);
            body.writeBytes(new byte[] {'a', 'b', 'c', 0});
        }
        body.writeBytes(new byte[] {'d', 'a', 't', 'a'});
        put(body, d.length, 4, be);
        body.writeBytes(d);
        if ((d.length & 1) != 0) {
            body.write(0);
        }
        byte[] b = body.toByteArray();
        f.writeBytes(new byte[] {'R', 'I', 'F', (byte) (be ? 'X' : 'F')});
        put(f, 4 + b.length, 4, be);
        f.writeBytes(new byte[] {'W', 'A', 'V', 'E'});
        f.writeBytes(b);
        return new Wav(f.toByteArray(), x);
    }

    private static Wav[] corpus() {
        return new Wav[] {
            wav(true, 1, 0, 1, 24, 0, 3, 301, false), // RIFX 24-bit
            wav(true, 1, 0, 2, 16, 0, 2, 300, false), // RIFX 16-bit stereo
            wav(false, 1, 0, 1, 8, 0, 1, 301, false), // 8-bit unsigned
            wav(false, 1, 0, 2, 5, 0, 1, 257, false), // 5-bit in 8
            wav(false, 1, 0, 1, 12, 0, 2, 300, true), // 12-bit in 16
            wav(false, 1, 0, 2, 20, 0, 3, 300, false), // 20-bit in 24
            wav(false, 1, 0, 3, 36, 0, 5, 100, false), // 36-bit in 40
            wav(false, 1, 0, 3, 36, 0, 8, 100, false), // 36-bit in 64
            wav(false, 1, 0, 3, 45, 0, 8, 100, false),
            wav(false, 1, 0, 3, 53, 0, 8, 100, false),
            wav(false, 1, 0, 3, 64, 0, 8, 100, false),
            wav(true, 1, 0, 1, 64, 0, 8, 100, false),
            wav(false, 1, 0, 1, 48, 0, 6, 100, false),
            wav(false, 1, 0, 1, 56, 0, 7, 100, false),
            wav(false, 0xFFFE, 3, 2, 32, 32, 4, 200, false), // extensible float
            wav(false, 0xFFFE, 1, 2, 24, 20, 3, 200, false), // extensible 20-bit in 24
            wav(false, 0xFFFE, 1, 1, 16, 16, 2, 200, false),
            wav(false, 3, 0, 1, 64, 0, 8, 200, false),
            wav(true, 3, 0, 2, 32, 0, 4, 200, false), // RIFX float
            wav(false, 7, 0, 1, 8, 0, 1, 301, false), // μ-law
            wav(false, 6, 0, 2, 8, 0, 1, 300, false), // A-law
        };
    }

    private static double[] readAll(Path p, SampleFormat[] format) throws IOException {
        try (SampleReader r = SampleFiles.open(p, null)) {
            double[] all = new double[(int) r.format().sampleCount()];
            int off = 0;
            int got;
            while ((got = r.read(all, off, Math.min(97, all.length - off))) > 0) {
                off += got;
            }
            assertEquals(all.length, off);
            format[0] = r.format();
            return all;
        }
    }

    @Test
    void everyLayoutIsReadExactlyAndWrittenBackByteForByte() throws IOException {
        int k = 0;
        for (Wav w : corpus()) {
            Path p = Files.write(dir.resolve("w" + k++ + ".wav"), w.bytes());
            SampleFormat[] f = new SampleFormat[1];
            double[] x = readAll(p, f);
            assertArrayEquals(w.values(), x, p + " " + f[0]);
            for (double v : x) {
                assertEquals(v, f[0].roundTrip(v), f[0].toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SampleWriter sw = SampleFiles.create(out, f[0]);
            sw.write(x, 0, x.length);
            sw.finish();
            byte[] expect = w.bytes();
            if (expect.length != out.size()) { // the LIST chunk is not kept: compare from the data chunk on
                expect = withoutList(expect);
            }
            assertArrayEquals(expect, out.toByteArray(), p + " " + f[0]);
        }
    }

    private static byte[] withoutList(byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int listAt = 12 + 8 + 16; // plain PCM fmt
        o.write(b, 0, listAt);
        o.write(b, listAt + 12, b.length - listAt - 12);
        byte[] r = o.toByteArray();
        long riff = r.length - 8;
        for (int i = 0; i < 4; i++) {
            r[4 + i] = (byte) (riff >>> (8 * i));
        }
        return r;
    }

    @Test
    void everyLayoutRoundTripsThroughCompression() throws IOException {
        int k = 0;
        for (Wav w : corpus()) {
            Path p = Files.write(dir.resolve("c" + k + ".wav"), w.bytes());
            Path lq = dir.resolve("c" + k + ".lq");
            Path back = dir.resolve("c" + k++ + "-back.wav");
            double target = 1e-5;
            EcdqCompressor.compress(p, null, lq, EcdqOptions.mse(target).withSeed(7L));
            EcdqDecompressor.decompress(lq, back, TestData.dec(false, 1));
            SampleFormat[] f0 = new SampleFormat[1];
            SampleFormat[] f1 = new SampleFormat[1];
            double[] x = readAll(p, f0);
            double[] y = readAll(back, f1);
            assertEquals(f0[0], f1[0], p.toString());
            byte[] a = Files.readAllBytes(back);
            assertEquals(w.bytes().length > a.length ? withoutList(w.bytes()).length : w.bytes().length, a.length);
            double sse = 0;
            for (int i = 0; i < x.length; i++) {
                sse += (x[i] - y[i]) * (x[i] - y[i]);
            }
            double mse = sse / x.length;
            int bits = f0[0].effectiveBits();
            double step = f0[0].type().isCompanded() ? 1.0 / 32 : bits >= 32 ? 0 : 2.0 / (1L << bits);
            assertTrue(mse <= 4 * target + step * step / 3, f0[0] + ": mse " + mse);
        }
    }

    @Test
    void malformedFilesAreRefusedInOneLine() throws IOException {
        byte[] good = wav(false, 1, 0, 2, 16, 0, 2, 50, false).bytes();
        byte[][] bad = {
            patch16(good, 34, 0), // bits 0
            patch16(good, 34, 65), // bits 65
            patch16(good, 34, 24), // 24 bits in 2-byte samples
            patch16(good, 32, 3), // block align not a multiple of 2 channels
            patch16(good, 32, 18), // 9-byte samples
            patch16(good, 22, 0), // no channels
            patch16(good, 20, 5), // unknown tag
            patch16(patch16(good, 20, 3), 34, 16), // 16-bit float
            patch16(patch16(good, 20, 7), 34, 16), // 16-bit μ-law
            Arrays.copyOf(good, good.length - 7), // truncated data
            Arrays.copyOf(good, 30), // truncated fmt
            Arrays.copyOf(good, 12), // no chunks
            patch16(good, 16, 12), // fmt chunk too short
            patch16(good, 42, 0xFFFF), // data size beyond the file
            patch16(patch16(good, 40, 7), 42, 0), // data size not whole frames
            wav(false, 0xFFFE, 1, 1, 16, 20, 2, 10, false).bytes(), // valid bits above the sample size
            wav(false, 0xFFFE, 1, 1, 16, 16, 3, 10, false).bytes(), // extensible size ≠ container
        };
        for (int i = 0; i < bad.length; i++) {
            Path p = Files.write(dir.resolve("bad" + i + ".wav"), bad[i]);
            LatqException e = assertThrows(LatqException.class, () -> readAll(p, new SampleFormat[1]), "case " + i);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    private static byte[] patch16(byte[] b, int at, int v) {
        byte[] c = b.clone();
        c[at] = (byte) v;
        c[at + 1] = (byte) (v >>> 8);
        return c;
    }

    @Test
    void g711CodesSurviveDecodeAndEncode() {
        for (int c = 0; c < 256; c++) {
            assertEquals(c, G711.linearToAlaw(G711.alawToLinear(c)));
            assertEquals(c == 0x7F ? 0xFF : c, G711.linearToUlaw(G711.ulawToLinear(c)));
        }
        assertEquals(32124 / 32768.0, G711.ulawToLinear(0x80));
        assertEquals(-32124 / 32768.0, G711.ulawToLinear(0x00));
        assertEquals(-8 / 32768.0, G711.alawToLinear(0x55));
        assertEquals(32256 / 32768.0, G711.alawToLinear(0xAA));
    }
}
