package io.latq.bench;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Same-run timing of several lattice quantizers (not JMH): every round quantizes the same 8 vectors
 * ({@link PolarQuantizerBenchmark}'s inputs) with each lattice in turn, about 5 ms per turn, and each lattice keeps its
 * fastest round, so a load that moves during the run affects all of them alike. Prints µs per vector and the ratio to
 * the first lattice. The ratios in docs/benchmarks.md ("List quantizer") come from this:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.latq.bench.InterleavedQuantizerTiming 120 \
 *   polar:n=1024 polar:n=1024,list=8 polar:n=1024,list=32 polar:n=1024,list=128
 * </pre>
 */
public final class InterleavedQuantizerTiming {

    private static final int VECTORS = 8;
    /** Rounds before the fastest round counts (JIT warm-up). */
    private static final int WARMUP_ROUNDS = 5;

    private InterleavedQuantizerTiming() {
    }

    /**
     * Runs the timing.
     *
     * @param args seconds, then one lattice spec per argument (all of one dimension)
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: InterleavedQuantizerTiming SECONDS SPEC [SPEC ...]");
            System.exit(2);
        }
        double seconds = Double.parseDouble(args[0]);
        String[] specs = Arrays.copyOfRange(args, 1, args.length);
        Lattice[] lattices = new Lattice[specs.length];
        for (int i = 0; i < specs.length; i++) {
            lattices[i] = LatticeSpecs.parse(specs[i]);
        }
        int n = lattices[0].dimension();
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] xs = new double[VECTORS][n];
        for (double[] x : xs) {
            for (int j = 0; j < n; j++) {
                x[j] = 4 * rnd.nextDouble();
            }
        }
        double[] out = new double[n];
        double[] best = new double[specs.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        double sink = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int rounds = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < specs.length; i++) {
                double guess = best[i] == Double.POSITIVE_INFINITY ? 1e6 : best[i];
                int reps = (int) Math.max(1, Math.min(200, 5e6 / guess / VECTORS));
                long t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    for (double[] x : xs) {
                        lattices[i].quantize(x, 0, out, 0);
                        sink += out[0];
                    }
                }
                double perVector = (System.nanoTime() - t0) / (double) (reps * VECTORS);
                if (rounds >= WARMUP_ROUNDS || best[i] == Double.POSITIVE_INFINITY) {
                    best[i] = Math.min(best[i], perVector);
                }
            }
            rounds++;
            if (rounds == WARMUP_ROUNDS) {
                Arrays.fill(best, Double.POSITIVE_INFINITY);
            }
        }
        System.out.printf("%d rounds (checksum %.1f)%n", rounds, sink);
        for (int i = 0; i < specs.length; i++) {
            System.out.printf("%-28s %10.1f us/vector  %6.2f x %s%n", specs[i], best[i] / 1e3, best[i] / best[0],
                    specs[0]);
        }
    }
}
