package io.latq.cli;

import io.latq.common.output.AtomicOutput;
import io.latq.common.LatqException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code latq quantize}: quantizes the rows of a raw little-endian float64 file (one row per n-vector) with any
 * lattice's quantizer and writes the lattice points in the same format, atomically.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = {"Quantize the rows of a raw little-endian float64 file (one row = one n-vector) to the",
                "lattice points Q(x), written in the same format. Works for any lattice spec."})
final class QuantizeCommand implements Callable<Integer> {

    /** Rows per chunk: bounded memory for files of any length. */
    static final int CHUNK_ROWS = 4096;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lattice", required = true, paramLabel = "SPEC",
            description = "Lattice spec: E8, D4, Z16, polar:n=1024, polar:file=design.json,list=8, "
                    + "gen:file=rows.txt, ...")
    String lattice;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Input rows (float64 LE).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output rows (float64 LE).")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). The output does not depend on it.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + t);
        }
        Lattice l = LatticeSpecs.parse(lattice);
        int n = l.dimension();
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
        ExecutorService pool = t > 1 ? Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "latq-quantize");
            th.setDaemon(true);
            return th;
        }) : null;
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ);
             AtomicOutput out = AtomicOutput.create(output, force)) {
            copyQuantized(l, in, Channels.newChannel(out.stream()), rows, pool, t);
            out.commit();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        spec.commandLine().getErr().flush();
        return 0;
    }

    private static void copyQuantized(Lattice l, FileChannel in, WritableByteChannel out, long rows,
                                      ExecutorService pool, int threads) throws IOException {
        int n = l.dimension();
        int chunk = (int) Math.max(1, Math.min(CHUNK_ROWS, Math.max(1, (1 << 24) / (8L * n))));
        ByteBuffer buf = ByteBuffer.allocate(chunk * n * 8).order(ByteOrder.LITTLE_ENDIAN);
        double[] xs = new double[chunk * n];
        double[] qs = new double[chunk * n];
        long done = 0;
        while (done < rows) {
            int count = (int) Math.min(chunk, rows - done);
            buf.clear().limit(count * n * 8);
            while (buf.hasRemaining()) {
                if (in.read(buf) < 0) {
                    throw new IOException("input ended early (was it modified while reading?)");
                }
            }
            buf.flip();
            buf.asDoubleBuffer().get(xs, 0, count * n);
            for (int i = 0; i < count * n; i++) {
                if (!Double.isFinite(xs[i])) {
                    throw new LatqException("row " + (done + i / n) + " has a non-finite value (" + xs[i] + ")");
                }
            }
            quantizeRows(l, xs, qs, count, pool, threads);
            buf.clear().limit(count * n * 8);
            buf.asDoubleBuffer().put(qs, 0, count * n);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            done += count;
        }
    }

    /** Rows are split into contiguous parts, one per thread; each row's result does not depend on the split. */
    private static void quantizeRows(Lattice l, double[] xs, double[] qs, int count, ExecutorService pool,
                                     int threads) throws IOException {
        int n = l.dimension();
        if (pool == null || count < 2 * threads) {
            for (int r = 0; r < count; r++) {
                l.quantize(xs, r * n, qs, r * n);
            }
            return;
        }
        List<Future<?>> parts = new ArrayList<>();
        int per = (count + threads - 1) / threads;
        for (int from = 0; from < count; from += per) {
            int a = from;
            int b = Math.min(count, from + per);
            parts.add(pool.submit(() -> {
                for (int r = a; r < b; r++) {
                    l.quantize(xs, r * n, qs, r * n);
                }
            }));
        }
        try {
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }
}
