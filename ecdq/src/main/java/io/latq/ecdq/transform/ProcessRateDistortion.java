package io.latq.ecdq.transform;

/**
 * Gaussian-process rate–distortion bound from a (sampled) power spectral density, and from a finite transform's
 * coefficient variances. docs/theory.md, "Sources with memory": for a stationary Gaussian process with PSD S(ω),
 * <pre>
 *   D(θ) = (1/2π) ∫ min(θ, S(ω)) dω,     R(θ) = (1/2π) ∫ max(0, ½·log2(S(ω)/θ)) dω   bits/sample.
 * </pre>
 * With S sampled at M equally spaced bins (as from {@link SpectrumEstimator#psd()}), the integrals become means
 * over the bins, i.e. {@link ReverseWaterFilling} with equal weights.
 *
 * <p>For a finite orthonormal transform with coefficient (or band) variances σ_k² and multiplicities w_k, the
 * Gaussian bound of coding the coefficients independently is reverse water-filling over them
 * ({@link #transformRate}). It is never below the process bound, and tends to it as the transform grows (for the
 * DCT/KLT of size N the coefficient variances approach samples of S(ω) and the per-sample rate converges at rate
 * O(1/N) for smooth spectra; Gray, "Toeplitz and circulant matrices", Szegő's theorem). Banding (grouping bins of
 * similar variance) costs a little more, since variances are averaged inside a band.
 *
 * <p>Stateless and thread-safe; deterministic.
 */
public final class ProcessRateDistortion {
    private ProcessRateDistortion() {
    }

    /** R(D) in bits/sample for the sampled PSD (equal-weight reverse water-filling). */
    public static double rate(double[] psd, double distortion) {
        return solve(psd, distortion).rate();
    }

    /** Full water-filling solution (θ, per-bin D_k and R_k) for the sampled PSD. */
    public static ReverseWaterFilling.Solution solve(double[] psd, double distortion) {
        return ReverseWaterFilling.solve(psd, distortion);
    }

    /** D(θ) = mean over bins of min(θ, S_k). */
    public static double distortion(double[] psd, double theta) {
        return ReverseWaterFilling.distortion(psd, ReverseWaterFilling.ones(psd.length), theta);
    }

    /** R(θ) = mean over bins of max(0, ½log2(S_k/θ)). */
    public static double rateAtTheta(double[] psd, double theta) {
        return ReverseWaterFilling.rate(psd, ReverseWaterFilling.ones(psd.length), theta);
    }

    /** Bound of a finite orthonormal transform: reverse water-filling over (band) variances with weights. */
    public static double transformRate(double[] variances, double[] weights, double distortion) {
        return ReverseWaterFilling.solve(variances, weights, distortion).rate();
    }

    /**
     * One-call estimate for a 1-D signal: Welch PSD with segment length
     * {@link SpectrumEstimator#segmentLengthFor}(len, maxSegment), then {@link #rate}.
     */
    public static double estimateRate(double[] x, int off, int len, int maxSegment, double distortion) {
        SpectrumEstimator e = new SpectrumEstimator(SpectrumEstimator.segmentLengthFor(len, maxSegment));
        e.accumulate(x, off, len);
        return rate(e.psd(), distortion);
    }

    /**
     * AR(1) (Gauss–Markov) closed form ½·log2(σ²(1−ρ²)/D), valid for D ≤ σ²(1−ρ)/(1+ρ) (no spectral component
     * under water); above that it is only the Shannon lower bound.
     */
    public static double ar1Rate(double rho, double variance, double distortion) {
        return 0.5 * (StrictMath.log(variance * (1.0 - rho * rho) / distortion) / ReverseWaterFilling.LN2);
    }
}
