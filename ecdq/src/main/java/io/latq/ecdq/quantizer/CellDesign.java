package io.latq.ecdq.quantizer;

/**
 * ECDQ scales for the coefficients of one cell (a band of one component in one block) with variance v above the water
 * level θ, on a lattice whose unscaled quantization noise per dimension is σ₀² = G·V^(2/n).
 *
 * <p>Reverse water-filling gives every coded coefficient the distortion θ. With Wiener post-scaling the dithered
 * quantizer must add noise σ_q² = vθ/(v − θ) (so that vσ_q²/(v + σ_q²) = θ); all cells share one unscaled lattice, so
 * a coefficient c is coded as c/a + u with the step a = √(σ_q²/σ₀²), and reconstructed as β·a·(λ − u) with
 * β = v/(v + σ_q²) = (v − θ)/v. The model spread of the coordinate c/a + u (unscaled units) is
 * s = σ₀·√((v − θ)/θ + w), where v/a² = σ₀²(v − θ)/θ is the source part and w·σ₀² the modelled dither part
 * (w = 1 is the high-resolution Zamir–Feder choice; see {@link io.latq.ecdq.EcdqCompressor} for how w is fitted).
 *
 * @param step   a (multiplies the unscaled lattice)
 * @param gain   β·a (the reconstruction factor applied to λ − u)
 * @param spread s, the model standard deviation in unscaled lattice units
 */
public record CellDesign(double step, double gain, double spread) {

    /** σ₀² = G·V^(2/n): the per-dimension second moment of the unscaled lattice's cell (StrictMath: bit-exact). */
    public static double unscaledNoise(double nsm, double log2Volume, int n) {
        return nsm * StrictMath.pow(2.0, 2.0 * log2Volume / n);
    }

    /** Design for cell variance v &gt; θ; θ &gt; 0, σ₀² &gt; 0, w ≥ 0. */
    public static CellDesign of(double v, double theta, double sigma0Sq, double spreadWeight) {
        double excess = v - theta;
        double sigmaQ2 = v * theta / excess;
        double step = Math.sqrt(sigmaQ2 / sigma0Sq);
        double beta = excess / v;
        double spread = Math.sqrt(sigma0Sq * (excess / theta + spreadWeight));
        return new CellDesign(step, beta * step, spread);
    }

    /** Padding coordinates (value 0, coded and dropped): unit step, spread σ₀. */
    public static CellDesign padding(double sigma0Sq) {
        return new CellDesign(1.0, 0.0, Math.sqrt(sigma0Sq));
    }
}
