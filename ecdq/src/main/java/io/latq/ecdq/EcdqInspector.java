package io.latq.ecdq;

import io.latq.common.LatqException;
import io.latq.common.LatqFormatException;

import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.file.FileLayout;
import io.latq.ecdq.file.HeaderReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a latq ECDQ file's header, block headers and trailer and checks every CRC, without entropy decoding.
 */
public final class EcdqInspector {
    private EcdqInspector() {
    }

    /** Size and content summary of one block. */
    public record BlockInfo(long index, int samples, int nonFinite, int payloadBytes, int storedBytes) {
    }

    /**
     * The result: the header (always valid when returned), blocks read, and {@code problem} = null when the whole
     * file passed the integrity checks, else the one-line reason.
     */
    public record Inspection(FileLayout header, long fileSize, int headerBytes, List<BlockInfo> blocks,
                             String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Inspects {@code file}. A malformed header throws {@link LatqFormatException}; problems after the header are
     * reported in the result so the blocks read so far can still be shown.
     */
    public static Inspection inspect(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new LatqException("input " + file + " is a directory, not a latq file");
        }
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            FileLayout h = (FileLayout) HeaderReader.read(in, size);
            int headerBytes = h.headerBytes();
            long left = size - headerBytes;
            List<BlockInfo> blocks = new ArrayList<>();
            String problem = null;
            try {
                for (long b = 0; b < h.blockCount(); b++) {
                    BlockFormat.Block blk = BlockFormat.read(in, b, (int) h.samplesInBlock(b), h.cellsPerBlock(),
                            h.maxPayload(b), left, h.blockCrcSeed());
                    left -= blk.storedBytes();
                    blocks.add(new BlockInfo(b, blk.samples(), blk.nonFiniteOffsets().length, blk.payload().length,
                            blk.storedBytes()));
                }
                BlockFormat.readTrailer(in, h.blockCount(), h.sampleCount(), h.crc());
            } catch (LatqFormatException e) {
                problem = e.getMessage();
            }
            return new Inspection(h, size, headerBytes, blocks, problem);
        }
    }

    /**
     * The header's fields as an ordered map of display values (numbers, strings, booleans, arrays) for both
     * versions; keys are documented in docs/cli.md ("inspect").
     */
    public static java.util.Map<String, Object> describe(FileLayout h) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("version", h.version());
        m.put("samples", h.sampleCount());
        m.put("source", h.source().describe());
        m.put("container", h.source().container().name().toLowerCase(java.util.Locale.ROOT));
        m.put("dtype", h.source().type().name().toLowerCase(java.util.Locale.ROOT));
        m.put("big_endian", h.source().bigEndian());
        m.put("shape", java.util.Arrays.toString(h.source().shape()));
        m.put("channels", h.source().channels());
        m.put("sample_rate", h.source().sampleRate());
        m.put("lattice", h.latticeName());
        m.put("dimension", h.dimension());
        if (h instanceof io.latq.ecdq.file.EcdqHeader v1) {
            m.put("generator_sha256", java.util.HexFormat.of().formatHex(v1.generatorHash()));
            m.put("nsm", v1.nsm());
            m.put("seed", v1.seed());
            m.put("mean", v1.mean());
            m.put("sigma", v1.sigma());
            m.put("alpha", v1.alpha());
            m.put("beta", v1.beta());
            m.put("zero_rate", v1.zeroRate());
            m.put("model_spread", v1.modelSpread());
            m.put("vectors_per_block", v1.vectorsPerBlock());
            m.put("keep_nonfinite", v1.keepNonFinite());
        } else {
            io.latq.ecdq.file.FileHeader v2 = (io.latq.ecdq.file.FileHeader) h;
            m.put("generator_sha256", java.util.HexFormat.of().formatHex(v2.generatorHash()));
            m.put("file_id", java.util.HexFormat.of().formatHex(v2.fileId()));
            m.put("nsm", v2.nsm());
            m.put("seed", v2.seed());
            m.put("transform", v2.plan().describe());
            m.put("transform_shape", java.util.Arrays.toString(v2.plan().timeShape()));
            m.put("bands", v2.plan().bands());
            m.put("rows_per_block", v2.plan().rowsPerBlock());
            m.put("channel_mean", v2.mean());
            m.put("channel_scale", v2.scale());
            m.put("water_level", v2.theta());
            m.put("spread_weight", v2.spreadWeight());
            m.put("level", v2.level());
            m.put("point_coder", switch (v2.coder()) {
                case io.latq.ecdq.file.FileHeader.CODER_PHASE_TABLE -> "successive-phase-table";
                case io.latq.ecdq.file.FileHeader.CODER_POLAR_LEVELS -> "polar-levels";
                default -> "successive-exact";
            });
            if (v2.coder() == io.latq.ecdq.file.FileHeader.CODER_POLAR_LEVELS) {
                m.put("coarse_scale", v2.coarseScale());
            }
            m.put("keep_nonfinite", v2.keepNonFinite());
        }
        m.put("nonfinite", h.nonFiniteCount());
        m.put("block_count", h.blockCount());
        return m;
    }
}
