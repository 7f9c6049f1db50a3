package io.latq.ecdq.api;

import io.latq.common.output.TempDirectory;
import io.latq.ecdq.CompressionReport;
import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqLevel;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.samples.ContainerType;
import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleReader;
import io.latq.ecdq.samples.SampleType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Entry point of the Java API: ECDQ compression and decompression of sample files, streams and arrays, with the
 * file format and options of the {@code latq compress} and {@code latq decompress} commands.
 *
 * <pre>{@code
 * Latq.Compressor c = Latq.compressor().mse(0.01).lattice("E8").threads(4).seed(1L).build();
 * byte[] lq = c.compress(samples);                 // double[] -> compressed bytes
 * double[] back = Latq.decompressor().build().decompressToArray(lq);
 * }</pre>
 *
 * <p>Compressed data is the same format as files written by the command line, in both directions. The coders read
 * their input several times, so arrays and streams are spooled to a private temporary directory (removed before
 * the call returns); memory use does not grow with the data. Errors: {@link io.latq.common.LatqException} for bad
 * data, {@link IOException} for I/O, {@link IllegalArgumentException} for bad options. Instances are immutable and
 * thread-safe.
 */
public final class Latq {
    private Latq() {
    }

    /** A builder for a {@link Compressor}; a target ({@code mse}, {@code snrDb} or {@code rate}) is required. */
    public static CompressorBuilder compressor() {
        return new CompressorBuilder();
    }

    /** A builder for a {@link Decompressor}. */
    public static DecompressorBuilder decompressor() {
        return new DecompressorBuilder();
    }

    /** Options of a {@link Compressor}: the target, lattice, threads, seed and transform. */
    public static final class CompressorBuilder {
        private EcdqOptions.Target target;
        private double value;
        private EcdqLevel level = EcdqLevel.DEFAULT;
        private String lattice;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Long seed;
        private String transform = "auto";
        private boolean keepNonFinite;
        private boolean force;

        private CompressorBuilder() {
        }

        /** Target mean squared error per sample (&gt; 0). */
        public CompressorBuilder mse(double mse) {
            return target(EcdqOptions.Target.MSE, mse);
        }

        /** Target SNR in dB, 10 log10(σ²/MSE). */
        public CompressorBuilder snrDb(double db) {
            return target(EcdqOptions.Target.SNR_DB, db);
        }

        /** Target rate in bits per sample, file size with headers. */
        public CompressorBuilder rate(double bitsPerSample) {
            return target(EcdqOptions.Target.RATE, bitsPerSample);
        }

        private CompressorBuilder target(EcdqOptions.Target t, double v) {
            this.target = t;
            this.value = v;
            return this;
        }

        /**
         * The speed/rate level: {@code fast}, {@code default} (the default), {@code best} or 1..9 (see
         * {@link EcdqLevel}): its lattice, quantizer and point coder.
         */
        public CompressorBuilder level(String name) {
            this.level = EcdqLevel.parse(name);
            return this;
        }

        /**
         * The lattice spec ({@code E8}, {@code D4}, {@code polar:n=1024}, ...), overriding the level's; null (the
         * default) keeps the level's ({@code polar:n=1024} at the default level).
         */
        public CompressorBuilder lattice(String spec) {
            this.lattice = spec;
            return this;
        }

        /** Worker threads (default: all cores); the output does not depend on it. */
        public CompressorBuilder threads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Dither seed: with a seed the output is reproducible byte for byte; null (default) draws one. */
        public CompressorBuilder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /** Transform: {@code auto} (default), {@code none}, {@code dct} or {@code dct:B}. */
        public CompressorBuilder transform(String transform) {
            if (transform == null || !transform.matches("auto|none|dct|dct:[0-9]{1,4}")) {
                throw new IllegalArgumentException("transform must be auto, none, dct or dct:B, got '" + transform
                        + "'");
            }
            this.transform = transform;
            return this;
        }

        /** Carry NaN and infinite samples exactly instead of refusing them (default false). */
        public CompressorBuilder keepNonFinite(boolean keep) {
            this.keepNonFinite = keep;
            return this;
        }

        /** Overwrite existing output files in {@link Compressor#compress(Path, Path)} (default false). */
        public CompressorBuilder force(boolean force) {
            this.force = force;
            return this;
        }

        /** The compressor; fails if no target was given. */
        public Compressor build() {
            if (target == null) {
                throw new IllegalArgumentException("a target is required: mse(..), snrDb(..) or rate(..)");
            }
            EcdqOptions opt = EcdqOptions.mse(1).withTarget(target, value).withLevel(level)
                    .withLattice(lattice != null ? lattice : level.lattice())
                    .withThreads(threads).withTransform(transform).withKeepNonFinite(keepNonFinite)
                    .withForce(force);
            if (seed != null) {
                opt = opt.withSeed(seed);
            }
            return new Compressor(opt);
        }
    }

    /** Compresses files, streams and arrays with fixed options. */
    public static final class Compressor {
        private final EcdqOptions options;

