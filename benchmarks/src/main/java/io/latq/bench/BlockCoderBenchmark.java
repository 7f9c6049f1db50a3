package io.latq.bench;

import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.block.TransformBlockCoder;
import io.latq.ecdq.file.FileHeader;
import io.latq.ecdq.file.HeaderReader;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeDescription;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The block coder alone ({@link TransformBlockCoder#encode} and {@link TransformBlockCoder#decode} of one block of
 * 2^18 i.i.d. N(0,1) samples at MSE 0.01), under the header that {@code latq compress --level L} writes for them:
 * dither, quantizer, index, model and rANS, without the file passes, the plan choice, trial encodings or JVM start
 * that the whole-process runs include ({@code benchmarks/speed-compare.sh}). Level 1 (Z1) takes the fused per-cell
 * kernel, the others the general per-vector walk. Score: samples per microsecond (M samples/s), one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockCoderBenchmark {
    static final int SAMPLES = 1 << 18;

    @Param({"fast", "2", "default"})
    public String level;

    private TransformBlockCoder coder;
    private double[] x;
    private double[] out;
    private BlockFormat.Block block;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path dir = Files.createTempDirectory("latq-block-bench");
        try {
            Path in = dir.resolve("x.f64");
            Path lq = dir.resolve("x.lq");
            EcdqBenchmark.writeGaussian(in, SAMPLES, 1);
            EcdqCompressor.compress(in, "f64", lq, EcdqOptions.mse(0.01).withLevel(
                    io.latq.ecdq.EcdqLevel.parse(level)).withTransform("none").withSeed(1L).withThreads(1));
            FileHeader h;
            try (InputStream s = Files.newInputStream(lq)) {
                h = (FileHeader) HeaderReader.read(s, Files.size(lq));
            }
            byte[] d = h.lattice();
            Lattice lattice = LatticeDescription.fromBytes(d, 0, d.length).build();
            coder = new TransformBlockCoder(lattice, TriangularBasis.of(lattice.generator()), h);
            int count = (int) h.plan().samplesInBlock(0);
            if (count != SAMPLES) { // the score counts SAMPLES per operation
                throw new IllegalStateException("block 0 holds " + count + " samples, not " + SAMPLES);
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(in)).order(ByteOrder.LITTLE_ENDIAN);
            x = new double[count];
            for (int i = 0; i < count; i++) {
                x[i] = b.getDouble();
            }
            out = new double[count];
            byte[] bytes = coder.encode(0, x, count, 0, null).bytes();
            block = BlockFormat.read(new ByteArrayInputStream(bytes), 0, count, h.plan().cellsPerBlock(),
                    bytes.length, bytes.length, h.fileId());
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int encode() throws IOException {
        return coder.encode(0, x, x.length, 0, null).bytes().length;
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double[] decode() throws IOException {
        coder.decode(block, out);
        return out;
    }
}
