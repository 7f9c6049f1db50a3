package io.latq.ecdq.file;

import io.latq.ecdq.samples.SampleFormat;

/**
 * What every header version tells a reader about the blocks that follow it: their number, sizes, limits and the
 * values their checks use. {@link EcdqHeader} (version 1) and {@link FileHeader} (version 2) implement it, so one
 * reader, inspector and decoder pipeline serves both.
 */
public interface FileLayout {
    int version();

    SampleFormat source();

    long sampleCount();

    long blockCount();

    /** Samples in block b (all channels). */
    long samplesInBlock(long b);

    /** Largest block in samples, capped by the sample count. */
    long maxBlockSamples();

    /** Cell variance codes per block (0 in version 1). */
    int cellsPerBlock();

    /** Largest payload block b may have. */
    long maxPayload(long b);

    /** The per-file identifier the block CRCs start with (null in version 1). */
    byte[] blockCrcSeed();

    /** CRC32C of the header, repeated in the trailer. */
    int crc();

    /** Length of the header in bytes. */
    int headerBytes();

    long nonFiniteCount();

    int dimension();

    /** The lattice as a short display string. */
    String latticeName();
}
