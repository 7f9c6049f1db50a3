package io.latq.polar.decode;

import io.latq.polar.Llr;
import io.latq.polarlattice.CheckNodeKernel;

import java.util.Arrays;

/** A deliberately plain, allocating, recursive SC decoder used as the test oracle. */
final class ReferenceSc {

    private ReferenceSc() {
    }

    /** Decodes; fills u and decision LLRs, returns the codeword β. */
    static byte[] decode(double[] llr, boolean[] frozen, byte[] frozenValues, CheckNodeKernel rule, int start, byte[] u,
                         double[] decision) {
        int n = llr.length;
        if (n == 1) {
            byte bit = frozen[start] ? (frozenValues == null ? 0 : frozenValues[start]) : (llr[0] < 0 ? (byte) 1 : 0);
            u[start] = bit;
            decision[start] = llr[0];
            return new byte[] {bit};
        }
        int h = n / 2;
        double[] a = Arrays.copyOfRange(llr, 0, h);
        double[] b = Arrays.copyOfRange(llr, h, n);
        double[] left = new double[h];
        for (int i = 0; i < h; i++) {
            left[i] = rule == CheckNodeKernel.EXACT ? Llr.boxPlus(a[i], b[i])
                    : rule == CheckNodeKernel.MIN_SUM ? Llr.minSum(a[i], b[i]) : rule.apply(a[i], b[i]);
        }
        byte[] bl = decode(left, frozen, frozenValues, rule, start, u, decision);
        double[] right = new double[h];
        for (int i = 0; i < h; i++) {
            right[i] = b[i] + (1 - 2 * bl[i]) * a[i];
        }
        byte[] br = decode(right, frozen, frozenValues, rule, start + h, u, decision);
        byte[] beta = new byte[n];
        for (int i = 0; i < h; i++) {
            beta[i] = (byte) (bl[i] ^ br[i]);
            beta[h + i] = br[i];
        }
        return beta;
    }

    /** Sum of leaf penalties of an SC decision sequence. */
    static double metric(double[] decision, byte[] u) {
        double s = 0;
        for (int t = 0; t < u.length; t++) {
            s += Llr.penalty(decision[t], u[t]);
        }
        return s;
    }
}
