package io.latq.polarlattice;

import io.latq.lattice.Rounding;

import java.util.Arrays;

/**
 * The polar-lattice list quantizer as it was before the shared list core: {@link ReferenceSclLevelDecoder} (rate-0
 * and rate-1 shortcuts) per level, level LLRs evaluated per survivor, best metric picked. Test oracle only; allocates.
 */
final class ReferenceListQuantizer {

    private final PolarLatticeDesign design;
    private final int listSize;
    private final ReferenceSclLevelDecoder[] dec;
    private final LevelLlr[] llr;

    ReferenceListQuantizer(PolarLatticeDesign design, int listSize, CheckNodeKernel kernel) {
        this.design = design;
        this.listSize = listSize;
        int r = design.levels();
        int n = design.n();
        dec = new ReferenceSclLevelDecoder[r];
        llr = new LevelLlr[r];
        for (int i = 0; i < r; i++) {
            boolean[] frozen = new boolean[n];
            Arrays.fill(frozen, true);
            for (int t : design.informationSet(i + 1)) {
                frozen[t] = false;
            }
            dec[i] = new ReferenceSclLevelDecoder(frozen, listSize, kernel, true, true);
            llr[i] = new LevelLlr(design.levelNoise(i + 1));
        }
    }

    double[] quantize(double[] x) {
        int n = design.n();
        int r = design.levels();
        double[][] y = {x.clone()};
        double[][] acc = {new double[n]};
        double[] metric = {0.0};
        for (int i = 0; i < r; i++) {
            int count = y.length;
            for (int k = 0; k < count; k++) {
                llr[i].llr(y[k], 0, dec[i].inputLlr(), k * n, n);
            }
            int next = dec[i].decode(count, metric);
            double[][] y2 = new double[next][n];
            double[][] acc2 = new double[next][n];
            double[] metric2 = new double[next];
            double scale = Math.scalb(1.0, i);
            for (int k = 0; k < next; k++) {
                int o = dec[i].origin(k);
                int[] c = dec[i].codeword(k);
                for (int j = 0; j < n; j++) {
                    y2[k][j] = (y[o][j] - c[j]) * 0.5;
                    acc2[k][j] = acc[o][j] + scale * c[j];
                }
                metric2[k] = dec[i].metric(k);
            }
            y = y2;
            acc = acc2;
            metric = metric2;
        }
        double cube = Math.scalb(1.0, r);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = acc[0][j] + cube * Rounding.roundHalfUp(y[0][j]);
        }
        return out;
    }

    int listSize() {
        return listSize;
    }
}
