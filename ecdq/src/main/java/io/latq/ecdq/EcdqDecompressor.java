package io.latq.ecdq;

import io.latq.common.LatqException;
import io.latq.common.LatqFormatException;
import io.latq.common.concurrent.Workers;
import io.latq.ecdq.block.BlockCoder;
import io.latq.ecdq.index.TriangularBasis;

import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleWriter;
import io.latq.lattice.Lattice;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decompresses a latq ECDQ file into its original container (type, dtype, byte order, shape, channels).
 * Every structure is validated before use (sizes against the file size, CRC32C of header, blocks and trailer,
 * exact end of each entropy-coded payload, nothing after the trailer); any failure is a
 * {@link LatqFormatException} and leaves no output file.
 */
public final class EcdqDecompressor {
    private EcdqDecompressor() {
    }

    /** Summary of a decompression. */
    public record Result(EcdqHeader header, long samples, long bytesWritten) {
    }

    /** Decompresses {@code input} to {@code output} using {@code threads} workers. */
    public static Result decompress(Path input, Path output, boolean force, int threads,
                                    Function<String, Lattice> resolver) throws IOException {
        return decompress(input, output, force, threads, resolver, ProgressListener.NONE);
    }

    /**
     * As {@link #decompress(Path, Path, boolean, int, Function)}, reporting the samples decoded so far (out of the
     * header's sample count) to {@code progress} on the calling thread.
     */
    public static Result decompress(Path input, Path output, boolean force, int threads,
                                    Function<String, Lattice> resolver, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(progress);
        AtomicOutput.checkTarget(output, force);
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new LatqException("output is the same file as the input");
        }
        if (Files.isDirectory(input)) {
            throw new LatqException("input " + input + " is a directory, not a latq file");
        }
        long fileSize = Files.size(input);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
             AtomicOutput out = AtomicOutput.create(output, force)) {
            EcdqHeader h = EcdqHeader.read(in, fileSize);
            Lattice lattice = latticeFor(h, resolver);
            TriangularBasis basis = TriangularBasis.of(lattice.generator());
            long left = fileSize - h.toBytes().length;
            SampleWriter writer = SampleFiles.create(out.stream(), h.source());
            long blocks = h.blockCount();
            int spb = h.samplesPerBlock();
            long maxPayload = h.zeroRate() ? 0 : BlockFormat.maxPayload((long) h.vectorsPerBlock() * h.dimension());
            // blocks in flight: 2 per thread keeps every worker busy while this thread reads and writes
            int depth = threads == 1 ? 1 : 2 * threads;
            double[][] bufs = new double[depth][spb];
            long nonFinite = 0;
            long decoded = 0;
            progress.progress(0, h.sampleCount());
            try (Workers<BlockCoder> workers = new Workers<>(threads, () -> new BlockCoder(lattice, basis, h))) {
                Workers<BlockCoder>.Pipeline<Decoded> pipeline = workers.pipeline(depth);
                for (long b = 0; b < blocks || !pipeline.isEmpty(); b++) {
                    if (pipeline.full() || (b >= blocks && !pipeline.isEmpty())) {
                        // oldest first: output in block order; this also frees bufs[b % depth] for block b
                        Decoded d = pipeline.takeOldest();
                        writer.write(d.samples(), 0, d.count());
                        decoded += d.count();
                        progress.progress(decoded, h.sampleCount());
                    }
                    if (b < blocks) {
                        int count = h.samplesInBlock(b);
                        BlockFormat.Block blk = BlockFormat.read(in, b, count, maxPayload, left);
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
            writer.finish();
            long written = out.size();
            out.commit();
            return new Result(h, h.sampleCount(), written);
        }
    }

    /** A decoded block: its samples in {@code samples[0..count)}. */
    private record Decoded(double[] samples, int count) {
    }

    /** Resolves the header's lattice and checks it is the one the file was written with. */
    static Lattice latticeFor(EcdqHeader h, Function<String, Lattice> resolver) throws LatqException {
        Lattice lattice = EcdqCompressor.resolve(resolver, h.latticeSpec());
        if (lattice.dimension() != h.dimension()) {
            throw new LatqFormatException("lattice '" + h.latticeSpec() + "' has dimension " + lattice.dimension()
                    + " but the file says " + h.dimension());
        }
        if (!Arrays.equals(EcdqHeader.generatorHash(lattice.generator()), h.generatorHash())) {
            throw new LatqFormatException("lattice '" + h.latticeSpec()
                    + "' differs from the one this file was written with (generator hash mismatch)");
        }
        return lattice;
    }
}
