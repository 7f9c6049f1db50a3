package io.latq.ecdq.transform;

/**
 * The orthonormal DCT-II as an explicit r×r matrix, C_ki = s_k·cos(π(i+½)k/r), built from StrictMath cosines with
 * the angle reduced exactly modulo 4r first (so every JVM builds the same matrix). O(r²) per transform: the
 * reference for the fast kernels and the kernel for short edge tiles.
 */
public final class DirectDct implements DctKernel {
    private final int r;
    private final double[] c;

    public DirectDct(int r) {
        if (r < 1 || r > 4096) {
            throw new IllegalArgumentException("DCT length must be in 1..4096, got " + r);
        }
        this.r = r;
        this.c = new double[r * r];
        double s0 = Math.sqrt(1.0 / r);
        double s = Math.sqrt(2.0 / r);
        for (int k = 0; k < r; k++) {
            for (int i = 0; i < r; i++) {
                // angle π(2i+1)k/(2r): reduce the integer (2i+1)k modulo 4r, so the argument stays in [0, 2π)
                long m = ((long) (2 * i + 1) * k) % (4L * r);
                c[k * r + i] = (k == 0 ? s0 : s * StrictMath.cos(StrictMath.PI * m / (2.0 * r)));
            }
        }
    }

    @Override
    public int length() {
        return r;
    }

    @Override
    public void forward(double[] x, int off, double[] out, int outOff) {
        for (int k = 0; k < r; k++) {
            double acc = 0;
            int row = k * r;
            for (int i = 0; i < r; i++) {
                acc += c[row + i] * x[off + i];
            }
            out[outOff + k] = acc;
        }
    }

    @Override
    public void inverse(double[] coef, int off, double[] out, int outOff) {
        for (int i = 0; i < r; i++) {
            double acc = 0;
            for (int k = 0; k < r; k++) {
                acc += c[k * r + i] * coef[off + k];
            }
            out[outOff + i] = acc;
        }
    }
}
