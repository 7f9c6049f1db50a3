package io.latq.bench;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import java.util.SplittableRandom;

/**
 * An NSM estimate that shares nothing with {@code latq nsm} but the quantizer: x uniform in the cube [0, c)^n
 * (a union of fundamental regions when c·Z^n ⊆ Λ, which is checked first) drawn with {@link SplittableRandom}
 * instead of the parallelepiped and the estimator's random streams, G = mean ‖x − Q(x)‖² / (n·V^(2/n)) with its
 * standard error. Sixteen streams split from the seed, summed in their order, so the result does not depend on the
 * thread count. docs/lattices.md uses it for the Leech lattice ({@code c = 8}).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.latq.bench.CubeNsmCheck SPEC C SAMPLES SEED}
 */
public final class CubeNsmCheck {
    private CubeNsmCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: CubeNsmCheck SPEC C SAMPLES SEED");
            System.exit(2);
        }
        Lattice lattice;
        double c;
        long samples;
        long seed;
        try {
            lattice = LatticeSpecs.parse(args[0]);
            c = Double.parseDouble(args[1]);
            samples = Long.parseLong(args[2]);
            seed = Long.parseLong(args[3]);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            System.err.println("CubeNsmCheck: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!(c > 0) || samples < 1) {
            System.err.println("CubeNsmCheck: C must be positive and SAMPLES at least 1");
            System.exit(2);
        }
        int n = lattice.dimension();
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = c;
            try {
                lattice.coordinates(e); // throws unless c·e_i is a lattice point
            } catch (IllegalArgumentException notInLattice) {
                System.err.println("CubeNsmCheck: " + c + "·e_" + i + " is not a point of " + args[0]
                        + ", so [0, c)^n is not a union of its fundamental regions");
                System.exit(1);
            }
        }
        double norm = n * StrictMath.pow(2.0, 2.0 * lattice.log2Volume() / n);
        // a fixed number of streams, summed in their order: the result does not depend on the thread count
        int streams = 16;
        double[] sum = new double[streams];
        double[] sumSq = new double[streams];
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rng = new SplittableRandom[streams];
        for (int k = 0; k < streams; k++) {
            rng[k] = root.split();
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] workers = new Thread[Runtime.getRuntime().availableProcessors()];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(() -> {
                double[] x = new double[n];
                double[] q = new double[n];
                for (int k = next.getAndIncrement(); k < streams; k = next.getAndIncrement()) {
                    long count = samples / streams + (k < samples % streams ? 1 : 0);
                    double sk = 0;
                    double s2k = 0;
                    for (long i = 0; i < count; i++) {
                        for (int j = 0; j < n; j++) {
                            x[j] = c * rng[k].nextDouble();
                        }
                        lattice.quantize(x, q);
                        double e = 0;
                        for (int j = 0; j < n; j++) {
                            double d = x[j] - q[j];
                            e += d * d;
                        }
                        double v = e / norm;
                        sk += v;
                        s2k += v * v;
                    }
                    sum[k] = sk;
                    sumSq[k] = s2k;
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double s = 0;
        double s2 = 0;
        for (int k = 0; k < streams; k++) {
            s += sum[k];
            s2 += sumSq[k];
        }
        double mean = s / samples;
        double se = Math.sqrt((s2 / samples - mean * mean) / samples);
        System.out.printf("%s  samples %d  G = %.8f  stderr %.2e%n", args[0], samples, mean, se);
    }
}
