package io.latq.bench;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.dither.CounterDither;
import io.latq.ecdq.entropy.PolarLatticePointCoder;
import io.latq.ecdq.entropy.RansDecoder;
import io.latq.ecdq.entropy.RansEncoder;
import io.latq.ecdq.entropy.SuccessiveGaussianPointCoder;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.CellDesign;
import io.latq.lattice.LatticeSpecs;
import io.latq.polarlattice.PolarLattice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Entropy coding of polar-lattice points: {@link PolarLatticePointCoder} (soft SC per level + coarse part) against
 * {@link SuccessiveGaussianPointCoder}, encode and decode, on points of {@code polar:n=1024} made as the ECDQ coder
 * makes them (one cell, v = 1, θ = D, w = 1, σ0² = 0.317228, the value the compressor estimates for this lattice).
 * The score is vectors (of N = 1024 samples) per second; {@value #VECTORS} vectors per operation, quantized once in
 * the setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PolarPointCoderBenchmark {
    private static final int VECTORS = 16;
    private static final double SIGMA0_SQ = 0.317228;

    @Param({"0.4", "0.01"})
    public double mse;

    private PolarLatticePointCoder polar;
    private SuccessiveGaussianPointCoder successive;
    private long[][] a;
    private double[][] u;
    private double[] spreads;
    private long[] back;
    private final RansEncoder enc = new RansEncoder();
    private final RansDecoder dec = new RansDecoder();
    private byte[] polarBytes;
    private byte[] successiveBytes;

    @Setup
    public void setup() throws LatqFormatException {
        PolarLattice lattice = (PolarLattice) LatticeSpecs.parse("polar:n=1024");
        int n = lattice.dimension();
        TriangularBasis basis = TriangularBasis.of(lattice.generator());
        CellDesign cell = CellDesign.of(1.0, mse, SIGMA0_SQ, 1.0);
        polar = new PolarLatticePointCoder(lattice, basis);
        successive = new SuccessiveGaussianPointCoder(basis, cell.spread(), true);
        spreads = new double[n];
        Arrays.fill(spreads, cell.spread());
        a = new long[VECTORS][n];
        u = new double[VECTORS][n];
        back = new long[n];
        SplittableRandom rnd = new SplittableRandom(3);
        CounterDither dither = new CounterDither(5);
        double[] z = new double[n];
        double[] q = new double[n];
        double[] work = new double[2 * n];
        for (int v = 0; v < VECTORS; v++) {
            dither.position(0, v);
            lattice.sampleFundamentalRegion(dither, u[v], 0);
            for (int k = 0; k < n; k++) {
                double g = StrictMath.sqrt(-2 * StrictMath.log(1 - rnd.nextDouble()))
                        * StrictMath.cos(2 * Math.PI * rnd.nextDouble());
                z[k] = g / cell.step() + u[v][k];
            }
            lattice.quantize(z, 0, q, 0);
            basis.coordinates(q, 0, work, a[v]);
        }
        polarBytes = encodePolar();
        successiveBytes = encodeSuccessive();
    }

    private byte[] encodePolar() {
        enc.reset();
        for (int v = 0; v < VECTORS; v++) {
            polar.encode(a[v], u[v], spreads, enc);
        }
        int len = enc.finish();
        return Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
    }

    private byte[] encodeSuccessive() {
        enc.reset();
        for (int v = 0; v < VECTORS; v++) {
            successive.encode(a[v], u[v], spreads, enc);
        }
        successive.flush(enc);
        int len = enc.finish();
        return Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public int polarEncode() {
        enc.reset();
        for (int v = 0; v < VECTORS; v++) {
            polar.encode(a[v], u[v], spreads, enc);
        }
        return enc.finish();
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public long polarDecode() throws LatqFormatException {
        dec.reset(polarBytes, 0, polarBytes.length);
        long sum = 0;
        for (int v = 0; v < VECTORS; v++) {
            polar.decode(u[v], spreads, dec, back);
            sum += back[v];
        }
        dec.finish();
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public int successiveEncode() {
        enc.reset();
        for (int v = 0; v < VECTORS; v++) {
            successive.encode(a[v], u[v], spreads, enc);
        }
        successive.flush(enc);
        return enc.finish();
    }

    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public long successiveDecode() throws LatqFormatException {
        dec.reset(successiveBytes, 0, successiveBytes.length);
        long sum = 0;
        for (int v = 0; v < VECTORS; v++) {
            successive.decode(u[v], spreads, dec, back);
            sum += back[v];
        }
        dec.finish();
        return sum;
    }
}
