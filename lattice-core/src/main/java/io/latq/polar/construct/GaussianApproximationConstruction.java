package io.latq.polar.construct;

import io.latq.polar.PolarTransform;
import org.apache.commons.math3.special.Erf;

/**
 * Gaussian approximation (Trifonov, "Efficient design and decoding of polar codes", IEEE Trans. Commun. 2012) for
 * BI-AWGN: every bit-channel LLR is modelled as N(m, 2m). Starting from m = 2/σ², the minus child has mean
 * φ^{−1}(1 − (1 − φ(m))²) and the plus child 2m; children of j are 2j (minus) and 2j+1 (plus), so the last
 * step is the LSB of t (natural order).
 *
 * <p>φ is the approximation of Chung, Richardson &amp; Urbanke (IEEE Trans. IT 2001):
 * φ(x) = exp(−0.4527·x^0.86 + 0.0218) for x ≤ 10 and sqrt(π/x)·exp(−x/4)·(1 − 10/(7x)) above, clamped to φ ≤ 1.
 * All of it is evaluated in the log domain (log φ and its inverse by safeguarded Newton), so means of tens of
 * thousands do not underflow.
 *
 * <p>Reported: reliability = m_t, error estimate Q(sqrt(m_t/2)).
 */
public final class GaussianApproximationConstruction implements FrozenSetConstruction {

    private static final double A = 0.4527;
    private static final double B = 0.86;
    private static final double C = 0.0218;
    private static final double X0 = 10.0;
    private static final double LOG_PHI_X0 = -A * StrictMath.pow(X0, B) + C;

    private final double sigma;

    /** @param sigma noise standard deviation of BPSK (±1) over AWGN, &gt; 0 */
    public GaussianApproximationConstruction(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive finite number, got " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    public String name() {
        return "ga";
    }

    @Override
    public BitChannelReliabilities construct(int n) {
        int m = PolarTransform.log2(n);
        double[] mean = new double[n];
        double[] next = new double[n];
        mean[0] = 2.0 / (sigma * sigma);
        for (int step = 0, count = 1; step < m; step++, count <<= 1) {
            for (int j = 0; j < count; j++) {
                next[2 * j] = minusMean(mean[j]);
                next[2 * j + 1] = 2.0 * mean[j];
            }
            System.arraycopy(next, 0, mean, 0, 2 * count);
        }
        double[] pe = new double[n];
        for (int t = 0; t < n; t++) {
            pe[t] = 0.5 * Erf.erfc(StrictMath.sqrt(mean[t]) / 2.0); // Q(sqrt(m/2))
        }
        return new BitChannelReliabilities(name(), mean, pe, null, null, null, null, null);
    }

    /** φ^{−1}(1 − (1 − φ(m))²), using 1 − (1 − p)² = p(2 − p) to keep precision for small p. */
    static double minusMean(double m) {
        double lp = logPhi(m);
        double p = StrictMath.exp(lp);
        return inverseLogPhi(lp + StrictMath.log(2.0 - p));
    }

    /** log φ(x), with φ clamped to ≤ 1 (φ(0) = 1). */
    static double logPhi(double x) {
        if (x <= X0) {
            return Math.min(0.0, -A * StrictMath.pow(x, B) + C);
        }
        return 0.5 * StrictMath.log(Math.PI / x) - 0.25 * x + StrictMath.log1p(-10.0 / (7.0 * x));
    }

    /** The x with log φ(x) = target: closed form on the first branch, Newton with bisection fallback beyond 10. */
    static double inverseLogPhi(double target) {
        if (target >= 0) {
            return 0.0;
        }
        if (target >= LOG_PHI_X0) {
            return StrictMath.pow((C - target) / A, 1.0 / B);
        }
        double lo = X0;
        double hi = Math.max(2 * X0, -8.0 * target + 40.0); // log φ(x) ≤ −x/4 + const, so the root is below this
        double x = Math.min(Math.max(-4.0 * target, lo), hi);
        for (int it = 0; it < 200; it++) {
            double v = logPhi(x) - target;
            if (v > 0) {
                lo = x;
            } else {
                hi = x;
            }
            double d = -0.5 / x - 0.25 + (10.0 / (7.0 * x * x)) / (1.0 - 10.0 / (7.0 * x));
            double nx = x - v / d;
            if (!(nx > lo && nx < hi)) {
                nx = 0.5 * (lo + hi);
            }
            if (Math.abs(nx - x) <= 1e-13 * x) {
                return nx;
            }
            x = nx;
        }
        return x;
    }
}
