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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** decompress writes the container -o's extension names when it can hold the values, else refuses. */
class OutputContainerTest {
    @TempDir
    Path dir;

    private Path write(String name, SampleFormat f) throws IOException {
        double[] x = new double[(int) f.sampleCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = f.roundTrip(0.5 * Math.sin(i * 0.1));
        }
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p)) {
            SampleWriter w = SampleFiles.create(o, f);
            w.write(x, 0, x.length);
            w.finish();
        }
        return p;
    }

    private static double[] read(Path p, SampleFormat[] f) throws IOException {
        try (SampleReader r = SampleFiles.open(p, null)) {
            double[] x = new double[1 << 12]; // CSV tells its count only at the end
            int off = 0;
            int got;
            while ((got = r.read(x, off, x.length - off)) > 0) {
                off += got;
            }
            f[0] = r.format();
            return java.util.Arrays.copyOf(x, off);
        }
    }

    @Test
    void extensionChoosesTheContainer() throws IOException {
        Path wav = write("a.wav", SampleFormat.wav(SampleType.F32, 2, 8000, 3, 0, 400));
        Path lq = dir.resolve("a.lq");
        EcdqCompressor.compress(wav, null, lq, EcdqOptions.mse(1e-6).withSeed(1L));
        SampleFormat[] f = new SampleFormat[1];
        EcdqDecompressor.decompress(lq, dir.resolve("same.wav"), TestData.dec(false, 1));
        double[] ref = read(dir.resolve("same.wav"), f);
        assertEquals(ContainerType.WAV, f[0].container());
        EcdqDecompressor.decompress(lq, dir.resolve("none.out"), TestData.dec(false, 1));
        assertArrayEquals(Files.readAllBytes(dir.resolve("same.wav")), Files.readAllBytes(dir.resolve("none.out")));
        String[] names = {"r.f64", "r.f32", "r.f32be", "r.npy", "r.csv"};
        for (String n : names) {
            EcdqDecompressor.decompress(lq, dir.resolve(n), TestData.dec(false, 1));
            assertArrayEquals(ref, read(dir.resolve(n), f), n);
        }
        read(dir.resolve("r.npy"), f);
        assertArrayEquals(new long[] {200, 2}, f[0].shape());
        assertEquals(SampleType.F32, f[0].type());

        Path raw = write("b.f64", SampleFormat.raw(SampleType.F64, false, 300));
        Path lq2 = dir.resolve("b.lq");
        EcdqCompressor.compress(raw, null, lq2, EcdqOptions.mse(1e-6).withSeed(1L));
        EcdqDecompressor.decompress(lq2, dir.resolve("b.npy"), TestData.dec(false, 1));
        EcdqDecompressor.decompress(lq2, dir.resolve("b.wav"), TestData.dec(false, 1));
        EcdqDecompressor.decompress(lq2, dir.resolve("b-back.f64"), TestData.dec(false, 1));
        double[] b = read(dir.resolve("b-back.f64"), f);
        assertArrayEquals(b, read(dir.resolve("b.npy"), f));
        assertArrayEquals(b, read(dir.resolve("b.wav"), f));
        assertEquals(SampleType.F64, f[0].type());
        LatqException e = assertThrows(LatqException.class,
                () -> EcdqDecompressor.decompress(lq2, dir.resolve("b.f32"), TestData.dec(false, 1)));
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("b.f32")));

        Path pcm = write("c.wav", SampleFormat.wav(SampleType.PCM16, 1, 8000, 1, 0, 300));
        Path lq3 = dir.resolve("c.lq");
        EcdqCompressor.compress(pcm, null, lq3, EcdqOptions.mse(1e-6).withSeed(1L));
        EcdqDecompressor.decompress(lq3, dir.resolve("c.f32"), TestData.dec(false, 1));
        EcdqDecompressor.decompress(lq3, dir.resolve("c-back.wav"), TestData.dec(false, 1));
        assertArrayEquals(read(dir.resolve("c-back.wav"), f), read(dir.resolve("c.f32"), f));

        Path cube = write("d.npy", SampleFormat.npy(SampleType.F64, false, new long[] {4, 5, 6}));
        Path lq4 = dir.resolve("d.lq");
        EcdqCompressor.compress(cube, null, lq4, EcdqOptions.mse(1e-6).withSeed(1L));
        e = assertThrows(LatqException.class,
                () -> EcdqDecompressor.decompress(lq4, dir.resolve("d.wav"), TestData.dec(false, 1)));
        assertFalse(e.getMessage().contains("\n"));
    }
}
