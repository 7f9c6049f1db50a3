package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.dither.CounterDither;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.CellDesign;
import io.latq.lattice.LatticeSpecs;
import io.latq.polarlattice.PolarLattice;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throughput harness (not a test) for a loaded machine: single-thread <em>CPU time</em> per vector
 * (ThreadMXBean), so time slices lost to other processes do not count; best of several rounds after warm-up. The
 * JMH benchmark {@code PolarPointCoderBenchmark} measures the same work in wall time.
 */
public final class PolarCoderCpuTime {
    private static final int VECTORS = 64;
    private static final int ROUNDS = 15;

    private PolarCoderCpuTime() {
    }

    public static void main(String[] args) throws LatqFormatException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        PolarLattice lattice = (PolarLattice) LatticeSpecs.parse("polar:n=1024");
        int n = lattice.dimension();
        TriangularBasis basis = TriangularBasis.of(lattice.generator());
        System.out.println("D,coder,encode_vectors_per_cpu_s,decode_vectors_per_cpu_s");
        for (double d : new double[] {0.75, 0.4, 0.1, 0.01}) {
            CellDesign cell = CellDesign.of(1.0, d, 0.317228, 1.0);
            double[] spreads = new double[n];
            Arrays.fill(spreads, cell.spread());
            long[][] a = new long[VECTORS][n];
            double[][] u = new double[VECTORS][n];
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
            PolarLatticePointCoder polar = new PolarLatticePointCoder(lattice, basis);
            SuccessiveGaussianPointCoder successive = new SuccessiveGaussianPointCoder(basis, cell.spread(), true);
            for (int coder = 0; coder < 2; coder++) {
                RansEncoder enc = new RansEncoder();
                RansDecoder dec = new RansDecoder();
                long[] back = new long[n];
                long bestEnc = Long.MAX_VALUE;
                long bestDec = Long.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    enc.reset();
                    for (int v = 0; v < VECTORS; v++) {
                        if (coder == 0) {
                            polar.encode(a[v], u[v], spreads, enc);
                        } else {
                            successive.encode(a[v], u[v], spreads, enc);
                        }
                    }
                    if (coder == 1) {
                        successive.flush(enc);
                    }
                    int len = enc.finish();
                    long t1 = bean.getCurrentThreadCpuTime();
                    byte[] bytes = Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
                    long t2 = bean.getCurrentThreadCpuTime();
                    dec.reset(bytes, 0, len);
                    for (int v = 0; v < VECTORS; v++) {
                        if (coder == 0) {
                            polar.decode(u[v], spreads, dec, back);
                        } else {
                            successive.decode(u[v], spreads, dec, back);
                        }
                    }
                    dec.finish();
                    long t3 = bean.getCurrentThreadCpuTime();
                    if (!Arrays.equals(back, a[VECTORS - 1])) {
                        throw new IllegalStateException("round trip failed");
                    }
                    if (round >= 5) {
                        bestEnc = Math.min(bestEnc, t1 - t0);
                        bestDec = Math.min(bestDec, t3 - t2);
                    }
                }
                System.out.printf(Locale.ROOT, "%.2f,%s,%.0f,%.0f%n", d, coder == 0 ? "polar" : "successive",
                        VECTORS * 1e9 / bestEnc, VECTORS * 1e9 / bestDec);
            }
        }
    }
}
