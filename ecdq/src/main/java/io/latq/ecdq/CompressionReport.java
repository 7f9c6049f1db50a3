package io.latq.ecdq;

import io.latq.ecdq.quantizer.EcdqDesign;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /**
     * The statistics as ordered figures (key → Long, Double or String), in the order {@code latq compress --json}
     * prints them; the keys are documented in docs/cli.md. Non-finite doubles stay as they are: the printer writes
     * them as JSON {@code null}.
     */
    public Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("bytes", bytes);
        m.put("bits_per_sample", bitsPerSample());
        m.put("mse", mse);
        m.put("rmse", rmse());
        m.put("snr_db", snrDb());
        m.put("max_abs_error", maxAbsError);
        m.put("transform", transform);
        m.put("rd_process_bits_per_sample", processRd);
        m.put("gap_bits_per_sample", gapBitsPerSample());
        m.put("rd_iid_bits_per_sample", iidRdBitsPerSample());
        m.put("ecdq_bound_bits_per_sample", ecdqBoundBitsPerSample());
        m.put("model_bits_per_sample", modelBitsPerSample());
        m.put("sigma", sigma);
        m.put("target_mse", targetMse);
        m.put("nsm", nsm);
        m.put("seed", seed);
        m.put("non_finite", nonFinite);
        m.put("blocks", blocks);
        return m;
    }
}
