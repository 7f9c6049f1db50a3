package io.latq.ecdq.transform;

/** Chooses the DCT kernel for a tile length: the fast one for powers of two when present, else {@link DirectDct}. */
final class FastDct {
    private FastDct() {
    }

    static DctKernel kernel(int len) {
        return new DirectDct(len);
    }
}
