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

    /**
     * Reads exactly {@code count} samples into {@code dst[0..count)}, for a caller that counted them in an earlier
     * pass over the same file.
     *
     * @throws io.latq.common.LatqException if the input ends early (it changed since it was counted)
     */
    default void readFully(double[] dst, int count) throws IOException {
        int got = 0;
        while (got < count) {
            int k = read(dst, got, count - got);
            if (k < 0) {
                throw endedEarly();
            }
            got += k;
        }
    }

    /**
     * Skips exactly {@code count} samples, for a caller that counted them in an earlier pass; a fixed-width file
     * seeks instead of decoding them.
     *
     * @throws io.latq.common.LatqException if the input ends early (it changed since it was counted)
     */
    default void skip(long count) throws IOException {
        double[] scratch = new double[(int) Math.min(count, 1 << 13)];
        long left = count;
        while (left > 0) {
            int k = read(scratch, 0, (int) Math.min(left, scratch.length));
            if (k < 0) {
                throw endedEarly();
            }
            left -= k;
        }
    }

    /** The error of {@link #readFully} and {@link #skip} when a counted input ends early. */
    static io.latq.common.LatqException endedEarly() {
        return new io.latq.common.LatqException("input changed while it was read (fewer samples than counted)");
    }
}
