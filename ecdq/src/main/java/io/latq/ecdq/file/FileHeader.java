package io.latq.ecdq.file;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.transform.TransformPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The header of a version-2 latq file (transform ECDQ; docs/file-format.md, "Version 2"). Everything the decoder
 * needs is in it: the source description, a per-file identifier that every block CRC covers, the lattice itself
 * (a self-contained description, never a path), the design constants, the {@link TransformPlan} and the per-channel
 * normalization and water levels. {@link #toBytes()} and {@link #read} are the only implementation of the layout.
 *
 * @param source        container metadata of the original samples
 * @param fileId        16 bytes, random per file (or derived from an explicit seed); bound into every block CRC
 * @param lattice       the self-contained lattice description bytes
 * @param dimension     lattice dimension n
 * @param generatorHash SHA-256 of the unscaled generator ({@link EcdqHeader#generatorHash})
 * @param log2Volume    log2 of the unscaled cell volume
 * @param nsm           normalized second moment G used by the design
 * @param seed          dither seed
 * @param targetKind    0 MSE, 1 SNR dB, 2 rate bits/sample (informational)
 * @param targetValue   the target as given (informational)
 * @param spreadWeight  w of the model spread ({@link io.latq.ecdq.quantizer.CellDesign})
 * @param keepNonFinite whether non-finite samples are carried
 * @param nonFiniteCount number of carried non-finite samples
 * @param plan          the transform and block geometry
 * @param mean          per channel, subtracted first
 * @param scale         per channel, divides after the mean (&gt; 0)
 * @param theta         per channel component, the water level θ in normalized units (&gt; 0)
 * @param level         the speed/rate level the file was written with (informational; 0 = unspecified)
 * @param coder         how lattice points are entropy coded: {@link #CODER_EXACT_GAUSSIAN} (the only coder of
 *                      version 2; a header with it is written as version 2), {@link #CODER_PHASE_TABLE} or
 *                      {@link #CODER_POLAR_LEVELS} (version 3)
 * @param coarseScale   κ_c of {@link #CODER_POLAR_LEVELS}: the coarse part's model spread is κ_c·s/2^r, in
 *                      (0, 16]; 1 (and not stored) for the other coders
 */
public record FileHeader(SampleFormat source, byte[] fileId, byte[] lattice, int dimension, byte[] generatorHash,
                         double log2Volume, double nsm, long seed, int targetKind, double targetValue,
                         double spreadWeight, boolean keepNonFinite, long nonFiniteCount, TransformPlan plan,
                         double[] mean, double[] scale, double[] theta, int level, int coder,
                         double coarseScale) implements FileLayout {

    /** The version of a header with {@link #CODER_EXACT_GAUSSIAN}, the layout's first version. */
    public static final int VERSION = 2;
    /** The version of a header with any other coder: version 2's layout plus one coder byte at the end. */
    public static final int VERSION_3 = 3;
    /** Successive discretized Gaussian, erfc at the exact centre ({@code DiscretizedGaussianModel}). */
    public static final int CODER_EXACT_GAUSSIAN = 0;
    /** Successive discretized Gaussian at the centre rounded to 1/256 cell ({@code PhaseTableGaussianModel}). */
    public static final int CODER_PHASE_TABLE = 1;
    /** Polar lattices only: level bits by a soft SC pass, then the coarse part ({@code PolarLatticePointCoder}). */
    public static final int CODER_POLAR_LEVELS = 2;
    /** The largest coder id this version knows. */
    public static final int MAX_CODER = CODER_POLAR_LEVELS;
    /** The largest level. */
    public static final int MAX_LEVEL = 9;
    public static final int MAX_BODY = 1 << 20;
    public static final int MAX_LATTICE_BYTES = 1 << 19;
    public static final int MAX_DIMENSION = 1 << 16;
    /** Largest block in samples: bounds every per-block buffer. */
    public static final long MAX_BLOCK_SAMPLES = 1 << 22;
    public static final int ID_BYTES = 16;
    private static final int FLAG_KEEP_NONFINITE = 1;

    public FileHeader {
        if (coder < 0 || coder > MAX_CODER || level < 0 || level > 255) {
            throw new IllegalArgumentException("invalid coder " + coder + " or level " + level);
        }
        if (!(coarseScale > 0 && coarseScale <= 16) || (coder != CODER_POLAR_LEVELS && coarseScale != 1.0)) {
            throw new IllegalArgumentException("invalid coarse scale " + coarseScale + " for coder " + coder);
        }
        fileId = fileId.clone();
        lattice = lattice.clone();
        generatorHash = generatorHash.clone();
        mean = mean.clone();
        scale = scale.clone();
        theta = theta.clone();
    }

    @Override
    public byte[] fileId() {
        return fileId.clone();
    }

    @Override
    public byte[] lattice() {
        return lattice.clone();
    }

    @Override
    public byte[] generatorHash() {
        return generatorHash.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public int version() {
        return coder == CODER_EXACT_GAUSSIAN ? VERSION : VERSION_3;
    }

    @Override
    public long sampleCount() {
        return source.sampleCount();
    }

    @Override
    public long blockCount() {
        return plan.blockCount();
    }

    @Override
    public long samplesInBlock(long b) {
        return plan.samplesInBlock(b);
    }

    @Override
    public long maxBlockSamples() {
        return Math.min(plan.maxBlockSamples(), sampleCount());
    }

    @Override
    public int cellsPerBlock() {
        return plan.cellsPerBlock();
    }

    /**
     * At most 11 bytes per coded coordinate (every one escaped; 42 with the polar-lattice point coder), the block's
     * samples plus one padded vector.
     */
    @Override
    public long maxPayload(long b) {
        long coded = samplesInBlock(b) + dimension;
        return coder == CODER_POLAR_LEVELS ? io.latq.ecdq.block.BlockFormat.maxPolarPayload(coded)
                : io.latq.ecdq.block.BlockFormat.maxPayload(coded);
    }

    @Override
    public byte[] blockCrcSeed() {
        return fileId.clone();
    }

    @Override
    public int headerBytes() {
        return toBytes().length;
    }

    @Override
    public String latticeName() {
        try {
            return io.latq.lattice.LatticeDescription.fromBytes(lattice, 0, lattice.length).displaySpec();
        } catch (IllegalArgumentException e) {
            return "(invalid lattice description)";
        }
    }

    /** A copy with other design values (used by the compressor's trial encodings). */
    public FileHeader withDesign(double[] newTheta, double newSpreadWeight) {
        return new FileHeader(source, fileId, lattice, dimension, generatorHash, log2Volume, nsm, seed, targetKind,
                targetValue, newSpreadWeight, keepNonFinite, nonFiniteCount, plan, mean, scale, newTheta, level, coder,
                coarseScale);
    }

    /** A copy with another point coder and κ_c (1 unless the coder is {@link #CODER_POLAR_LEVELS}). */
    public FileHeader withCoder(int newCoder, double k) {
        return new FileHeader(source, fileId, lattice, dimension, generatorHash, log2Volume, nsm, seed, targetKind,
                targetValue, spreadWeight, keepNonFinite, nonFiniteCount, plan, mean, scale, theta, level, newCoder, k);
    }

    /** A copy with another κ_c (trial encodings of {@link #CODER_POLAR_LEVELS}). */
    public FileHeader withCoarseScale(double k) {
        return withCoder(coder, k);
    }

    /** The full header: preamble, body and CRC32C. */
    public byte[] toBytes() {
        int c = plan.channels();
        long[] ts = plan.timeShape();
        int body = SourceCodec.size(source) + ID_BYTES + 4 + lattice.length + 4 + 32 + 8 + 8 + 8 + 1 + 8 + 8 + 8
                + 1 + 1 + 8 * ts.length + 1 + 2 * plan.axes() + 2 + 8 + 1 + (plan.hasKlt() ? 8 * c * c : 0)
                + 3 * 8 * c + 1 + (version() == VERSION ? 0 : 1) + (coder == CODER_POLAR_LEVELS ? 8 : 0);
        ByteBuffer b = ByteBuffer.allocate(EcdqHeader.PREAMBLE + body + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(EcdqHeader.MAGIC);
        b.putShort((short) version());
        b.putShort((short) (keepNonFinite ? FLAG_KEEP_NONFINITE : 0));
        b.putInt(body);
        SourceCodec.write(b, source);
        b.put(fileId);
        b.putInt(lattice.length);
        b.put(lattice);
        b.putInt(dimension);
        b.put(generatorHash);
        b.putDouble(log2Volume);
        b.putDouble(nsm);
        b.putLong(seed);
        b.put((byte) targetKind);
        b.putDouble(targetValue);
        b.putDouble(spreadWeight);
        b.putLong(nonFiniteCount);
        b.put((byte) c);
        b.put((byte) ts.length);
        for (long d : ts) {
            b.putLong(d);
        }
        b.put((byte) plan.axes());
        for (int t : plan.tiles()) {
            b.putShort((short) t);
        }
        b.put((byte) plan.bandMode());
        b.put((byte) plan.bandsPerOctave());
        b.putLong(plan.rowsPerBlock());
        b.put((byte) (plan.hasKlt() ? 1 : 0));
        if (plan.hasKlt()) {
            for (double v : plan.klt()) {
                b.putDouble(v);
            }
        }
        for (int i = 0; i < c; i++) {
            b.putDouble(mean[i]);
            b.putDouble(scale[i]);
            b.putDouble(theta[i]);
        }
        b.put((byte) level);
        if (version() != VERSION) {
            b.put((byte) coder);
        }
        if (coder == CODER_POLAR_LEVELS) {
            b.putDouble(coarseScale);
        }
        if (b.position() != EcdqHeader.PREAMBLE + body) {
            throw new IllegalStateException("header length mismatch");
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, EcdqHeader.PREAMBLE + body);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** CRC32C of the header as stored. */
    public int crc() {
        byte[] h = toBytes();
        return ByteBuffer.wrap(h, h.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /**
     * Reads the body of a version-2 or version-3 header whose preamble (magic, version, flags, body length) has been
     * read and checked by {@link HeaderReader}; validates every field against the documented limits and the file
     * size before anything is sized from it.
     */
    static FileHeader readBody(int version, byte[] all, int flags, int bodyLen, long fileSize)
            throws LatqFormatException {
        if ((flags & ~FLAG_KEEP_NONFINITE) != 0) {
            throw new LatqFormatException("header has unknown flags 0x" + Integer.toHexString(flags));
        }
        LittleEndian r = new LittleEndian(all, EcdqHeader.PREAMBLE, bodyLen, "header");
        SampleFormat source = SourceCodec.read(r);
        byte[] id = r.bytes(ID_BYTES);
        long latLen = r.u32();
        if (latLen > MAX_LATTICE_BYTES || latLen > r.remaining()) {
            throw new LatqFormatException("header lattice description of " + latLen + " bytes is invalid");
        }
        byte[] lattice = r.bytes((int) latLen);
        long dim = r.u32();
        byte[] hash = r.bytes(32);
        double log2Volume = r.f64();
        double nsm = r.f64();
        long seed = r.i64();
        int targetKind = r.u8();
        double targetValue = r.f64();
        double spreadWeight = r.f64();
        long nonFinite = r.i64();
        int c = r.u8();
        int m = r.u8();
        if (dim < 1 || dim > MAX_DIMENSION) {
            throw new LatqFormatException("header has invalid lattice dimension " + dim);
        }
        if (c < 1 || c > TransformPlan.MAX_CHANNELS || m < 1 || m > SourceCodec.MAX_NDIM) {
            throw new LatqFormatException("header has an invalid channel count or array rank");
        }
        long[] ts = new long[m];
        for (int i = 0; i < m; i++) {
            ts[i] = r.i64();
        }
        int axes = r.u8();
        if (axes < 1 || axes > TransformPlan.MAX_AXES) {
            throw new LatqFormatException("header has an invalid transform rank " + axes);
        }
        int[] tiles = new int[axes];
        for (int i = 0; i < axes; i++) {
            tiles[i] = r.u16();
        }
        int bandMode = r.u8();
        int bandsPerOctave = r.u8();
        long rows = r.i64();
        int kltFlag = r.u8();
        if (kltFlag > 1) {
            throw new LatqFormatException("header has an invalid channel transform");
        }
        double[] klt = null;
        if (kltFlag == 1) {
            klt = new double[c * c];
            for (int i = 0; i < klt.length; i++) {
                klt[i] = r.f64();
            }
        }
        double[] mean = new double[c];
        double[] scale = new double[c];
        double[] theta = new double[c];
        for (int i = 0; i < c; i++) {
            mean[i] = r.f64();
            scale[i] = r.f64();
            theta[i] = r.f64();
        }
        int level = r.u8();
        int coder = CODER_EXACT_GAUSSIAN;
        double coarseScale = 1.0;
        if (version == VERSION_3) {
            coder = r.u8();
            if (coder == CODER_EXACT_GAUSSIAN || coder > MAX_CODER) {
                throw new LatqFormatException("header names an unknown point coder " + coder);
            }
            if (level > MAX_LEVEL) {
                throw new LatqFormatException("header has an invalid level " + level);
            }
            if (coder == CODER_POLAR_LEVELS) {
                coarseScale = r.f64();
                if (!(coarseScale > 0 && coarseScale <= 16)) {
                    throw new LatqFormatException("header has an invalid coarse scale " + coarseScale);
                }
            }
        }
        if (r.remaining() != 0) {
            throw new LatqFormatException("header has " + r.remaining() + " unexpected trailing bytes");
        }
        // the geometry must describe exactly the samples of the source
        long prod = 1;
        try {
            for (long d : ts) {
                if (d < 0) {
                    throw new LatqFormatException("header has a negative array dimension");
                }
                prod = Math.multiplyExact(prod, d);
            }
            prod = Math.multiplyExact(prod, c);
        } catch (ArithmeticException e) {
            throw new LatqFormatException("header array shape overflows");
        }
        if (prod != source.sampleCount()) {
            throw new LatqFormatException("header transform geometry does not match its sample count");
        }
        TransformPlan plan;
        try {
            plan = new TransformPlan(ts, c, axes, tiles, rows, klt, bandMode, bandsPerOctave);
        } catch (IllegalArgumentException e) {
            throw new LatqFormatException("header has an invalid transform: " + e.getMessage());
        }
        long blocks;
        try {
            blocks = plan.blockCount();
        } catch (ArithmeticException e) {
            throw new LatqFormatException("header block count overflows");
        }
        if (plan.maxBlockSamples() > MAX_BLOCK_SAMPLES) {
            throw new LatqFormatException("header blocks of " + plan.maxBlockSamples() + " samples exceed the limit "
                    + MAX_BLOCK_SAMPLES);
        }
        // every block takes at least its fixed part, its cell codes and its CRC
        long minBlock = BlockLayoutLimits.FIXED + plan.cellsPerBlock() + 4L;
        if (blocks > (fileSize - all.length) / minBlock) {
            throw new LatqFormatException("header claims " + blocks + " blocks but the file is only " + fileSize
                    + " bytes (truncated or crafted)");
        }
        if (klt != null && !orthonormal(klt, c)) {
            throw new LatqFormatException("header channel transform is not orthonormal");
        }
        boolean ok = Double.isFinite(log2Volume) && nsm > 0 && nsm < 1 && spreadWeight >= 0 && spreadWeight <= 16
                && Double.isFinite(targetValue);
        for (int i = 0; i < c; i++) {
            ok &= Double.isFinite(mean[i]) && scale[i] > 0 && Double.isFinite(scale[i]) && theta[i] > 0
                    && Double.isFinite(theta[i]);
        }
        // the unscaled lattice noise and every water level relative to it must stay far inside double range, so
        // that every cell's step, gain and spread are finite and positive whatever the cell codes say
        double sigma0Sq = io.latq.ecdq.quantizer.CellDesign.unscaledNoise(nsm, log2Volume, (int) dim);
        ok &= sigma0Sq >= 0x1p-600 && sigma0Sq <= 0x1p600;
        for (int i = 0; i < c && ok; i++) {
            double ratio = theta[i] / sigma0Sq;
            ok &= ratio >= 0x1p-400 && ratio <= 0x1p400 && Math.abs(mean[i]) <= 0x1p900 && scale[i] >= 0x1p-900
                    && scale[i] <= 0x1p900;
        }
        if (!ok) {
            throw new LatqFormatException("header has invalid scale parameters");
        }
        if (nonFinite < 0 || nonFinite > source.sampleCount()
                || (nonFinite > 0 && (flags & FLAG_KEEP_NONFINITE) == 0)) {
            throw new LatqFormatException("header has an invalid non-finite sample count");
        }
        return new FileHeader(source, id, lattice, (int) dim, hash, log2Volume, nsm, seed, targetKind, targetValue,
                spreadWeight, (flags & FLAG_KEEP_NONFINITE) != 0, nonFinite, plan, mean, scale, theta, level, coder,
                coarseScale);
    }

    private static boolean orthonormal(double[] u, int c) {
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                double dot = 0;
                for (int k = 0; k < c; k++) {
                    double a = u[k * c + i];
                    double b = u[k * c + j];
                    if (!Double.isFinite(a) || !Double.isFinite(b)) {
                        return false;
                    }
                    dot += a * b;
                }
                if (!(Math.abs(dot - (i == j ? 1 : 0)) < 1e-9)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileHeader h && Arrays.equals(toBytes(), h.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "FileHeader[v" + version() + ", " + source.describe() + ", " + plan.describe() + "]";
    }

    /** Block layout constants shared with {@link io.latq.ecdq.block.BlockFormat}. */
    public static final class BlockLayoutLimits {
        /** index, samples, non-finite count, payload length. */
        public static final int FIXED = 16;

        private BlockLayoutLimits() {
        }
    }

    /** Reads a header of any supported version; see {@link HeaderReader}. */
    public static Object readAny(InputStream in, long fileSize) throws IOException {
        return HeaderReader.read(in, fileSize);
    }
}
