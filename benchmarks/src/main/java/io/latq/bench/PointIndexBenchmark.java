package io.latq.bench;

import io.latq.ecdq.index.TriangularBasis;
import io.latq.lattice.LatticeSpecs;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lattice-point index of the ECDQ coder for a polar lattice ({@link TriangularBasis}): point a·B, coordinates
 * of a point, and the successive coder's offsets in coding order, with the Kronecker butterflies
 * ({@code kronecker = true}, O(n log n)) and with the general sparse loops (3^m nonzeros). Both give the same
 * doubles. Score: points per second; samples/s = score × n.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PointIndexBenchmark {

    @Param({"polar:n=1024"})
    public String lattice;

    @Param({"true", "false"})
    public boolean kronecker;

    private TriangularBasis basis;
    private long[] a;
    private double[] point;
    private double[] work;
    private long[] coords;
    private double[] acc;
    private double[] beta;

    @Setup(Level.Trial)
    public void setup() {
        basis = TriangularBasis.of(LatticeSpecs.parse(lattice).generator(), kronecker);
        int n = basis.dimension();
        a = new long[n];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            a[i] = r.nextLong(-20, 21);
        }
        point = new double[n];
        work = new double[2 * n];
        coords = new long[n];
        acc = new double[n];
        beta = new double[n];
        basis.point(a, point, 0);
    }

    @Benchmark
    public double[] point() {
        basis.point(a, point, 0);
        return point;
    }

    @Benchmark
    public long[] coordinates() {
        basis.coordinates(point, 0, work, coords);
        return coords;
    }

    @Benchmark
    public double[] offsetsInCodingOrder() {
        java.util.Arrays.fill(acc, 0.0);
        boolean fast = true;
        for (int j = a.length - 1; j >= 0; j--) {
            fast = basis.pushOffsetsInOrder(j, a, acc, beta, fast);
        }
        return acc;
    }
}
