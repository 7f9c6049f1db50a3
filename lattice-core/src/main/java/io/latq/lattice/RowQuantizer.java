package io.latq.lattice;

import io.latq.common.LatqException;
import io.latq.common.concurrent.Workers;
import io.latq.common.output.AtomicOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Quantizes the rows of a raw little-endian float64 file (one row per n-vector) with a lattice's quantizer and writes
 * the lattice points in the same format, atomically ({@link AtomicOutput}): what {@code latq quantize} does.
 *
 * <p>Rows are read in chunks on the caller's thread and quantized on {@link Workers}; chunks are written in input
 * order, and each row's point depends on that row only, so the output does not depend on the thread count or the
 * chunk size. Memory stays bounded (about 16 MiB of rows in flight) for files of any length.
 */
public final class RowQuantizer {

    /** Rows per chunk at most. */
    public static final int CHUNK_ROWS = 4096;

    private static final long BYTES_IN_FLIGHT = 1L << 24;

    private RowQuantizer() {
    }

    /**
     * Quantizes every row of {@code input} to {@code output}.
     *
     * @param threads worker threads in [1, 1024]; the output does not depend on it
     * @return the number of rows
     * @throws NoSuchFileException if the input is not a regular file
     * @throws LatqException       if the file is not a whole number of rows, the input is the output, a value is not
     *                             finite, or the output exists without {@code force}
     */
    public static long quantizeFile(Lattice lattice, Path input, Path output, boolean force, int threads)
            throws IOException {
        return quantizeFile(lattice, input, output, force, threads, done -> { });
    }

    /**
     * As {@link #quantizeFile(Lattice, Path, Path, boolean, int)}, reporting the rows written so far to
     * {@code progress} (from the calling thread).
     */
    public static long quantizeFile(Lattice lattice, Path input, Path output, boolean force, int threads,
                                    java.util.function.LongConsumer progress) throws IOException {
        int n = lattice.dimension();
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input.toString());
        }
        long bytes = Files.size(input);
        long rowBytes = 8L * n;
        if (bytes % rowBytes != 0) {
            throw new LatqException(input + ": " + bytes + " bytes is not a whole number of rows of " + n
                    + " float64 values (" + rowBytes + " bytes each)");
        }
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new LatqException("input and output are the same file: " + input);
        }
        long rows = bytes / rowBytes;
        AtomicOutput.checkTarget(output, force);
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ);
             AtomicOutput out = AtomicOutput.create(output, force);
             Workers<Object> workers = new Workers<>(threads, Object::new)) {
            copyQuantized(lattice, in, out.stream(), rows, workers, progress);
            out.commit();
        }
        return rows;
    }

    /** Quantizes rows {@code [0, rows)} of {@code xs} (row r at offset r·n) into {@code qs}. */
    public static void quantizeRows(Lattice lattice, double[] xs, double[] qs, int rows) {
        int n = lattice.dimension();
        for (int r = 0; r < rows; r++) {
            lattice.quantize(xs, r * n, qs, r * n);
        }
    }

    private static void copyQuantized(Lattice l, FileChannel in, OutputStream out, long rows, Workers<Object> workers,
                                      java.util.function.LongConsumer progress) throws IOException {
        long written = 0;
        int n = l.dimension();
        int depth = 2 * workers.threads();
        int chunk = (int) Math.max(1, Math.min(CHUNK_ROWS, BYTES_IN_FLIGHT / (8L * n) / depth));
        Workers<Object>.Pipeline<byte[]> pipeline = workers.pipeline(depth);
        long read = 0;
        while (read < rows || !pipeline.isEmpty()) {
            while (read < rows && !pipeline.full()) {
                int count = (int) Math.min(chunk, rows - read);
                double[] xs = readRows(in, count, n, read);
                pipeline.submit(state -> {
                    double[] qs = new double[count * n];
                    quantizeRows(l, xs, qs, count);
                    ByteBuffer b = ByteBuffer.allocate(count * n * 8).order(ByteOrder.LITTLE_ENDIAN);
                    b.asDoubleBuffer().put(qs);
                    return b.array();
                });
                read += count;
            }
            byte[] done = pipeline.takeOldest();
            out.write(done);
            written += done.length / (8L * n);
            progress.accept(written);
        }
    }

    private static double[] readRows(FileChannel in, int count, int n, long firstRow) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(count * n * 8).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (in.read(buf) < 0) {
                throw new IOException("input ended early (was it modified while reading?)");
            }
        }
        buf.flip();
        double[] xs = new double[count * n];
        buf.asDoubleBuffer().get(xs);
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new LatqException("row " + (firstRow + i / n) + " has a non-finite value (" + xs[i] + ")");
            }
        }
        return xs;
    }
}
