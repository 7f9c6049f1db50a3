package io.latq.bench;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Closest-point throughput: each invocation quantizes {@link #BATCH} vectors, so the reported score is vectors per
 * second. Inputs are fixed per trial (seeded) and uniform in the cube [−2s, 2s)^n with s = V^{1/n} (V the cell
 * volume), so every lattice sees the same number of cells per input whatever its scale (s = 1 for Z8 and E8; 2^1.5
 * for the integral Leech lattice, whose minimum distance is √32).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClosestPointBenchmark {
    static final int BATCH = 1024;

    @Param({"Z8", "D4", "D8", "A2", "A8", "E8", "E8^16", "D3*", "BW16", "Leech"})
    public String lattice;

    private Lattice lat;
    private double[] xs;
    private double[] out;

    @Setup
    public void setup() {
        lat = LatticeSpecs.parse(lattice);
        int n = lat.dimension();
        SplittableRandom rnd = new SplittableRandom(42);
        double s = StrictMath.pow(2.0, lat.log2Volume() / n);
        xs = new double[BATCH * n];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = s * (4 * rnd.nextDouble() - 2);
        }
        out = new double[BATCH * n];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] quantize() {
        lat.quantizeBatch(xs, out, BATCH);
        return out;
    }
}
