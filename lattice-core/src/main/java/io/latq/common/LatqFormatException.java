package io.latq.common;

/**
 * A malformed file: a compressed latq file that is truncated, corrupted, of a future version or with inconsistent
 * sizes or an untrusted header, or an input container that cannot be parsed safely. The message is one line naming
 * what is wrong.
 */
public class LatqFormatException extends LatqException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming what is wrong */
    public LatqFormatException(String message) {
        super(message);
    }

    /** @param message one line naming what is wrong */
    public LatqFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
