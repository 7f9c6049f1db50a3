package io.latq.engine;

/** An engine was asked for by name but is not on the class path (a usage error: exit code 2 in the CLI). */
public final class EngineUnavailableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, saying how to make the engine available */
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
