package io.latq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The {@code latq} command. It only parses arguments, calls the libraries and prints: every algorithm lives in
 * lattice-core or ecdq.
 *
 * <p>Exit codes: 0 success, 1 bad input data or a failed operation, 2 bad usage (unknown flag, bad value),
 * 3 internal error. Errors print one line on stderr, prefixed {@code latq: }, with no stack trace unless the
 * environment variable {@code LATQ_DEBUG} is set.
 */
@Command(name = "latq",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Lattice quantization, polar lattices and entropy-coded dithered quantization.",
        subcommands = {NsmCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_DATA = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the given arguments and returns the exit code (used by tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** A configured command line whose output and errors go to System.out / System.err. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::onParameterError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> onExecutionError(ex, cmd));
        return cl;
    }

    private static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        String name = ex.getCommandLine().getCommandSpec().qualifiedName();
        err.println("latq: " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static int onExecutionError(Exception ex, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        int code;
        String msg;
        if (ex instanceof IllegalArgumentException || ex instanceof IOException
                || ex instanceof UncheckedIOException || ex instanceof CliException) {
            Throwable t = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
            msg = describe(t);
            code = ex instanceof CliException c ? c.exitCode() : EXIT_DATA;
        } else {
            msg = "internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
            code = EXIT_INTERNAL;
        }
        err.println("latq: " + oneLine(msg));
        if (System.getenv("LATQ_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + m;
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException) {
            return "file exists: " + m;
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\r", " ").replace("\n", " ").trim();
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"latq " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
