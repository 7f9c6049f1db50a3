package io.latq.ecdq.samples;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the samples of a file as doubles, in file order, in chunks of the caller's size, so memory does not
 * depend on the input size. Malformed content is reported as {@link io.latq.common.LatqFormatException}.
 */
public interface SampleReader extends Closeable {
    /**
     * The container metadata. For CSV the column count and sample count are only final once the reader is
     * exhausted; for the other containers they are known after opening.
     */
    SampleFormat format();

    /** Reads up to {@code len} samples into {@code dst[off..]}; returns the number read, or −1 at the end. */
    int read(double[] dst, int off, int len) throws IOException;
}
