package io.latq.cli;

import io.latq.ecdq.LatqException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;

/**
 * Error reporting shared by the commands: one line {@code latq: <message>} on stderr, exit code 1 for data and I/O
 * errors and 2 for usage errors, never a stack trace.
 */
public final class CliSupport {
    /** Exit code for data and I/O errors. */
    public static final int DATA_ERROR = 1;
    /** Exit code for usage errors. */
    public static final int USAGE_ERROR = 2;

    private CliSupport() {
    }

    /** Interface of command bodies that may fail. */
    @FunctionalInterface
    interface Body {
        int run() throws IOException;
    }

    /** Runs {@code body}, turning exceptions into one line on {@code err} and an exit code. */
    static int run(PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (LatqException e) {
            return fail(err, e.getMessage(), DATA_ERROR);
        } catch (NoSuchFileException e) {
            return fail(err, "no such file: " + e.getFile(), DATA_ERROR);
        } catch (AccessDeniedException e) {
            return fail(err, "permission denied: " + e.getFile(), DATA_ERROR);
        } catch (FileAlreadyExistsException e) {
            return fail(err, "file exists: " + e.getFile(), DATA_ERROR);
        } catch (NotDirectoryException e) {
            return fail(err, "not a directory: " + e.getFile(), DATA_ERROR);
        } catch (IOException e) {
            return fail(err, "I/O error: " + e.getMessage(), DATA_ERROR);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage(), USAGE_ERROR);
        } catch (OutOfMemoryError e) {
            return fail(err, "out of memory", DATA_ERROR);
        }
    }

    static int fail(PrintWriter err, String message, int code) {
        String m = message == null ? "unknown error" : message.replace('\n', ' ').replace('\r', ' ');
        err.println("latq: " + m);
        err.flush();
        return code;
    }

    /**
     * Installs one-line handlers for parse errors (exit 2) and unexpected exceptions (exit 1) on {@code cmd} and its
     * subcommands; Main should call this on its root CommandLine.
     */
    public static CommandLine configure(CommandLine cmd) {
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            return fail(err, ex.getMessage() + " (see --help)", USAGE_ERROR);
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            return fail(err, "internal error: " + ex, DATA_ERROR);
        });
        return cmd;
    }
}
