package io.latq.common;

/**
 * A malformed file: a compressed latq file that is truncated, corrupted (CRC mismatch), of a future version or with
 * inconsistent sizes, or an input sample container (NumPy, WAV, CSV, raw) that cannot be parsed safely.
 * The message is one line naming what is wrong.
 */
public class LatqFormatException extends LatqException {
    private static final long serialVersionUID = 1L;

    public LatqFormatException(String message) {
        super(message);
    }

    public LatqFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
