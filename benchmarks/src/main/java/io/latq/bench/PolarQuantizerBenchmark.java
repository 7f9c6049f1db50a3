package io.latq.bench;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Polar-lattice quantizer throughput, one vector per invocation: multiply the score (vectors/s) by n to get
 * samples/s (docs/benchmarks.md does). Inputs are uniform over the cube [0, 2^r)^N that the NSM estimator samples,
 * eight fixed vectors cycled. E8^(N/8) on the same number of samples is the reference.
 *
 * <p>Spec options are separated by ';' instead of ',' (JMH splits {@code -p} values at commas), so
 * {@code -p lattice='polar:n=1024;list=32'} selects SCL-32 on the command line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PolarQuantizerBenchmark {
    private static final int VECTORS = 8;

    @Param({"polar:n=256", "polar:n=1024", "polar:n=4096", "polar:n=1024;kernel=minsum", "polar:n=256;list=8",
            "polar:n=1024;list=8", "polar:n=1024;list=32", "polar:n=1024;list=128", "E8^128"})
    public String lattice;

    private Lattice lat;
    private double[][] xs;
    private double[] out;
    private int next;

    @Setup
    public void setup() {
        lat = LatticeSpecs.parse(lattice.replace(';', ','));
        int n = lat.dimension();
        SplittableRandom rnd = new SplittableRandom(11);
        xs = new double[VECTORS][n];
        for (double[] x : xs) {
            for (int i = 0; i < n; i++) {
                x[i] = 4 * rnd.nextDouble();
            }
        }
        out = new double[n];
    }

    @Benchmark
    public double[] quantize() {
        lat.quantize(xs[next], 0, out, 0);
        next = (next + 1) % VECTORS;
        return out;
    }
}
