package io.latq.common;

import java.io.IOException;

/**
 * A data or usage error the user can act on: an input that cannot be processed as asked, or an output that may not
 * be written (for example one that already exists). The message is one line, meant to be shown as is; command-line
 * tools report it without a stack trace and exit with status 1.
 *
 * <p>It extends {@link IOException} so that streaming code can pass it through I/O signatures unchanged.
 */
public class LatqException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, shown to the user as is */
    public LatqException(String message) {
        super(message);
    }

    /** @param message one line, shown to the user as is */
    public LatqException(String message, Throwable cause) {
        super(message, cause);
    }
}
