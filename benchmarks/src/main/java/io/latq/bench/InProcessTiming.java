package io.latq.bench;

import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqLevel;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.block.TransformBlockCoder;
import io.latq.ecdq.file.FileHeader;
import io.latq.ecdq.file.HeaderReader;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeDescription;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * In-process timings on one thread, for A/B comparisons of two builds run alternately (the JMH benchmarks are the
 * figures of record; this times the same public calls on a user's own large file, warm, best of N):
 * <ul>
 *   <li>{@code decompress LQ N}: {@code EcdqDecompressor.decompress} of LQ, N times; prints each time and the
 *       best;</li>
 *   <li>{@code compress F64 LEVEL N}: {@code EcdqCompressor.compress} at {@code --mse 0.01 --seed 1};</li>
 *   <li>{@code encode-blocks LQ F64 BLOCKS N}: {@link TransformBlockCoder#encode} of the first BLOCKS blocks of the
 *       raw float64 file F64 under LQ's header, in ns per sample (the coder alone, as {@link BlockCoderBenchmark}
 *       but on any file).</li>
 * </ul>
 * It uses only public API, so it can be compiled against an older build's CLI jar for the "before" of a comparison:
 * {@code javac -cp latq.jar -d t InProcessTiming.java && java -cp latq.jar:t io.latq.bench.InProcessTiming ...}.
 */
public final class InProcessTiming {
    private InProcessTiming() {
    }

    public static void main(String[] a) throws Exception {
        if (a.length < 3) {
            System.err.println("usage: InProcessTiming decompress LQ N | compress F64 LEVEL N"
                    + " | encode-blocks LQ F64 BLOCKS N");
            System.exit(2);
        }
        Path out = Files.createTempFile("latq-timing", ".out");
        String error = null;
        try {
            run(a, out);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.io.IOException e) {
            error = e.getMessage();
        } finally {
            Files.deleteIfExists(out);
        }
        if (error != null) { // one line, after the temporary file is gone
            System.err.println("InProcessTiming: " + error);
            System.exit(2);
        }
    }

    private static void run(String[] a, Path out) throws Exception {
        switch (a[0]) {
            case "decompress" -> best(Integer.parseInt(a[2]), () -> EcdqDecompressor.decompress(Path.of(a[1]), out,
                    EcdqDecompressor.Options.defaults().withForce(true).withThreads(1)));
            case "compress" -> best(Integer.parseInt(a[3]), () -> EcdqCompressor.compress(Path.of(a[1]), null, out,
                    EcdqOptions.mse(0.01).withForce(true).withThreads(1).withLevel(EcdqLevel.parse(a[2]))
                            .withSeed(1L)));
            case "encode-blocks" -> encodeBlocks(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]),
                    Integer.parseInt(a[4]));
            default -> throw new IllegalArgumentException("unknown mode " + a[0]);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static void best(int reps, Run run) throws Exception {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            run.run();
            double s = (System.nanoTime() - t0) * 1e-9;
            best = Math.min(best, s);
            System.out.printf("%.3f ", s);
        }
        System.out.printf("best %.3f s%n", best);
    }

    private static void encodeBlocks(Path lq, Path raw, int maxBlocks, int reps) throws Exception {
        FileHeader h;
        try (InputStream in = Files.newInputStream(lq)) {
            h = (FileHeader) HeaderReader.read(in, Files.size(lq));
        }
        byte[] d = h.lattice();
        Lattice lattice = LatticeDescription.fromBytes(d, 0, d.length).build();
        TransformBlockCoder coder = new TransformBlockCoder(lattice, TriangularBasis.of(lattice.generator()), h);
        int blocks = (int) Math.min(h.plan().blockCount(), maxBlocks);
        double[][] data = new double[blocks][];
        long total = 0;
        try (InputStream in = Files.newInputStream(raw)) {
            for (int b = 0; b < blocks; b++) {
                int count = (int) h.plan().samplesInBlock(b);
                ByteBuffer bb = ByteBuffer.wrap(in.readNBytes(8 * count)).order(ByteOrder.LITTLE_ENDIAN);
                data[b] = new double[count];
                bb.asDoubleBuffer().get(data[b]);
                total += count;
            }
        }
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            long bytes = 0;
            for (int b = 0; b < blocks; b++) {
                bytes += coder.encode(b, data[b], data[b].length, 0, null).bytes().length;
            }
            System.out.printf("%.1f ns/sample (%d bytes)%n", (System.nanoTime() - t0) / (double) total, bytes);
        }
    }
}
