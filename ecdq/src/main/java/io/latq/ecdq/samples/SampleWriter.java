package io.latq.ecdq.samples;

import java.io.IOException;

/** Writes samples into a container described by a {@link SampleFormat}. */
public interface SampleWriter {
    /** Appends {@code len} samples from {@code src[off..]}. */
    void write(double[] src, int off, int len) throws IOException;

    /** Writes any trailer and flushes; checks that exactly the announced number of samples was written. */
    void finish() throws IOException;
}
