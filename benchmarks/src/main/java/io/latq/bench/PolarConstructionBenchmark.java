package io.latq.bench;

import io.latq.polar.construct.BitChannelReliabilities;
import io.latq.polar.construct.GaussianApproximationConstruction;
import io.latq.polar.construct.TalVardyConstruction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Time to construct all N bit-channel reliabilities on BI-AWGN (σ for rate ½ at Eb/N0 = 2 dB). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PolarConstructionBenchmark {
    private static final double SIGMA = Math.sqrt(1.0 / (2 * 0.5 * Math.pow(10, 0.2)));

    @Param({"1024", "16384"})
    public int n;

    @Benchmark
    public BitChannelReliabilities gaussianApproximation() {
        return new GaussianApproximationConstruction(SIGMA).construct(n);
    }

    @Benchmark
    public BitChannelReliabilities talVardy() {
        return TalVardyConstruction.forBiAwgn(SIGMA, TalVardyConstruction.DEFAULT_MU).construct(n);
    }
}
