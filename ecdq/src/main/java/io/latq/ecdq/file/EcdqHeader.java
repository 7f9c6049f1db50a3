package io.latq.ecdq.file;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.samples.SampleFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;
import org.ejml.data.DMatrixRMaj;

/**
 * The header of a latq ECDQ file: everything the decoder needs besides the block data. The byte layout is
 * specified in {@code docs/file-format.md}; {@link #toBytes()} and {@link #read} are its only implementation.
 *
 * @param source          container metadata of the original samples (restored on decompression)
 * @param latticeSpec     the lattice spec string, as given to the lattice resolver
 * @param dimension       lattice dimension n
 * @param generatorHash   SHA-256 of the unscaled generator ({@link #generatorHash(DMatrixRMaj)})
 * @param log2Volume      log2 of the unscaled cell volume
 * @param nsm             normalized second moment used for the design
 * @param seed            dither seed
 * @param mean            source mean (subtracted before quantization)
 * @param sigma           source standard deviation σ (about the mean, finite samples)
 * @param alpha           lattice scale α (0: zero-rate file, no payload)
 * @param beta            Wiener post-scale β
 * @param targetKind      0 = MSE, 1 = SNR dB, 2 = rate bits/sample (informational)
 * @param targetValue     the target as given (informational)
 * @param modelId         entropy model; 1 = successive discretized Gaussian
 * @param modelSpread     model standard deviation s in unscaled-lattice units
 * @param vectorsPerBlock lattice vectors per block (each block holds vectorsPerBlock·n samples, the last fewer)
 * @param keepNonFinite   whether non-finite samples are carried
 * @param nonFiniteCount  total number of carried non-finite samples
 */
