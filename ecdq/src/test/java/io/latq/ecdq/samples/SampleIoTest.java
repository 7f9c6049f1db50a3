package io.latq.ecdq.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.CompressionReport;
import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.TestData;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.common.LatqFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleIoTest {
    @TempDir
    Path dir;

    private static double[] values(int n, SampleType t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = t.roundTrip(r.nextDouble(-0.99, 0.99));
        }
        return x;
    }

    private Path write(String name, SampleFormat f, double[] x) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p)) {
            SampleWriter w = SampleFiles.create(o, f);
            w.write(x, 0, x.length);
            w.finish();
        }
        return p;
    }

    private static double[] readAll(Path p, String type, SampleFormat[] formatOut) throws IOException {
        try (SampleReader r = SampleFiles.open(p, type)) {
            double[] buf = new double[1000];
            double[] all = new double[0];
            int got;
            while ((got = r.read(buf, 0, 7)) > 0) { // odd chunk size on purpose
                all = Arrays.copyOf(all, all.length + got);
                System.arraycopy(buf, 0, all, all.length - got, got);
            }
            formatOut[0] = r.format();
            return all;
        }
    }

    private void roundTrip(String name, String type, SampleFormat f) throws IOException {
        double[] x = values((int) f.sampleCount(), f.type(), name.hashCode());
        Path p = write(name, f, x);
        SampleFormat[] got = new SampleFormat[1];
        double[] y = readAll(p, type, got);
        assertArrayEquals(x, y, name);
        assertEquals(f, got[0], name);
    }

    @Test
    void rawNpyWavAndCsvRoundTrip() throws IOException {
        roundTrip("a.f64", null, SampleFormat.raw(SampleType.F64, false, 101));
        roundTrip("a.f32", null, SampleFormat.raw(SampleType.F32, false, 101));
        roundTrip("a.bin", "f64be", SampleFormat.raw(SampleType.F64, true, 33));
        roundTrip("a.f32be", null, SampleFormat.raw(SampleType.F32, true, 33));
        roundTrip("a.npy", null, SampleFormat.npy(SampleType.F32, true, new long[] {3, 5, 7}));
        roundTrip("b.npy", null, SampleFormat.npy(SampleType.F64, false, new long[] {12}));
        roundTrip("c.npy", null, SampleFormat.npy(SampleType.F64, false, new long[] {}));
        roundTrip("a.wav", null, SampleFormat.wav(SampleType.PCM16, 2, 44100, 1, 0, 200));
        roundTrip("b.wav", null, SampleFormat.wav(SampleType.PCM24, 3, 48000, 1, 0, 99));
        roundTrip("c.wav", null, SampleFormat.wav(SampleType.F32, 1, 8000, 3, 0, 17));
        roundTrip("d.wav", null, SampleFormat.wav(SampleType.F64, 2, 8000, 3, 0, 18));
        roundTrip("e.wav", null, SampleFormat.wav(SampleType.PCM24, 2, 96000, 0xFFFE, 0x3, 10));
        roundTrip("f.wav", null, SampleFormat.wav(SampleType.PCM32, 1, 96000, 1, 0, 11));
        roundTrip("a.csv", null, SampleFormat.csv(3, 12));
    }

    @Test
    void float32NanPayloadsSurviveTheTripThroughDouble() {
        for (int bits : new int[] {0x7FC00000, 0x7F800001, 0xFFBADBAD, 0x7F800000, 0x00000001}) {
            assertEquals(bits, SampleType.doubleToFloatBits(SampleType.floatBitsToDouble(bits)));
        }
        assertEquals(-1.0, SampleType.PCM16.roundTrip(-1.5));
        assertEquals(32767 / 32768.0, SampleType.PCM16.roundTrip(2.0));
    }

    @Test
    void npyVersionsTwoAndThreeAreRead() throws IOException {
        for (int version : new int[] {2, 3}) {
            String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
            byte[] d = (dict + "\n").getBytes(StandardCharsets.UTF_8);
            b.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(d.length).array());
            b.write(d);
            ByteBuffer data = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : new double[] {1, 2, 3, 4}) {
                data.putDouble(v);
            }
            b.write(data.array());
            Path p = dir.resolve("v" + version + ".npy");
            Files.write(p, b.toByteArray());
            SampleFormat[] f = new SampleFormat[1];
            assertArrayEquals(new double[] {1, 2, 3, 4}, readAll(p, null, f));
            assertArrayEquals(new long[] {2, 2}, f[0].shape());
        }
    }

    private void assertRefused(String name, byte[] content, String type, String expected) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        LatqFormatException e = assertThrows(LatqFormatException.class, () -> readAll(p, type,
                new SampleFormat[1]));
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' lacks '" + expected + "'");
    }

    private static byte[] npy(String dict, int dataBytes, int claimedHeaderLen) {
        byte[] d = dict.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + d.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) (claimedHeaderLen < 0 ? d.length : claimedHeaderLen));
        b.put(d);
        return b.array();
    }

    @Test
    void malformedNpyIsRefusedClearly() throws IOException {
        assertRefused("f.npy", npy("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (2,), }\n", 16, -1), null,
                "fortran_order");
        assertRefused("i.npy", npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }\n", 8, -1), null,
                "dtype '<i4'");
        assertRefused("h.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\n", 16, 60000),
                null, "claims");
        assertRefused("s.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", 16, -1), null,
                "needs 24 data bytes");
        assertRefused("m.npy", "NUMPY?".getBytes(StandardCharsets.ISO_8859_1), null, "bad magic");
        assertRefused("o.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, "
                + "4294967296), }\n", 0, -1), null, "too large");
    }

    @Test
    void malformedWavAndRawAndCsvAreRefusedClearly() throws IOException {
        double[] x = values(10, SampleType.PCM16, 1);
        byte[] wav = Files.readAllBytes(write("ok.wav", SampleFormat.wav(SampleType.PCM16, 1, 8000, 1, 0, 10), x));
        byte[] big = wav.clone();
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7FFFFFF0); // data chunk size
        assertRefused("big.wav", big, null, "claims");
        assertRefused("cut.wav", Arrays.copyOf(wav, 30), null, "");
        byte[] wide = wav.clone(); // 8-bit unsigned PCM is read now (WavContainerTest); 65 bits is not
        ByteBuffer.wrap(wide).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 65);
        assertRefused("wide.wav", wide, null, "65 bits");
        assertRefused("odd.f64", new byte[12], null, "not a multiple of 8");
        assertRefused("bad.csv", "1,2\n3,x4\n".getBytes(StandardCharsets.UTF_8), null, "line 2: not a number");
    }

    @Test
    void csvHandlesColumnsCommentsAndNonFiniteWords() throws IOException {
        Path p = dir.resolve("r.csv");
        Files.writeString(p, "# header comment\n1, 2; 3\n\n4 5\tnan\n-inf,+inf,1e-3\n");
        SampleFormat[] f = new SampleFormat[1];
        double[] y = readAll(p, null, f);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, Double.NaN, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, 1e-3}, y);
        assertEquals(3, f[0].csvColumns());
        Files.writeString(p, "1\n2 3\n");
        readAll(p, null, f);
        assertEquals(0, f[0].csvColumns());
    }

    @Test
    void decompressionRestoresTheOriginalContainer() throws IOException {
        String[][] cases = {{"n.npy", null}, {"w.wav", null}, {"c.csv", null}, {"r.f32be", null}};
        SampleFormat[] formats = {SampleFormat.npy(SampleType.F32, true, new long[] {4, 25, 10}),
            SampleFormat.wav(SampleType.PCM16, 2, 22050, 1, 0, 1000),
            SampleFormat.csv(4, 1000), SampleFormat.raw(SampleType.F32, true, 1000)};
        for (int c = 0; c < cases.length; c++) {
            double[] x = values(1000, formats[c].type(), c);
            Path in = write(cases[c][0], formats[c], x);
            Path lq = dir.resolve(cases[c][0] + ".lq");
            CompressionReport rep = EcdqCompressor.compress(in, null, lq, EcdqOptions.mse(1e-4));
            Path out = dir.resolve("out." + cases[c][0]);
            EcdqDecompressor.decompress(lq, out, TestData.dec(false, 1));
            SampleFormat[] f = new SampleFormat[1];
            double[] y = readAll(out, formats[c].container() == ContainerType.RAW ? "f32be" : null, f);
            assertEquals(formats[c], f[0], cases[c][0]);
            double sse = 0;
            for (int i = 0; i < x.length; i++) {
                assertEquals(formats[c].type().roundTrip(y[i]), y[i]);
                sse += (y[i] - x[i]) * (y[i] - x[i]);
            }
            assertEquals(rep.mse(), sse / x.length, 1e-12 * rep.mse() + 1e-300, cases[c][0]);
            if (formats[c].container() != ContainerType.CSV) {
                int h = (int) (Files.size(in) - 1000L * formats[c].type().bytes());
                assertArrayEquals(Arrays.copyOf(Files.readAllBytes(in), h), Arrays.copyOf(Files.readAllBytes(out), h),
                        "container header restored byte for byte: " + cases[c][0]);
            }
        }
    }
}
