package io.latq.bench;

import io.latq.ecdq.CompressionReport;
import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.common.LatqFormatException;
import io.latq.ecdq.entropy.DiscretizedGaussianModel;
import io.latq.ecdq.entropy.EntropyModel;
import io.latq.ecdq.entropy.GaussianIntervalBatch;
import io.latq.ecdq.entropy.PhaseTableGaussianModel;
import io.latq.ecdq.entropy.RansDecoder;
import io.latq.ecdq.entropy.RansEncoder;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.nsm.KnownNsm;
import io.latq.nsm.NsmEstimator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ECDQ throughput on real files: {@code latq compress} and {@code latq decompress} of 2^18 i.i.d. N(0,1) float64
 * samples (2 MiB) at MSE 0.01, through the public library API with its temporary-file output and atomic rename.
 *
 * <p>Compression includes both passes and, for n &gt; 1, the model fit. One operation is one input byte and the time
 * unit is the microsecond, so the score reads directly as MB/s (10^6 bytes per second) of float64 input; for
 * decompression the same input size is used, i.e. MB/s of float64 output.
 *
 * <p>{@code lattice} accepts any spec {@link LatticeSpecs#parse} knows (e.g. add {@code polar:n=1024} with
 * {@code -p lattice=Z1,E8,polar:n=1024}); when the spec has no known normalized second moment, it is estimated once
 * in the setup (Monte Carlo, 2^16 vectors), which only affects the design, not the timing.
 *
 * <p>The nested {@link Rans} benchmarks measure the entropy coder alone in symbols per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EcdqBenchmark {
    static final int SAMPLES = 1 << 18;
    static final int BYTES = 8 * SAMPLES;
    static final double MSE = 0.01;

    @Param({"Z1", "E8"})
    public String lattice;

    @Param({"1", "2"})
    public int threads;

    /** Point coder: 0 = exact Gaussian (format version 2), 1 = phase table (version 3). */
    @Param({"0", "1"})
    public int coder;

    private Path dir;
    private Path input;
    private Path compressed;
    private Path compressOut;
    private Path decompressOut;
    private EcdqOptions options;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Lattice lat = LatticeSpecs.parse(lattice);
        OptionalDouble known = KnownNsm.lookup(lattice);
        double nsm = known.isPresent() ? known.getAsDouble()
                : new NsmEstimator(lat).estimate(1 << 16, 1, threads, null).nsm();
        dir = Files.createTempDirectory("latq-ecdq-bench");
        input = dir.resolve("x.f64");
        compressed = dir.resolve("x.lq");
        compressOut = dir.resolve("c.lq");
        decompressOut = dir.resolve("y.f64");
        writeGaussian(input, SAMPLES, 1);
        options = EcdqOptions.mse(MSE).withLattice(lattice).withNsm(nsm).withThreads(threads).withForce(true)
                .withSeed(1L).withCoder(coder);
        EcdqCompressor.compress(input, "f64", compressed, options);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** i.i.d. N(0,1) samples from a fixed seed, written as little-endian float64. */
    static void writeGaussian(Path file, int count, long seed) throws IOException {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(8 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putDouble(r.nextGaussian());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BYTES)
    public CompressionReport compress() throws IOException {
        return EcdqCompressor.compress(input, "f64", compressOut, options);
    }

    @Benchmark
    @OperationsPerInvocation(BYTES)
    public EcdqDecompressor.Result decompress() throws IOException {
        return EcdqDecompressor.decompress(compressed, decompressOut,
                EcdqDecompressor.Options.defaults().withForce(true).withThreads(threads));
    }

    /**
     * The rANS coder alone, in symbols per second, on 2^16 symbols of a discretized Gaussian with a spread of 3
     * cells (about what Z1 codes at MSE 0.01):
     * <ul>
     *   <li>{@code encodeTable}/{@code decodeTable}: frequencies from a precomputed table, so only rANS is timed;</li>
     *   <li>{@code encodeGaussianModel}/{@code decodeGaussianModel}: the model is reconfigured for every symbol
     *       with a new centre, as the ECDQ coder does, so this adds the cost of the integer CDF evaluations;</li>
     *   <li>{@code encodeGaussianModelBatched}: the same symbols through {@link GaussianIntervalBatch}, as the ECDQ
     *       encoder codes them (intervals computed four erfc at a time; the same stream).</li>
     *   <li>{@code encodePhaseTableModel}/{@code decodePhaseTableModel}: format version 3's model (the same model
     *       at the centre rounded to 1/256 cell, read from tables built on first use).</li>
     * </ul>
     */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    @Fork(1)
    public static class Rans {
        static final int SYMBOLS = 1 << 16;
        static final double SPREAD = 3.0;

        private final RansEncoder encoder = new RansEncoder();
        private final RansDecoder decoder = new RansDecoder();
        private final DiscretizedGaussianModel model = new DiscretizedGaussianModel();
        private final GaussianIntervalBatch batch = new GaussianIntervalBatch();
        private int[] start;
        private int[] freq;
        private int[] symbolAt;
        private int[] symbols;
        private double[] centres;
        private long[] values;
        private byte[] tableStream;
        private byte[] modelStream;
        private byte[] phaseStream;
        private final PhaseTableGaussianModel phaseTable = new PhaseTableGaussianModel();

        @Setup(Level.Trial)
        public void setup() {
            model.configure(0, SPREAD);
            int m = model.symbolCount();
            start = new int[m];
            freq = new int[m];
            symbolAt = new int[EntropyModel.TOTAL];
            for (int s = 0; s < m; s++) {
                start[s] = model.cumulativeFrequency(s);
                freq[s] = model.frequency(s);
                for (int c = start[s]; c < start[s] + freq[s]; c++) {
                    symbolAt[c] = s;
                }
            }
            // symbols drawn from the table itself, so the code length matches the model
            SplittableRandom r = new SplittableRandom(7);
            symbols = new int[SYMBOLS];
            centres = new double[SYMBOLS];
            values = new long[SYMBOLS];
            for (int i = 0; i < SYMBOLS; i++) {
                symbols[i] = symbolAt[r.nextInt(EntropyModel.TOTAL)];
                centres[i] = r.nextDouble() - 0.5; // the dither moves the centre within a cell
                values[i] = Math.round(centres[i] + SPREAD * r.nextGaussian());
            }
            tableStream = copy(encodeTable());
            modelStream = copy(encodeGaussianModel());
            phaseStream = copy(encodePhaseTableModel());
            if (!java.util.Arrays.equals(phaseStream, copy(encodePhaseTableHinted()))) {
                throw new IllegalStateException("hinted configuration changes the stream");
            }
            if (!java.util.Arrays.equals(modelStream, copy(encodeGaussianModelBatched()))) {
                throw new IllegalStateException("batched encoding differs from symbol-by-symbol encoding");
            }
        }

        private byte[] copy(RansEncoder e) {
            return java.util.Arrays.copyOfRange(e.buffer(), e.offset(), e.buffer().length);
        }

        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public RansEncoder encodeTable() {
            encoder.reset();
            for (int s : symbols) {
                encoder.push(start[s], freq[s]);
            }
            encoder.finish();
            return encoder;
        }

        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public int decodeTable() throws LatqFormatException {
            decoder.reset(tableStream, 0, tableStream.length);
            int sum = 0;
            for (int i = 0; i < SYMBOLS; i++) {
                int s = symbolAt[decoder.peek()];
                decoder.advance(start[s], freq[s]);
                sum += s;
            }
            decoder.finish();
            return sum;
        }

        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public RansEncoder encodeGaussianModel() {
            encoder.reset();
            for (int i = 0; i < SYMBOLS; i++) {
                model.configure(centres[i], SPREAD);
                int s = model.symbolOf(values[i]);
                if (s == model.escapeSymbol()) {
                    throw new IllegalStateException("benchmark data should not need escapes");
                }
                encoder.push(model, s);
            }
            encoder.finish();
            return encoder;
        }

        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public RansEncoder encodeGaussianModelBatched() {
            encoder.reset();
            for (int i = 0; i < SYMBOLS; i++) {
                model.configure(centres[i], SPREAD);
                batch.push(model, model.symbolOf(values[i]), encoder);
            }
            batch.flush(encoder);
            encoder.finish();
            return encoder;
        }

        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public long decodeGaussianModel() throws LatqFormatException {
            decoder.reset(modelStream, 0, modelStream.length);
            long sum = 0;
            for (int i = 0; i < SYMBOLS; i++) {
                model.configure(centres[i], SPREAD);
                sum += model.windowStart() + decoder.decode(model);
            }
            decoder.finish();
            return sum;
        }

        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public RansEncoder encodePhaseTableModel() {
            encoder.reset();
            for (int i = 0; i < SYMBOLS; i++) {
                phaseTable.configure(centres[i], SPREAD);
                encoder.push(phaseTable, phaseTable.symbolOf(values[i]));
            }
            encoder.finish();
            return encoder;
        }

        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public long decodePhaseTableModel() throws LatqFormatException {
            decoder.reset(phaseStream, 0, phaseStream.length);
            long sum = 0;
            for (int i = 0; i < SYMBOLS; i++) {
                phaseTable.configure(centres[i], SPREAD);
                sum += phaseTable.windowStart() + decoder.decode(phaseTable);
            }
            decoder.finish();
            return sum;
        }

        /** The successive coder's path: the tables found through a hint per spread. */
        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public RansEncoder encodePhaseTableHinted() {
            encoder.reset();
            int hint = -1;
            for (int i = 0; i < SYMBOLS; i++) {
                hint = phaseTable.configure(centres[i], SPREAD, hint);
                encoder.push(phaseTable, phaseTable.symbolOf(values[i]));
            }
            encoder.finish();
            return encoder;
        }

        /** The successive decoder's path: the tables found through a hint per spread. */
        @Benchmark
        @OperationsPerInvocation(SYMBOLS)
        public long decodePhaseTableHinted() throws LatqFormatException {
            decoder.reset(phaseStream, 0, phaseStream.length);
            long sum = 0;
            int hint = -1;
            for (int i = 0; i < SYMBOLS; i++) {
                hint = phaseTable.configure(centres[i], SPREAD, hint);
                sum += phaseTable.windowStart() + decoder.decode(phaseTable);
            }
            decoder.finish();
            return sum;
        }
    }
}