public record EcdqHeader(SampleFormat source, String latticeSpec, int dimension, byte[] generatorHash,
                         double log2Volume, double nsm, long seed, double mean, double sigma, double alpha,
                         double beta, int targetKind, double targetValue, int modelId, double modelSpread,
                         int vectorsPerBlock, boolean keepNonFinite, long nonFiniteCount) implements FileLayout {

    /** {@code \x89 L A T Q \r \n \x1A}: a non-ASCII first byte and a CR LF pair catch text-mode mangling. */
    public static final byte[] MAGIC = {(byte) 0x89, 'L', 'A', 'T', 'Q', '\r', '\n', 0x1A};
    public static final int VERSION = 1;
    public static final int MODEL_SUCCESSIVE_GAUSSIAN = 1;
    /** Fixed part before the body: magic, version, flags, body length. */
    public static final int PREAMBLE = 16;
    public static final int MAX_BODY = 1 << 16;
    public static final int MAX_SPEC = 4096;
    public static final int MAX_DIMENSION = 1 << 16;
    /** Bound on samples per block, so a block buffer is never larger than a few hundred MiB. */
    public static final int MAX_BLOCK_SAMPLES = 1 << 24;
    private static final int FLAG_KEEP_NONFINITE = 1;
    private static final int FLAG_ZERO_RATE = 2;

    public EcdqHeader {
        generatorHash = generatorHash.clone();
    }

    @Override
    public byte[] generatorHash() {
        return generatorHash.clone();
    }

    public boolean zeroRate() {
        return alpha == 0;
    }

    public long sampleCount() {
        return source.sampleCount();
    }

    /** Samples per full block. */
    public int samplesPerBlock() {
        return vectorsPerBlock * dimension;
    }

    /** Number of blocks: ⌈count / samplesPerBlock⌉. */
    public long blockCount() {
        long spb = samplesPerBlock();
        long count = sampleCount();
        return count / spb + (count % spb != 0 ? 1 : 0);
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public long maxBlockSamples() {
        return Math.min(samplesPerBlock(), sampleCount());
    }

    @Override
    public int cellsPerBlock() {
        return 0;
    }

    @Override
    public long maxPayload(long b) {
        return zeroRate() ? 0 : io.latq.ecdq.block.BlockFormat.maxPayload((long) vectorsPerBlock * dimension);
    }

    @Override
    public byte[] blockCrcSeed() {
        return null;
    }

    @Override
    public int headerBytes() {
        return toBytes().length;
    }

    @Override
    public String latticeName() {
        return latticeSpec;
    }

    /** Samples in block {@code b}. */
    @Override
    public long samplesInBlock(long b) {
        long start = b * samplesPerBlock();
        return (int) Math.min(samplesPerBlock(), sampleCount() - start);
    }

    /** {@link #generatorHash(DMatrixRMaj)} of the lattice's unscaled generator. */
    public static byte[] generatorHash(io.latq.lattice.Lattice lattice) {
        return generatorHash(lattice.generator());
    }

    /** SHA-256 over n (u32 big-endian) and the generator entries row-major as IEEE-754 bits, big-endian. */
    public static byte[] generatorHash(DMatrixRMaj g) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            b.putInt(0, g.numRows);
            md.update(b.array(), 0, 4);
            // a row at a time (the same bytes as entry by entry; a million 8-byte updates cost more than the hash)
            ByteBuffer row = ByteBuffer.allocate(8 * g.numCols).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < g.numRows; i++) {
                for (int j = 0; j < g.numCols; j++) {
                    row.putLong(8 * j, Double.doubleToLongBits(g.get(i, j) + 0.0)); // +0.0 folds −0 into 0
                }
                md.update(row.array(), 0, 8 * g.numCols);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The full header: preamble, body and CRC32C. */
    public byte[] toBytes() {
        byte[] spec = latticeSpec.getBytes(StandardCharsets.UTF_8);
        int bodyLen = SourceCodec.size(source)
                + 2 + spec.length + 4 + 32 + 8 + 8
                + 8 + 8 + 8 + 8 + 8
                + 1 + 8
                + 1 + 8 + 4 + 8;
        ByteBuffer b = ByteBuffer.allocate(PREAMBLE + bodyLen + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC);
        b.putShort((short) VERSION);
        b.putShort((short) ((keepNonFinite ? FLAG_KEEP_NONFINITE : 0) | (zeroRate() ? FLAG_ZERO_RATE : 0)));
        b.putInt(bodyLen);
        SourceCodec.write(b, source);
        b.putShort((short) spec.length);
        b.put(spec);
        b.putInt(dimension);
        b.put(generatorHash);
        b.putDouble(log2Volume);
        b.putDouble(nsm);
        b.putLong(seed);
        b.putDouble(mean);
        b.putDouble(sigma);
        b.putDouble(alpha);
        b.putDouble(beta);
        b.put((byte) targetKind);
        b.putDouble(targetValue);
        b.put((byte) modelId);
        b.putDouble(modelSpread);
        b.putInt(vectorsPerBlock);
        b.putLong(nonFiniteCount);
        if (b.position() != PREAMBLE + bodyLen) {
            throw new IllegalStateException("header length mismatch");
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, PREAMBLE + bodyLen);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** CRC32C of the header as stored (its last four bytes). */
    public int crc() {
        byte[] h = toBytes();
        return ByteBuffer.wrap(h, h.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /**
     * Reads and validates a header from {@code in}.
     *
     * @param fileSize total size of the file, used to refuse sizes that claim more than the file holds
     */
    public static EcdqHeader read(InputStream in, long fileSize) throws IOException {
        Object h = HeaderReader.read(in, fileSize);
        if (h instanceof EcdqHeader v1) {
            return v1;
        }
        throw new LatqFormatException("file format version " + FileHeader.VERSION + " is not a version-1 header");
    }

    /** Parses a version-1 body whose preamble and CRC {@link HeaderReader} has checked. */
    static EcdqHeader parseBody(byte[] all, int flags, long bodyLen, long fileSize) throws LatqFormatException {
        if ((flags & ~(FLAG_KEEP_NONFINITE | FLAG_ZERO_RATE)) != 0) {
            throw new LatqFormatException("header has unknown flags 0x" + Integer.toHexString(flags));
        }
        LittleEndian r = new LittleEndian(all, PREAMBLE, (int) bodyLen, "header");
        SampleFormat source = SourceCodec.read(r);
        long count = source.sampleCount();
        int specLen = r.u16();
        if (specLen > MAX_SPEC) {
            throw new LatqFormatException("lattice spec of " + specLen + " bytes is too long");
        }
        String spec = r.utf8(specLen);
        long dim = r.u32();
        byte[] hash = r.bytes(32);
        double log2Volume = r.f64();
        double nsm = r.f64();
        long seed = r.i64();
        double mean = r.f64();
        double sigma = r.f64();
        double alpha = r.f64();
        double beta = r.f64();
        int targetKind = r.u8();
        double targetValue = r.f64();
        int modelId = r.u8();
        double spread = r.f64();
        long vpb = r.u32();
        long nonFinite = r.i64();
        if (r.remaining() != 0) {
            throw new LatqFormatException("header has " + r.remaining() + " unexpected trailing bytes");
        }
        if (dim < 1 || dim > MAX_DIMENSION || vpb < 1 || vpb * dim > MAX_BLOCK_SAMPLES) {
            throw new LatqFormatException("header has invalid dimension " + dim + " or block size " + vpb);
        }
        boolean zero = (flags & FLAG_ZERO_RATE) != 0;
        if (!Double.isFinite(mean) || !(sigma >= 0) || !Double.isFinite(sigma) || !Double.isFinite(log2Volume)
                || !(alpha >= 0) || !Double.isFinite(alpha) || !Double.isFinite(beta) || zero != (alpha == 0)
                || (!zero && !(spread > 0 && Double.isFinite(spread)))) {
            throw new LatqFormatException("header has invalid scale parameters");
        }
        // every block takes at least its fixed part and CRC: a count the file cannot hold is refused here, which
        // also keeps every later block index and offset far from overflow
        long spb = vpb * dim;
        long blocks = count / spb + (count % spb != 0 ? 1 : 0);
        if (blocks > (fileSize - all.length) / 20) {
            throw new LatqFormatException("header claims " + count + " samples in " + blocks
                    + " blocks but the file is only " + fileSize + " bytes (truncated or crafted)");
        }
        if (modelId != MODEL_SUCCESSIVE_GAUSSIAN) {
            throw new LatqFormatException("header names unknown entropy model " + modelId);
        }
        if (nonFinite < 0 || nonFinite > count || (nonFinite > 0 && (flags & FLAG_KEEP_NONFINITE) == 0)) {
            throw new LatqFormatException("header has an invalid non-finite sample count");
        }
        return new EcdqHeader(source, spec, (int) dim, hash, log2Volume, nsm, seed, mean, sigma, alpha, beta,
                targetKind, targetValue, modelId, spread, (int) vpb, (flags & FLAG_KEEP_NONFINITE) != 0, nonFinite);
    }
}
