package io.latq.polar.sim;

import io.latq.common.concurrent.Workers;
import io.latq.polar.Crc;
import io.latq.polar.PolarEncoder;
import io.latq.polar.decode.PolarDecoder;
import io.latq.random.StreamSeeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Monte Carlo simulation of a polar code with BPSK (s = 1 − 2x) over AWGN.
 *
 * <p>Noise: σ² = 1/(2·R·10^(Eb/N0 / 10)) with R = (message bits)/N, where message bits = K − (CRC bits); channel
 * LLRs are 2y/σ². Each frame draws fresh random message bits (so decoders are not tested on the all-zero word
 * only), appends the CRC if any, encodes, adds noise and decodes. Frame f uses the random stream
 * {@link StreamSeeds#frameStream}(seed, f); chunks of 64 frames run on {@link Workers}, each worker thread with its
 * own decoder from the supplier, and the integer error counts of the chunks are summed in chunk order, so the result
 * is bit-identical for any thread count.
 */
public final class PolarSimulation {

    private static final int CHUNK = 64;

    private final Crc crc;
    private final PolarEncoder encoder;
    private final int n;
    private final int k;
    private final int messageBits;

    /**
     * @param frozen frozen mask (frozen bits 0)
     * @param crc    CRC appended to the message bits (carried by the last information positions), or null
     */
    public PolarSimulation(boolean[] frozen, Crc crc) {
        this.crc = crc;
        this.encoder = new PolarEncoder(frozen);
        this.n = frozen.length;
        this.k = encoder.k();
        this.messageBits = k - (crc == null ? 0 : crc.length());
        if (messageBits < 1) {
            throw new IllegalArgumentException("no message bits left: K = " + k + ", CRC bits = "
                    + (crc == null ? 0 : crc.length()));
        }
    }

    /** Noise standard deviation for a given Eb/N0 (dB) and rate R. */
    public static double sigmaForEbN0(double ebN0Db, double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in (0, 1], got " + rate);
        }
        return Math.sqrt(1.0 / (2.0 * rate * StrictMath.pow(10.0, ebN0Db / 10.0)));
    }

    /** The code rate R = message bits / N used for the noise level. */
    public double rate() {
        return (double) messageBits / n;
    }

    /**
     * Runs the simulation.
     *
     * @param decoders supplies one decoder per worker thread (decoders are not thread-safe)
     * @param ebN0Db   Eb/N0 in dB
     * @param frames   number of frames ≥ 1
     * @param seed     seed of the per-frame streams
     * @param threads  worker threads ≥ 1
     */
    public SimulationResult run(Supplier<? extends PolarDecoder> decoders, double ebN0Db, long frames, long seed,
                                int threads) {
        return run(decoders, ebN0Db, frames, seed, threads, done -> { });
    }

    /** As {@link #run(Supplier, double, long, long, int)}, reporting the frames done so far to {@code progress}. */
    public SimulationResult run(Supplier<? extends PolarDecoder> decoders, double ebN0Db, long frames, long seed,
                                int threads, java.util.function.LongConsumer progress) {
        if (frames < 1 || threads < 1) {
            throw new IllegalArgumentException("frames and threads must be >= 1");
        }
        if (Double.isNaN(ebN0Db) || Double.isInfinite(ebN0Db)) {
            throw new IllegalArgumentException("Eb/N0 must be finite");
        }
        double sigma = sigmaForEbN0(ebN0Db, rate());
        long start = System.nanoTime();
        long[] total = new long[3];
        long chunks = (frames + CHUNK - 1) / CHUNK;
        try (Workers<Worker> workers = new Workers<>((int) Math.min(Math.min(threads, chunks), 1024),
                () -> new Worker(decoders.get(), sigma, frames, seed))) {
            long[] done = new long[1];
            workers.forEachInOrder(chunks, Worker::chunk, r -> {
                for (int j = 0; j < 3; j++) {
                    total[j] += r[j];
                }
                done[0] = Math.min(frames, done[0] + CHUNK);
                progress.accept(done[0]);
            });
        } catch (IOException e) {
            throw new IllegalStateException("simulation interrupted", e); // the frames do no I/O
        }
        long wall = System.nanoTime() - start;
        return new SimulationResult(frames, total[0], total[1], messageBits, n, ebN0Db, sigma, total[2], wall,
                threads);
    }

    /** A worker thread's decoder and buffers; simulates one chunk of frames at a time. */
    private final class Worker {
        private final PolarDecoder decoder;
        private final double sigma;
        private final long frames;
        private final long seed;
        private final byte[] info = new byte[k];
        private final byte[] u = new byte[n];
        private final byte[] x = new byte[n];
        private final byte[] uHat = new byte[n];
        private final byte[] xHat = new byte[n];
        private final byte[] infoHat = new byte[k];
        private final double[] llr = new double[n];

        Worker(PolarDecoder decoder, double sigma, long frames, long seed) {
            if (decoder.n() != n) {
                throw new IllegalArgumentException("decoder block length " + decoder.n() + " != N = " + n);
            }
            this.decoder = decoder;
            this.sigma = sigma;
            this.frames = frames;
            this.seed = seed;
        }

        /** Frames [64·c, 64·c + 64) ∩ [0, frames): returns {frame errors, bit errors, decode nanos}. */
        long[] chunk(long c) {
            long frameErrors = 0;
            long bitErrors = 0;
            long decodeNanos = 0;
            double scale = 2.0 / (sigma * sigma);
            long first = c * CHUNK;
            long last = Math.min(frames, first + CHUNK);
            for (long f = first; f < last; f++) {
                UniformRandomProvider rng = StreamSeeds.frameStream(seed, f);
                for (int j = 0; j < messageBits; j += 64) {
                    long bits = rng.nextLong();
                    for (int b = 0; b < 64 && j + b < messageBits; b++) {
                        info[j + b] = (byte) ((bits >>> b) & 1L);
                    }
                }
                if (crc != null) {
                    crc.append(info, messageBits);
                }
                encoder.encode(info, u, x);
                ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(rng);
                for (int i = 0; i < n; i++) {
                    llr[i] = scale * ((1 - 2 * x[i]) + sigma * noise.sample());
                }
                long t0 = System.nanoTime();
                decoder.decode(llr, uHat, xHat);
                decodeNanos += System.nanoTime() - t0;
                encoder.extractInformation(uHat, infoHat);
                int errors = 0;
                for (int j = 0; j < messageBits; j++) {
                    errors += info[j] ^ infoHat[j];
                }
                bitErrors += errors;
                if (errors > 0) {
                    frameErrors++;
                }
            }
            return new long[] {frameErrors, bitErrors, decodeNanos};
        }
    }
}
