package io.latq.bench;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
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

import java.util.concurrent.TimeUnit;

/**
 * NSM estimation throughput in vectors per second (sampling, quantizing and accumulating), single-threaded;
 * {@code threads} runs the estimator's own worker pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NsmBenchmark {
    static final int SAMPLES = 65536;

    @Param({"E8", "D4", "Z8"})
    public String lattice;

    @Param({"1", "2"})
    public int threads;

    private NsmEstimator estimator;
    private long seed;

    @Setup
    public void setup() {
        Lattice lat = LatticeSpecs.parse(lattice);
        estimator = new NsmEstimator(lat);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public NsmResult estimate() {
        return estimator.estimate(SAMPLES, seed++, threads, null);
    }
}