        private Compressor(EcdqOptions options) {
            this.options = options;
        }

        /** Compresses a sample file (type from the extension: .f64, .f32, .npy, .wav, .csv) to {@code out}. */
        public CompressionReport compress(Path in, Path out) throws IOException {
            return EcdqCompressor.compress(in, null, out, options);
        }

        /** Compresses a sample file of the given type ({@code f64}, {@code f32be}, {@code wav}, ...). */
        public CompressionReport compress(Path in, String type, Path out) throws IOException {
            return EcdqCompressor.compress(in, type, out, options);
        }

        /** Compresses {@code samples} (one channel, stored as little-endian float64) into {@code out}. */
        public CompressionReport compress(double[] samples, OutputStream out) throws IOException {
            try (TempDirectory s = TempDirectory.create("latq-api-")) {
                Path in = s.resolve("in.f64");
                writeF64(samples, in);
                Path lq = s.resolve("out.lq");
                CompressionReport r = EcdqCompressor.compress(in, "f64", lq, options.withForce(false));
                Files.copy(lq, out);
                return r;
            }
        }

        /** Compresses {@code samples} to bytes. */
        public byte[] compress(double[] samples) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            compress(samples, b);
            return b.toByteArray();
        }

        /** Compresses a stream of samples of the given type ({@code f64}, {@code wav}, ...) into {@code out}. */
        public CompressionReport compress(InputStream in, String type, OutputStream out) throws IOException {
            try (TempDirectory s = TempDirectory.create("latq-api-")) {
                Path src = s.resolve("in." + type);
                Files.copy(in, src);
                Path lq = s.resolve("out.lq");
                CompressionReport r = EcdqCompressor.compress(src, type, lq, options.withForce(false));
                Files.copy(lq, out);
                return r;
            }
        }
    }

    /** Options of a {@link Decompressor}. */
    public static final class DecompressorBuilder {
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean force;
        private long maxOutput;

        private DecompressorBuilder() {
        }

        /** Worker threads (default: all cores). */
        public DecompressorBuilder threads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Overwrite existing output files (default false). */
        public DecompressorBuilder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Refuse to write more than this many bytes (0: the default limit, {@link Long#MAX_VALUE}: none). */
        public DecompressorBuilder maxOutputBytes(long bytes) {
            this.maxOutput = bytes;
            return this;
        }

        /** The decompressor. */
        public Decompressor build() {
            return new Decompressor(EcdqDecompressor.Options.defaults().withThreads(threads).withForce(force)
                    .withMaxOutput(maxOutput));
        }
    }

    /** Decompresses files, streams and bytes with fixed options. */
    public static final class Decompressor {
        private final EcdqDecompressor.Options options;

        private Decompressor(EcdqDecompressor.Options options) {
            this.options = options;
        }

        /** Restores {@code in} to {@code out} in its original container, dtype, shape and channels. */
        public EcdqDecompressor.Result decompress(Path in, Path out) throws IOException {
            return EcdqDecompressor.decompress(in, out, options);
        }

        /** Restores compressed bytes to the original container's bytes on {@code out}. */
        public EcdqDecompressor.Result decompress(InputStream in, OutputStream out) throws IOException {
            try (TempDirectory s = TempDirectory.create("latq-api-")) {
                Path lq = s.resolve("in.lq");
                Files.copy(in, lq);
                Path dst = s.resolve("out.bin");
                EcdqDecompressor.Result r = EcdqDecompressor.decompress(lq, dst, options.withForce(false));
                Files.copy(dst, out);
                return r;
            }
        }

        /** The samples of compressed bytes as doubles (all channels interleaved, in file order). */
        public double[] decompressToArray(byte[] compressed) throws IOException {
            return decompressToArray(new ByteArrayInputStream(compressed));
        }

        /** The samples of a compressed stream as doubles (all channels interleaved, in file order). */
        public double[] decompressToArray(InputStream in) throws IOException {
            try (TempDirectory s = TempDirectory.create("latq-api-")) {
                Path lq = s.resolve("in.lq");
                Files.copy(in, lq);
                Path dst = s.resolve("out.bin");
                EcdqDecompressor.Result r = EcdqDecompressor.decompress(lq, dst, options.withForce(false));
                if (r.samples() > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException(r.samples() + " samples do not fit in an array; "
                            + "decompress to a file");
                }
                double[] x = new double[(int) r.samples()];
                try (SampleReader reader = SampleFiles.open(dst, type(r.header().source()))) {
                    reader.readFully(x, x.length);
                }
                return x;
            }
        }
    }

    /** The sample-file type name of a stored source format. */
    static String type(SampleFormat f) {
        if (f.container() == ContainerType.RAW) {
            return (f.type() == SampleType.F64 ? "f64" : "f32") + (f.bigEndian() ? "be" : "");
        }
        return f.container().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void writeF64(double[] samples, Path file) throws IOException {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (double d : samples) {
                if (!b.hasRemaining()) {
                    b.flip();
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    b.clear();
                }
                b.putDouble(d);
            }
            b.flip();
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }
}
