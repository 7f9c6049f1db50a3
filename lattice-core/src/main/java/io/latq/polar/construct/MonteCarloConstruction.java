package io.latq.polar.construct;

import io.latq.polar.Llr;
import io.latq.polar.PolarTransform;
import io.latq.random.StreamSeeds;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Monte Carlo construction by genie-aided SC (Arıkan 2009, Sec. IX): the all-zero word is sent over a symmetric
 * channel and every bit channel is decoded with the true past bits, so bit channel t's LLR is exactly SC's decision
 * LLR given U^{t−1} = 0. With all past bits 0 the g rule is a + b, and the whole computation runs in place on one
 * length-N array: per stage, each block [a, b] becomes [boxplus(a, b), a + b] (exact box-plus).
 *
 * <p>Per bit channel it estimates, over F frames with standard errors from the sample variance:
 * <ul>
 *   <li>the error probability (LLR &lt; 0 counts 1, LLR = 0 counts 1/2, so erasures are fair coins), and</li>
 *   <li>the conditional entropy H(U_t | Y, U^{t−1}) = E[log2(1 + e^{−LLR})] (for the BEC: the erasure rate).</li>
 * </ul>
 * Reliability is −(entropy estimate): it is continuous, so it still ranks channels that made no errors.
 * Frame f uses the stream {@link StreamSeeds#frameStream}(seed, f): results depend only on (sampler, F, seed).
 */
public final class MonteCarloConstruction implements FrozenSetConstruction {

    private final LlrSampler sampler;
    private final int frames;
    private final long seed;

    /**
     * @param sampler channel LLR sampler for x = 0 (the channel must be symmetric)
     * @param frames  number of simulated blocks F ≥ 2
     * @param seed    random seed
     */
    public MonteCarloConstruction(LlrSampler sampler, int frames, long seed) {
        if (frames < 2) {
            throw new IllegalArgumentException("need at least 2 frames, got " + frames);
        }
        this.sampler = sampler;
        this.frames = frames;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "mc";
    }

    @Override
    public BitChannelReliabilities construct(int n) {
        PolarTransform.log2(n);
        double[] llr = new double[n];
        double[] errSum = new double[n];
        double[] errSq = new double[n];
        double[] entSum = new double[n];
        double[] entSq = new double[n];
        for (int f = 0; f < frames; f++) {
            UniformRandomProvider rng = StreamSeeds.frameStream(seed, f);
            sampler.sample(rng, llr);
            genieTransform(llr);
            for (int t = 0; t < n; t++) {
                double l = llr[t];
                double err = l < 0 ? 1.0 : (l == 0 ? 0.5 : 0.0);
                errSum[t] += err;
                errSq[t] += err * err;
                double h = Llr.entropyTermGivenZero(l);
                entSum[t] += h;
                entSq[t] += h * h;
            }
        }
        double[] pe = new double[n];
        double[] peSe = new double[n];
        double[] ent = new double[n];
        double[] entSe = new double[n];
        double[] rel = new double[n];
        for (int t = 0; t < n; t++) {
            pe[t] = errSum[t] / frames;
            peSe[t] = standardError(errSum[t], errSq[t], frames);
            ent[t] = entSum[t] / frames;
            entSe[t] = standardError(entSum[t], entSq[t], frames);
            rel[t] = -ent[t];
        }
        return new BitChannelReliabilities(name(), rel, pe, null, null, peSe, ent, entSe);
    }

    private static double standardError(double sum, double sumSq, int count) {
        double mean = sum / count;
        double var = Math.max(0.0, (sumSq - count * mean * mean) / (count - 1));
        return Math.sqrt(var / count);
    }

    /**
     * In place: channel LLRs (given x = 0) → genie-aided SC decision LLRs of every u_t with U^{t−1} = 0.
     * Natural order: the first stage splits the whole block (MSB of t), the last one pairs neighbours.
     */
    public static void genieTransform(double[] llr) {
        int n = llr.length;
        PolarTransform.log2(n);
        for (int size = n; size > 1; size >>= 1) {
            int h = size >> 1;
            for (int b = 0; b < n; b += size) {
                for (int i = b; i < b + h; i++) {
                    double a = llr[i];
                    double c = llr[i + h];
                    llr[i] = Llr.boxPlus(a, c);
                    llr[i + h] = c + a;
                }
            }
        }
    }
}
