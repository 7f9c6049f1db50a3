package io.latq.ecdq;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Helpers that write test inputs. */
public final class TestData {
    private TestData() {
    }

    /** Gaussian N(mean, sigma²) samples from a fixed seed. */
    public static double[] gaussian(int count, double mean, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            // Box–Muller on two uniforms; only needs to be a fixed, reasonable Gaussian sample
            double u1 = 1.0 - r.nextDouble();
            double u2 = r.nextDouble();
            x[i] = mean + sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return x;
    }

    public static Path writeF64(Path file, double[] x) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            b.putLong(Double.doubleToRawLongBits(v));
        }
        Files.write(file, b.array());
        return file;
    }

    public static double[] readF64(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] x = new double[b.remaining() / 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.longBitsToDouble(b.getLong());
        }
        return x;
    }

    /** Decompression options: force and threads, defaults otherwise. */
    public static EcdqDecompressor.Options dec(boolean force, int threads) {
        return EcdqDecompressor.Options.defaults().withForce(force).withThreads(threads);
    }
}
