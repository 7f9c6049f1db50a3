package io.latq.ecdq;

import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.file.PinnedGeneratorHashes;
import io.latq.ecdq.index.TriangularBasis;
import org.ejml.data.DMatrixRMaj;

/**
 * A lattice's triangular basis and its generator hash ({@link EcdqHeader#generatorHash}), as the compressor and the
 * decompressor both need them: the hash is pinned for the levels' lattices ({@link PinnedGeneratorHashes}), else
 * computed (SHA-256 of n² entries) on another core while this one builds the basis.
 */
record HashedBasis(TriangularBasis basis, byte[] hash) {

    /**
     * @param generator   the lattice's unscaled generator
     * @param description its description bytes (version 2 and 3 headers), or null when there are none (version 1)
     */
    static HashedBasis of(DMatrixRMaj generator, byte[] description) {
        byte[] pinned = description == null ? null : PinnedGeneratorHashes.lookup(description);
        java.util.concurrent.ForkJoinTask<byte[]> hashTask = pinned != null ? null
                : java.util.concurrent.ForkJoinPool.commonPool().submit(() -> EcdqHeader.generatorHash(generator));
        TriangularBasis basis = TriangularBasis.of(generator);
        return new HashedBasis(basis, pinned != null ? pinned : hashTask.join());
    }
}
