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
}
