package io.latq.bench;

import io.latq.polar.PolarTransform;
import io.latq.polar.construct.GaussianApproximationConstruction;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.decode.PolarDecoder;
import io.latq.polar.decode.PolarDecoders;
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
 * Polar decoding throughput. The score is frames per second; multiply by K to get information bits per second
 * (docs/benchmarks.md does). Frames are BPSK over AWGN at Eb/N0 = 2 dB with random information bits, drawn once per
 * trial and cycled, with a GA construction at the same SNR.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolarDecoderBenchmark {
    private static final int FRAMES = 64;

    @Param({"1024:512", "2048:1723"})
    public String code;

    @Param({"sc", "fast-ssc", "scl:8", "scl:32"})
    public String decoder;

    @Param({"MIN_SUM"})
    public String rule;

    private PolarDecoder dec;
    private double[][] llrs;
    private byte[] u;
    private byte[] x;
    private int next;

    @Setup
    public void setup() {
        String[] nk = code.split(":");
        int n = Integer.parseInt(nk[0]);
        int k = Integer.parseInt(nk[1]);
        double rate = (double) k / n;
        double sigma = Math.sqrt(1.0 / (2 * rate * Math.pow(10, 2.0 / 10)));
        boolean[] frozen = new GaussianApproximationConstruction(sigma).construct(n).frozenMask(k);
        dec = PolarDecoders.create(decoder, frozen, CheckNodeKernel.valueOf(rule), null);
        SplittableRandom rnd = new SplittableRandom(7);
        llrs = new double[FRAMES][n];
        byte[] msg = new byte[n];
        for (double[] llr : llrs) {
            for (int i = 0; i < n; i++) {
                msg[i] = frozen[i] ? 0 : (byte) rnd.nextInt(2);
            }
            PolarTransform.transformGf2(msg);
            for (int i = 0; i < n; i++) {
                double y = (1 - 2 * msg[i]) + sigma * gaussian(rnd);
                llr[i] = 2 * y / (sigma * sigma);
            }
        }
        u = new byte[n];
        x = new byte[n];
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Benchmark
    public double decode() {
        double m = dec.decode(llrs[next], u, x);
        next = (next + 1) % FRAMES;
        return m;
    }
}
