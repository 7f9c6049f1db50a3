package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.dither.CounterDither;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.CellDesign;
import io.latq.ecdq.quantizer.EcdqDesign;
import io.latq.lattice.LatticeSpecs;
import io.latq.polarlattice.PolarLattice;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measurement harness (not a test): i.i.d. N(0,1) samples through one ECDQ cell (v = 1, θ = D) of the default lattice,
 * coded with {@link PolarLatticePointCoder} and {@link SuccessiveGaussianPointCoder}, both really rANS-coded (payload
 * bytes·8/samples, one stream per 64 vectors as a block would be), against R(D) = ½log2(1/D).
 *
 * <p>Run: {@code java -cp <ecdq test+main classpath> io.latq.ecdq.entropy.PolarCoderRateStudy [log2Samples] [spec]}.
 */
public final class PolarCoderRateStudy {
    private static final int VECTORS_PER_STREAM = 64;

    private PolarCoderRateStudy() {
    }

    public static void main(String[] args) throws LatqFormatException {
        int log2Samples = args.length > 0 ? Integer.parseInt(args[0]) : 18;
        String spec = args.length > 1 ? args[1] : "polar:n=1024";
        double[] ds = args.length > 4 ? Arrays.stream(args[4].split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0.75, 0.40, 0.10, 0.01};
        double[] ws = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0.25, 0.5, 1.0};
        if (args.length > 3 && args[3].equals("scan")) {
            scan(log2Samples, spec, ds, ws);
            return;
        }
        PolarLattice lattice = (PolarLattice) LatticeSpecs.parse(spec);
        int n = lattice.dimension();
        TriangularBasis basis = TriangularBasis.of(lattice.generator());
        double nsm = EcdqDesign.latticeNsm(lattice, spec, 1);
        double sigma0Sq = CellDesign.unscaledNoise(nsm, lattice.log2Volume(), n);
        int samples = 1 << log2Samples;
        int vectors = samples / n;
        double[] x = new double[samples];
        SplittableRandom rnd = new SplittableRandom(20261206L);
        for (int i = 0; i < samples; i += 2) {
            double r = StrictMath.sqrt(-2 * StrictMath.log(1 - rnd.nextDouble()));
            double t = 2 * Math.PI * rnd.nextDouble();
            x[i] = r * StrictMath.cos(t);
            x[i + 1] = r * StrictMath.sin(t);
        }
        System.out.printf(Locale.ROOT, "# %s N=%d nsm=%.6f sigma0^2=%.6f samples=%d%n", spec, n, nsm, sigma0Sq,
                samples);
        System.out.println("D,w,R(D),polar_bps,polar_ideal_bps,successive_bps,mse,levels_bps,coarse_bps");
        double[] scales = null;
        // "rule": coarse spread κ_c·s per coordinate with ρ = σ_x²/s² (σ_x² = σ0²·(v − θ)/θ, the cell's source
        // part) and κ_c = ρ² + 0.2·(1 − ρ), a fit to the scan; "rho": κ_c = ρ
        boolean rule = args.length > 3 && (args[3].equals("rule") || args[3].equals("rho"));
        boolean rho = rule && args[3].equals("rho");
        if (args.length > 3 && !rule) {
            scales = Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        PolarLatticePointCoder polar = new PolarLatticePointCoder(lattice.design(), basis, scales);
        System.out.println("# noise scales " + Arrays.toString(scales));
        CounterDither dither = new CounterDither(7);
        double[] u = new double[n];
        double[] z = new double[n];
        double[] q = new double[n];
        double[] work = new double[2 * n];
        double[] spreads = new double[n];
        long[][] a = new long[vectors][n];
        long[] back = new long[n];
        double[][] us = new double[vectors][n];
        for (double d : ds) {
            for (double w : ws) {
                CellDesign cell = CellDesign.of(1.0, d, sigma0Sq, w);
                Arrays.fill(spreads, cell.spread());
                double[] coarse = null;
                if (rule) {
                    coarse = new double[n];
                    double r2 = sigma0Sq * (1 - d) / d / (cell.spread() * cell.spread());
                    Arrays.fill(coarse, cell.spread() * (rho ? r2 : r2 * r2 + 0.2 * (1 - r2)));
                }
                double sse = 0;
                for (int v = 0; v < vectors; v++) {
                    dither.position(0, v);
                    lattice.sampleFundamentalRegion(dither, u, 0);
                    for (int k = 0; k < n; k++) {
                        z[k] = x[v * n + k] / cell.step() + u[k];
                    }
                    lattice.quantize(z, 0, q, 0);
                    basis.coordinates(q, 0, work, a[v]);
                    System.arraycopy(u, 0, us[v], 0, n);
                    for (int k = 0; k < n; k++) {
                        double e = cell.gain() * (q[k] - u[k]) - x[v * n + k];
                        sse += e * e;
                    }
                }
                SuccessiveGaussianPointCoder successive = new SuccessiveGaussianPointCoder(basis, cell.spread(), true);
                long polarBytes = 0;
                long succBytes = 0;
                double ideal = 0;
                RansEncoder enc = new RansEncoder();
                RansDecoder dec = new RansDecoder();
                for (int v0 = 0; v0 < vectors; v0 += VECTORS_PER_STREAM) {
                    int v1 = Math.min(vectors, v0 + VECTORS_PER_STREAM);
                    enc.reset();
                    for (int v = v0; v < v1; v++) {
                        polar.encode(a[v], us[v], spreads, coarse, enc);
                        ideal += polar.log2Cost(a[v], us[v], spreads);
                    }
                    int len = enc.finish();
                    polarBytes += len;
                    byte[] buf = Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
                    dec.reset(buf, 0, len);
                    for (int v = v0; v < v1; v++) {
                        polar.decode(us[v], spreads, coarse, dec, back);
                        if (!Arrays.equals(back, a[v])) {
                            throw new IllegalStateException("round trip failed at vector " + v);
                        }
                    }
                    dec.finish();
                    enc.reset();
                    for (int v = v0; v < v1; v++) {
                        successive.encode(a[v], us[v], spreads, enc);
                    }
                    successive.flush(enc);
                    succBytes += enc.finish();
                }
                double levelsBits = 0;
                double total = 0;
                double[] parts = new double[lattice.levels() + 1];
                for (int v = 0; v < Math.min(vectors, 16); v++) {
                    polar.log2Costs(a[v], us[v], spreads, parts);
                    for (int i = 0; i < parts.length; i++) {
                        total += parts[i];
                        levelsBits += i < parts.length - 1 ? parts[i] : 0;
                    }
                }
                double frac = levelsBits / total;
                double polarBps = polarBytes * 8.0 / samples;
                System.out.printf(Locale.ROOT, "%.2f,%.2f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f%n", d, w,
                        0.5 * StrictMath.log(1 / d) / StrictMath.log(2), polarBps, ideal / samples,
                        succBytes * 8.0 / samples, sse / samples, polarBps * frac, polarBps * (1 - frac));
            }
        }
    }
    /**
     * Fits the per-stage noise scales κ: the model cost of each stage depends only on its own κ (the earlier stages
     * are given), so one scan over a common κ gives every stage's curve. Prints the cost per stage and κ.
     */
    static void scan(int log2Samples, String spec, double[] ds, double[] ws) {
        double[] kappas = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5};
        PolarLattice lattice = (PolarLattice) LatticeSpecs.parse(spec);
        int n = lattice.dimension();
        int r = lattice.levels();
        TriangularBasis basis = TriangularBasis.of(lattice.generator());
        double nsm = EcdqDesign.latticeNsm(lattice, spec, 1);
        double sigma0Sq = CellDesign.unscaledNoise(nsm, lattice.log2Volume(), n);
        int samples = 1 << log2Samples;
        int vectors = samples / n;
        SplittableRandom rnd = new SplittableRandom(20261207L);
        double[] x = new double[samples];
        for (int i = 0; i < samples; i++) {
            double rr = StrictMath.sqrt(-2 * StrictMath.log(1 - rnd.nextDouble()));
            x[i] = rr * StrictMath.cos(2 * Math.PI * rnd.nextDouble());
        }
        CounterDither dither = new CounterDither(8);
        double[] z = new double[n];
        double[] q = new double[n];
        double[] work = new double[2 * n];
        double[] spreads = new double[n];
        long[][] a = new long[vectors][n];
        double[][] us = new double[vectors][n];
        double[] parts = new double[r + 1];
        System.out.println("D,w,kappa,stage_bps...");
        for (double d : ds) {
            for (double w : ws) {
                CellDesign cell = CellDesign.of(1.0, d, sigma0Sq, w);
                Arrays.fill(spreads, cell.spread());
                for (int v = 0; v < vectors; v++) {
                    dither.position(0, v);
                    lattice.sampleFundamentalRegion(dither, us[v], 0);
                    for (int k = 0; k < n; k++) {
                        z[k] = x[v * n + k] / cell.step() + us[v][k];
                    }
                    lattice.quantize(z, 0, q, 0);
                    basis.coordinates(q, 0, work, a[v]);
                }
                for (double kappa : kappas) {
                    double[] sc = new double[r + 1];
                    Arrays.fill(sc, kappa);
                    PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice.design(), basis, sc);
                    double[] sum = new double[r + 1];
                    for (int v = 0; v < vectors; v++) {
                        coder.log2Costs(a[v], us[v], spreads, parts);
                        for (int i = 0; i <= r; i++) {
                            sum[i] += parts[i];
                        }
                    }
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.2f,%.2f,%.2f", d, w, kappa));
                    for (int i = 0; i <= r; i++) {
                        line.append(String.format(Locale.ROOT, ",%.5f", sum[i] / samples));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
