package io.latq.ecdq;

import io.latq.ecdq.quantizer.EcdqDesign;

import java.util.Locale;

/**
 * What a compression achieved. Distortion figures come from the reconstruction the encoder tracks (the exact values
 * the decoder will write, after conversion to the output sample type), over finite samples.
 *
 * @param samples          total samples
 * @param bytes            size of the compressed file, headers included
 * @param mse              achieved mean squared error
 * @param maxAbsError      largest absolute error
 * @param sigma            source standard deviation (about the mean)
 * @param targetMse        the MSE the design aimed at
 * @param nsm              G used for the design
 * @param alpha            lattice scale
 * @param beta             Wiener post-scale
 * @param modelBits        ideal code length of all payloads under the quantized model, in bits
 * @param nonFinite        carried non-finite samples
 * @param blocks           number of blocks
 */
public record CompressionReport(long samples, long bytes, double mse, double maxAbsError, double sigma,
                                double targetMse, double nsm, double alpha, double beta, double modelBits,
                                long nonFinite, long blocks) {

    /** File bits per sample, headers included. */
    public double bitsPerSample() {
        return 8.0 * bytes / samples;
    }

    public double rmse() {
        return Math.sqrt(mse);
    }

    /** 10·log10(σ²/MSE). */
    public double snrDb() {
        return 10 * Math.log10(sigma * sigma / mse);
    }

    /** R(D) = ½log2(σ²/D) at the achieved MSE. */
    public double rdBitsPerSample() {
        return EcdqDesign.rateDistortion(sigma, mse);
    }

    /** Measured rate minus R(D). */
    public double gapBitsPerSample() {
        return bitsPerSample() - rdBitsPerSample();
    }

    /** The ECDQ bound R(D) + ½log2(2πeG) at the achieved MSE. */
    public double ecdqBoundBitsPerSample() {
        return EcdqDesign.ecdqBound(sigma, mse, nsm);
    }

    /** Model code length per sample (payload only, without container overhead). */
    public double modelBitsPerSample() {
        return modelBits / samples;
    }

    /** One line of statistics in the style of {@code zfp -s}. */
    public String line() {
        return String.format(Locale.ROOT,
                "samples=%d bytes=%d bits/sample=%.6f mse=%.6g rmse=%.6g snr_db=%.4f max_abs_error=%.6g "
                        + "rd_bits/sample=%.6f gap=%.6f ecdq_bound=%.6f model_bits/sample=%.6f",
                samples, bytes, bitsPerSample(), mse, rmse(), snrDb(), maxAbsError, rdBitsPerSample(),
                gapBitsPerSample(), ecdqBoundBitsPerSample(), modelBitsPerSample());
    }

    /** The statistics as one JSON object. */
    public String json() {
        return String.format(Locale.ROOT,
                "{\"samples\":%d,\"bytes\":%d,\"bits_per_sample\":%s,\"mse\":%s,\"rmse\":%s,\"snr_db\":%s,"
                        + "\"max_abs_error\":%s,\"rd_bits_per_sample\":%s,\"gap_bits_per_sample\":%s,"
                        + "\"ecdq_bound_bits_per_sample\":%s,\"model_bits_per_sample\":%s,\"sigma\":%s,"
                        + "\"target_mse\":%s,\"nsm\":%s,\"alpha\":%s,\"beta\":%s,\"non_finite\":%d,\"blocks\":%d}",
                samples, bytes, num(bitsPerSample()), num(mse), num(rmse()), num(snrDb()), num(maxAbsError),
                num(rdBitsPerSample()), num(gapBitsPerSample()), num(ecdqBoundBitsPerSample()),
                num(modelBitsPerSample()), num(sigma), num(targetMse), num(nsm), num(alpha), num(beta), nonFinite,
                blocks);
    }

    static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
