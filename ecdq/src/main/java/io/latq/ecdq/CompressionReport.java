package io.latq.ecdq;

import io.latq.ecdq.quantizer.EcdqDesign;
import java.util.Locale;

/**
 * What a compression achieved. Distortion figures come from the reconstruction the encoder tracks (the exact values
 * the decoder will write, after conversion to the output sample type), over finite samples. Rates are in bits per
 * sample (all channels), file size with every header included. Definitions of the printed keys: docs/cli.md.
 *
 * @param samples     total samples
 * @param bytes       size of the compressed file, headers included
 * @param mse         achieved mean squared error
 * @param maxAbsError largest absolute error
 * @param sigma       source standard deviation about the overall mean
 * @param targetMse   the MSE asked for (NaN for SNR and rate targets)
 * @param nsm         G used for the design
 * @param modelBits   ideal code length of all payloads under the model, in bits
 * @param nonFinite   carried non-finite samples
 * @param blocks      number of blocks
 * @param transform   the transform chosen (e.g. {@code dct 256}, {@code none})
 * @param processRd   the Gaussian-process bound R(D) at the achieved MSE from the signal's estimated spectrum
 * @param seed        the dither seed written to the header
 */
public record CompressionReport(long samples, long bytes, double mse, double maxAbsError, double sigma,
                                double targetMse, double nsm, double modelBits, long nonFinite, long blocks,
                                String transform, double processRd, long seed) {

    /** File bits per sample, headers included. */
    public double bitsPerSample() {
        return 8.0 * bytes / samples;
    }

    public double rmse() {
        return Math.sqrt(mse);
    }

    /** 10·log10(σ²/MSE) over all samples (StrictMath). */
    public double snrDb() {
        return 10 * StrictMath.log10(sigma * sigma / mse);
    }

    /** The i.i.d. Gaussian R(D) = ½log2(σ²/D) at the achieved MSE: the bound if the samples were independent. */
    public double iidRdBitsPerSample() {
        return EcdqDesign.rateDistortion(sigma, mse);
    }

    /** Measured rate minus the process bound: the honest gap. */
    public double gapBitsPerSample() {
        return bitsPerSample() - processRd;
    }

    /** The ECDQ bound: the process bound plus ½log2(2πeG) per coded sample (an upper estimate). */
    public double ecdqBoundBitsPerSample() {
        return processRd + EcdqDesign.ecdqRedundancy(nsm);
    }

    /** Model code length per sample (payload only, without container overhead). */
    public double modelBitsPerSample() {
        return modelBits / samples;
    }

    /** Original size over compressed size, for the container's sample width. */
    public double ratio(int bytesPerSample) {
        return (double) samples * bytesPerSample / bytes;
    }

    /** One line of statistics in the style of {@code zfp -s}. */
    public String line() {
        return String.format(Locale.ROOT,
                "samples=%d bytes=%d bits/sample=%.6f mse=%.6g rmse=%.6g snr_db=%.4f max_abs_error=%.6g "
                        + "transform=%s rd_process=%.6f gap=%.6f rd_iid=%.6f model_bits/sample=%.6f",
                samples, bytes, bitsPerSample(), mse, rmse(), snrDb(), maxAbsError, transform.replace(' ', '_'),
                processRd, gapBitsPerSample(), iidRdBitsPerSample(), modelBitsPerSample());
    }

    /** The statistics as one JSON object. */
    public String json() {
        return String.format(Locale.ROOT,
                "{\"samples\":%d,\"bytes\":%d,\"bits_per_sample\":%s,\"mse\":%s,\"rmse\":%s,\"snr_db\":%s,"
                        + "\"max_abs_error\":%s,\"transform\":\"%s\",\"rd_process_bits_per_sample\":%s,"
                        + "\"gap_bits_per_sample\":%s,\"rd_iid_bits_per_sample\":%s,"
                        + "\"ecdq_bound_bits_per_sample\":%s,\"model_bits_per_sample\":%s,\"sigma\":%s,"
                        + "\"target_mse\":%s,\"nsm\":%s,\"seed\":%d,\"non_finite\":%d,\"blocks\":%d}",
                samples, bytes, num(bitsPerSample()), num(mse), num(rmse()), num(snrDb()), num(maxAbsError),
                transform, num(processRd), num(gapBitsPerSample()), num(iidRdBitsPerSample()),
                num(ecdqBoundBitsPerSample()), num(modelBitsPerSample()), num(sigma), num(targetMse), num(nsm), seed,
                nonFinite, blocks);
    }

    static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
