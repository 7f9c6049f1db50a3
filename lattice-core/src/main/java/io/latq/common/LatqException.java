package io.latq.common;

import java.io.IOException;

/**
 * A data error that the user can act on: the input cannot be compressed or decompressed as asked
 * (for example a non-finite sample, or an output file that already exists). The message is one line,
 * meant to be shown as is.
 *
 * <p>It extends {@link IOException} so that streaming code can pass it through I/O signatures unchanged.
 */
public class LatqException extends IOException {
    private static final long serialVersionUID = 1L;

    public LatqException(String message) {
        super(message);
    }

    public LatqException(String message, Throwable cause) {
        super(message, cause);
    }
}
