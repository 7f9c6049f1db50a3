package io.latq.ecdq;

import io.latq.common.output.AtomicOutput;
import io.latq.common.BoundedFiles;
import io.latq.common.LatqException;
import io.latq.common.LatqFormatException;
import io.latq.common.concurrent.Workers;
import io.latq.ecdq.block.BlockCoder;
import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.block.TransformBlockCoder;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.file.FileHeader;
import io.latq.ecdq.file.FileLayout;
import io.latq.ecdq.file.HeaderReader;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.samples.ContainerType;
import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleWriter;
import io.latq.lattice.Lattice;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeDesign;
import io.latq.polarlattice.ShippedDesigns;
import io.latq.lattice.LatticeDescription;
import io.latq.lattice.LatticeSpecs;
import io.latq.lattice.SpecPolicy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decompresses a latq file of any version into its original container (type, dtype, byte order, shape, channels).
 * A header is data, never instructions: nothing in it names a file to open, every size it claims is checked against
 * the file's length and the documented limits before anything is allocated, the memory the decoder needs is checked
 * against the heap, and the output is refused when it would exceed the {@code maxOutput} limit (decompression
 * bombs). Every part is CRC-checked before use, blocks are bound to their file, and any failure is a
 * {@link LatqFormatException} that leaves no output file.
 */
public final class EcdqDecompressor {
    /** Default output limit: 256 MiB or 1024 times the compressed size, whichever is larger. */
    public static final long DEFAULT_MIN_OUTPUT_LIMIT = 256L << 20;
    public static final long DEFAULT_EXPANSION_LIMIT = 1024;

    private EcdqDecompressor() {
    }

    /**
     * Options.
     *
     * @param force      replace an existing output
     * @param threads    decoding threads (the output is identical for any count)
     * @param v1Lattices resolves the lattice spec of a version-1 header; the default never opens a file
     * @param maxOutput  largest output in bytes; ≤ 0 = the default limit
     */
    public record Options(boolean force, int threads, Function<String, Lattice> v1Lattices, long maxOutput) {
        public static Options defaults() {
            return new Options(false, 1, EcdqDecompressor::embeddedLattice, 0);
        }

        public Options withForce(boolean f) {
            return new Options(f, threads, v1Lattices, maxOutput);
        }

        public Options withThreads(int t) {
            return new Options(force, t, v1Lattices, maxOutput);
        }

        public Options withV1Lattices(Function<String, Lattice> r) {
            return new Options(force, threads, r, maxOutput);
        }

        public Options withMaxOutput(long bytes) {
            return new Options(force, threads, v1Lattices, bytes);
        }
    }

    /** Summary of a decompression. */
    public record Result(FileLayout header, long samples, long bytesWritten, SampleFormat written) {
    }

