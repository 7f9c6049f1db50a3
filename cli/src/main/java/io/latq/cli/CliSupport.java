package io.latq.cli;

import io.latq.common.LatqException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Error reporting shared by all commands: one line {@code latq: <message>} on stderr and an exit code, never a
 * stack trace (set the environment variable {@code LATQ_DEBUG} to get one).
 *
 * <p>Exit codes: 0 success; 1 bad input data or a failed I/O operation; 2 bad usage (unknown flag, bad value,
 * unknown lattice); 3 internal error (a bug: please report it).
 */
public final class CliSupport {
    /** Exit code for data and I/O errors. */
    public static final int DATA_ERROR = 1;
    /** Exit code for usage errors. */
    public static final int USAGE_ERROR = 2;
    /** Exit code for internal errors. */
    public static final int INTERNAL_ERROR = 3;

    private CliSupport() {
    }

    /** Interface of command bodies that may fail. */
    @FunctionalInterface
    interface Body {
        int run() throws IOException;
    }

    /** The thread count: the option's value (1..1024), or all cores when it is not given. */
    static int threads(Integer option) {
        if (option == null) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        if (option < 1 || option > 1024) {
            throw new IllegalArgumentException("--threads must be in [1, 1024], got " + option);
        }
        return option;
    }

    /**
     * A byte count such as {@code 512M}, {@code 2G}, {@code 1000} (suffixes k, M, G, T: powers of 1024); {@code none}
     * is no limit ({@link Long#MAX_VALUE}); null is 0 (the default).
     */
    static long size(String text, String option) {
        if (text == null) {
            return 0;
        }
        if (text.equalsIgnoreCase("none")) {
            return Long.MAX_VALUE;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,15})([kKmMgGtT]?)").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " must be a size such as 512M or 2G, got '" + text + "'");
        }
        long v = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (v == 0 || v > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(option + " out of range: '" + text + "'");
        }
        return v << shift;
    }

    /**
     * The lattice of a version-1 header whose spec names a lattice file: the user's file replaces the path in the
     * header (the spec's options, e.g. {@code list=}, are kept). Anything else is built without opening files.
     */
    static io.latq.lattice.Lattice v1Lattice(String headerSpec, java.nio.file.Path file) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)^(gen|polar):file=([^,]*)(,.*)?$")
                .matcher(headerSpec.trim());
        if (!m.matches()) {
            return io.latq.lattice.LatticeSpecs.parse(headerSpec, io.latq.lattice.SpecPolicy.EMBEDDED);
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        return io.latq.lattice.LatticeSpecs.parse(m.group(1) + ":file=" + file + rest);
    }

    /**
     * Refuses a compressed file whose original samples are not of the type {@code type} names (decompression restores
     * the original container; it does not convert).
     */
    static void checkStoredType(java.nio.file.Path lq, String type) throws IOException {
        // the header alone: the decoder checks every block when it runs
        io.latq.ecdq.samples.SampleFormat f;
        try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(lq))) {
            f = ((io.latq.ecdq.file.FileLayout) io.latq.ecdq.file.HeaderReader.read(in,
                    java.nio.file.Files.size(lq))).source();
        }
        io.latq.ecdq.samples.SampleFormat want = io.latq.ecdq.samples.SampleFiles.formatForGenerated(type,
                f.sampleCount());
        boolean raw = want.container() == io.latq.ecdq.samples.ContainerType.RAW;
        if (want.container() != f.container()
                || (raw && (want.type() != f.type() || want.bigEndian() != f.bigEndian()))) {
            throw new io.latq.common.LatqException("the file holds " + f.describe() + ", not " + type
                    + " (decompression restores the original container)");
        }
    }

    /** Runs {@code body}, turning exceptions into one line on {@code err} and an exit code. */
    static int run(PrintWriter err, Body body) {
        try {
            return body.run();
        } catch (Exception | Error e) {
            return report(err, e);
        }
    }

    /** Prints the one-line message for {@code t} and returns its exit code. */
    static int report(PrintWriter err, Throwable t) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
        }
        int code;
        String msg;
        if (t instanceof LatqException) {
            code = DATA_ERROR;
            msg = t.getMessage();
        } else if (t instanceof NoSuchFileException e) {
            code = DATA_ERROR;
            msg = "no such file: " + e.getFile();
        } else if (t instanceof AccessDeniedException e) {
            code = DATA_ERROR;
            msg = "permission denied: " + e.getFile();
        } else if (t instanceof FileAlreadyExistsException e) {
            code = DATA_ERROR;
            msg = "file exists: " + e.getFile() + " (use --force to overwrite)";
        } else if (t instanceof NotDirectoryException e) {
            code = DATA_ERROR;
            msg = "not a directory: " + e.getFile();
        } else if (t instanceof IOException) {
            code = DATA_ERROR;
            msg = "I/O error: " + t.getMessage();
        } else if (t instanceof IllegalArgumentException) {
            code = USAGE_ERROR;
            msg = t.getMessage();
        } else if (t instanceof StackOverflowError) {
            code = DATA_ERROR;
            msg = "input is nested too deeply";
        } else if (t instanceof OutOfMemoryError) {
            code = DATA_ERROR;
            msg = "out of memory (raise the heap with LATQ_JAVA_OPTS=-Xmx...)";
        } else {
            code = INTERNAL_ERROR;
            msg = "internal error: " + t;
        }
        int result = fail(err, msg, code);
        if (System.getenv("LATQ_DEBUG") != null || Verbosity.verbose()) {
            t.printStackTrace(err);
            err.flush();
        }
        return result;
    }

    static int fail(PrintWriter err, String message, int code) {
        String m = message == null ? "unknown error" : message.replace('\n', ' ').replace('\r', ' ').trim();
        // one prefix: a message that already carries "latq:" or "Error:" (from a nested report) loses it
        while (m.regionMatches(true, 0, "latq:", 0, 5) || m.regionMatches(true, 0, "error:", 0, 6)) {
            m = m.substring(m.indexOf(':') + 1).trim();
        }
        err.println("latq: " + m);
        err.flush();
        return code;
    }

    /**
     * Installs the one-line handlers for parse errors (exit 2) and exceptions escaping a command on {@code cmd} and
     * its subcommands.
     */
    public static CommandLine configure(CommandLine cmd) {
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = "; did you mean " + String.join(" or ", u.getSuggestions().stream()
                        .limit(3).map(x -> "'" + x + "'").toList()) + "?";
            }
            return fail(c.getErr(), ex.getMessage() + hint + " (see '" + c.getCommandSpec().qualifiedName()
                    + " --help')", USAGE_ERROR);
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(commandLine.getErr(), ex));
        return cmd;
    }
}