    /** A version-1 spec as data: built-in lattices only, never a file. */
    public static Lattice embeddedLattice(String spec) {
        return LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED);
    }

    public static Result decompress(Path input, Path output, Options opt) throws IOException {
        return decompress(input, output, opt, ProgressListener.NONE);
    }

    /** Decompresses {@code input} to {@code output}, reporting samples decoded (of the total) to {@code progress}. */
    public static Result decompress(Path input, Path output, Options opt, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(progress);
        AtomicOutput.checkTarget(output, opt.force());
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new LatqException("output is the same file as the input");
        }
        if (Files.isDirectory(input)) {
            throw new LatqException("input " + input + " is a directory, not a latq file");
        }
        long fileSize = Files.size(input);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
            FileLayout h = (FileLayout) HeaderReader.read(in, fileSize);
            SampleFormat target = SampleFiles.outputFormat(h.source(), output);
            long limit = opt.maxOutput() > 0 ? opt.maxOutput()
                    : Math.max(DEFAULT_MIN_OUTPUT_LIMIT, DEFAULT_EXPANSION_LIMIT * fileSize);
            long estimate = outputEstimate(h);
            if (estimate > limit) {
                throw new LatqException("output would be about " + estimate + " bytes, more than the limit of "
                        + limit + " (raise it with --max-output)");
            }
            int threads = threadsThatFit(h, opt.threads());
            Supplier<Decoder> factory = decoderFactory(h, opt.v1Lattices());
            try (AtomicOutput out = AtomicOutput.create(output, opt.force())) {
                SampleWriter writer = SampleFiles.create(out.stream(), target);
                SampleFormat source = h.source();
                Sink sink;
                if (target.equals(source)) {
                    sink = (samples, count) -> writer.write(samples, 0, count);
                } else { // another container: the values the original one would have held
                    double[][] buf = {new double[0]};
                    sink = (samples, count) -> {
                        if (buf[0].length < count) {
                            buf[0] = new double[count];
                        }
                        for (int i = 0; i < count; i++) {
                            buf[0][i] = source.roundTrip(samples[i]);
                        }
                        writer.write(buf[0], 0, count);
                    };
                }
                run(in, h, fileSize, threads, factory, sink, progress);
                writer.finish();
                long written = out.size();
                out.commit();
                return new Result(h, h.sampleCount(), written, target);
            }
        }
    }

    /** Decodes one block into {@code out}; the version's coder. */
    interface Decoder {
        void decode(BlockFormat.Block blk, double[] out) throws LatqFormatException;
    }

    /** Receives decoded blocks in order. */
    interface Sink {
        void accept(double[] samples, int count) throws IOException;
    }

    /** Bytes the output container will take, roughly (CSV: up to 25 characters a value). */
    static long outputEstimate(FileLayout h) {
        long per = h.source().container() == ContainerType.CSV ? 25 : h.source().type().bytes();
        long count = h.sampleCount();
        return count > Long.MAX_VALUE / per ? Long.MAX_VALUE : count * per;
    }

    /**
     * The thread count whose buffers fit half the heap next to the lattice's coder (two dense n×n matrices); at least
     * one thread, else the file is refused.
     */
    static int threadsThatFit(FileLayout h, int wanted) throws LatqException {
        long max = Runtime.getRuntime().maxMemory();
        long n = h.dimension();
        long basis = 16 * n * n;
        // per thread: two block buffers in flight plus the coder's own (about four arrays of the block's doubles)
        long perThread = 6 * 8 * h.maxBlockSamples() + 64 * n;
        long budget = max / 2 - basis;
        if (budget < perThread) {
            throw new LatqException("decoding needs about " + ((basis + perThread) >> 20) + " MiB (lattice dimension "
                    + n + ", blocks of " + h.maxBlockSamples() + " samples), more than this JVM can spare ("
                    + (max >> 20) + " MiB heap)");
        }
        return (int) Math.max(1, Math.min(wanted, budget / perThread));
    }

    /** Builds the lattice a header describes, checks it is the one the file was written with, and the coders. */
    static Supplier<Decoder> decoderFactory(FileLayout h, Function<String, Lattice> v1Lattices)
            throws LatqException {
        try {
            return buildDecoders(h, v1Lattices);
        } catch (RuntimeException e) {
            // a crafted lattice or parameter set that passed every range check but cannot be built (e.g. an LLL
            // reduction that overflows): data, not a bug of the caller
            throw new LatqFormatException("header lattice cannot be used (" + abbreviate(String.valueOf(
                    e.getMessage())) + ")");
        }
    }

    private static Supplier<Decoder> buildDecoders(FileLayout h, Function<String, Lattice> v1Lattices)
            throws LatqException {
        if (h.dimension() > EcdqCompressor.MAX_CODER_DIMENSION) {
            throw new LatqFormatException("header lattice dimension " + h.dimension() + " exceeds the coder's limit "
                    + EcdqCompressor.MAX_CODER_DIMENSION);
        }
        Lattice lattice;
        byte[] hash;
        if (h instanceof FileHeader v2) {
            try {
                byte[] d = v2.lattice();
                LatticeDescription description = LatticeDescription.fromBytes(d, 0, d.length);
                if (description.dimension() != h.dimension()) {
                    throw new LatqFormatException("header lattice has dimension " + description.dimension()
                            + " but the header says " + h.dimension());
                }
                lattice = description.build();
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new LatqFormatException("header lattice cannot be built: " + e.getMessage());
            }
            hash = v2.generatorHash();
        } else {
            EcdqHeader v1 = (EcdqHeader) h;
            try {
                // the dimension first, without building anything (a file-naming spec is left to the resolver,
                // which refuses it unless the user supplied the file)
                int dim = LatticeSpecs.readsFiles(v1.latticeSpec()) ? -1
                        : LatticeSpecs.dimensionOf(v1.latticeSpec(), SpecPolicy.EMBEDDED);
                if (dim >= 0 && dim != h.dimension()) {
                    throw new LatqFormatException("header lattice '" + abbreviate(v1.latticeSpec())
                            + "' has dimension " + dim + " but the header says " + h.dimension());
                }
                lattice = v1Lattices.apply(v1.latticeSpec());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new LatqFormatException("header lattice '" + abbreviate(v1.latticeSpec()) + "' is refused: "
                        + e.getMessage());
            }
            hash = v1.generatorHash();
        }
        if (lattice == null || lattice.dimension() != h.dimension()) {
            throw new LatqFormatException("lattice '" + abbreviate(h.latticeName()) + "' does not have the dimension "
                    + h.dimension() + " the file says");
        }
        HashedBasis own = HashedBasis.of(lattice.generator(), h instanceof FileHeader v2 ? v2.lattice() : null);
        TriangularBasis basis = own.basis();
        if (!Arrays.equals(own.hash(), hash)) {
            lattice = earlierShippedDesign(lattice, hash);
            if (lattice == null) {
                throw new LatqFormatException("lattice '" + abbreviate(h.latticeName())
                        + "' differs from the one this file was written with (generator hash mismatch)");
            }
            basis = TriangularBasis.of(lattice.generator());
        }
        final Lattice chosen = lattice;
        final TriangularBasis chosenBasis = basis;
        Supplier<Decoder> factory;
        if (h instanceof FileHeader v2) {
            factory = () -> new TransformBlockCoder(chosen, chosenBasis, v2)::decode;
        } else {
            EcdqHeader v1 = (EcdqHeader) h;
            factory = () -> new BlockCoder(chosen, chosenBasis, v1)::decode;
        }
        try {
            factory.get(); // the workers build the same coder: a header it cannot take is refused here, once
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new LatqFormatException("header parameters cannot be decoded (" + e.getMessage() + ")");
        }
        return factory;
    }

    /**
     * A shipped polar spec ({@code polar:n=1024,list=8}) resolves to the design shipped for it today; a file written
     * before a list-tuned design shipped for that N was made with another shipped design of the same N. That one
     * (same quantizer options) if its generator hash is {@code hash}, else null.
     */
    private static Lattice earlierShippedDesign(Lattice lattice, byte[] hash) {
        if (!(lattice instanceof PolarLattice p)) {
            return null;
        }
        for (PolarLatticeDesign d : ShippedDesigns.allFor(p.dimension())) {
            PolarLattice candidate = new PolarLattice(d, p.options());
            if (candidate.dimension() == p.dimension()
                    && Arrays.equals(EcdqHeader.generatorHash(candidate.generator()), hash)) {
                return candidate;
            }
        }
        return null;
    }

    /** Text from a file or a user for a one-line message: at most 80 characters, control characters as '?'. */
    static String abbreviate(String s) {
        return BoundedFiles.excerpt(s, 80);
    }

    /**
     * Reads the blocks after the header, decodes them on {@code threads} workers and passes them to {@code sink} in
     * order, then checks the non-finite count and the trailer. Shared by decompression and verification.
     */
    static void run(InputStream in, FileLayout h, long fileSize, int threads, Supplier<Decoder> factory, Sink sink,
                    ProgressListener progress) throws IOException {
        long left = fileSize - h.headerBytes();
        long blocks = h.blockCount();
        int maxS = (int) h.maxBlockSamples();
        int depth = threads == 1 ? 1 : 2 * threads;
        double[][] bufs = new double[depth][maxS];
        long nonFinite = 0;
        long decoded = 0;
        byte[] seed = h.blockCrcSeed();
        progress.progress(0, h.sampleCount());
        try (Workers<Decoder> workers = new Workers<>(threads, factory)) {
            Workers<Decoder>.Pipeline<Decoded> pipeline = workers.pipeline(depth);
            for (long b = 0; b < blocks || !pipeline.isEmpty(); b++) {
                if (pipeline.full() || (b >= blocks && !pipeline.isEmpty())) {
                    // oldest first: output in block order; this also frees bufs[b % depth] for block b
                    Decoded d = pipeline.takeOldest();
                    sink.accept(d.samples(), d.count());
                    decoded += d.count();
                    progress.progress(decoded, h.sampleCount());
                }
                if (b < blocks) {
                    int count = (int) h.samplesInBlock(b);
                    BlockFormat.Block blk = BlockFormat.read(in, b, count, h.cellsPerBlock(), h.maxPayload(b), left,
                            seed);
                    left -= blk.storedBytes();
                    nonFinite += blk.nonFiniteOffsets().length;
                    double[] buf = bufs[(int) (b % depth)];
                    pipeline.submit(c -> {
                        c.decode(blk, buf);
                        return new Decoded(buf, count);
                    });
                }
            }
        }
        if (nonFinite != h.nonFiniteCount()) {
            throw new LatqFormatException("non-finite sample count does not match the header");
        }
        BlockFormat.readTrailer(in, blocks, h.sampleCount(), h.crc());
    }

    /** A decoded block: its samples in {@code samples[0..count)}. */
    private record Decoded(double[] samples, int count) {
    }
}
