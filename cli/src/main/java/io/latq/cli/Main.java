package io.latq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latq} command. It only parses arguments, calls the libraries and prints: every algorithm lives in
 * lattice-core or ecdq. Errors and exit codes are described in {@link CliSupport}.
 */
@Command(name = "latq",
        footer = {"%nExamples:",
                "  latq compress -i x.f64 -o x.lq --mse 0.01",
                "  latq decompress -i x.lq -o y.f64",
                "  latq nsm --lattice E8",
                "  source <(latq completion)"},
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Lattice quantization, polar lattices and entropy-coded dithered quantization.")
public final class Main implements Runnable {
    /** The subcommands, in the order help lists them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            NsmCommand.class,
            PolarCommand.class,
            GenerateCommand.class,
            CompressCommand.class,
            DecompressCommand.class,
            InspectCommand.class,
            RdCommand.class,
            CompareCommand.class,
            QuantizeCommand.class,
            DesignCommand.class,
            GoodnessCommand.class,
            Main.Completion.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code -q}: no progress bars and no messages, only results and errors (before or after the command). */
    @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "No progress bars or messages: only the result and errors.")
    void quiet(boolean q) {
        if (q) {
            Verbosity.set(true, Verbosity.verbose());
        }
    }

    /** {@code -v}: the elapsed time at the end, and a stack trace with an error. */
    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Extra detail on stderr: elapsed time, and a stack trace with an error.")
    void verbose(boolean v) {
        if (v) {
            Verbosity.set(Verbosity.quiet(), true);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the given arguments and returns the exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** A configured command line whose output and errors go to System.out / System.err. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * {@link #commandLine()} for {@code args}: when they name a subcommand (other than help and completion, which
     * need the whole tree), only that one is built. Picocli builds each command's model by reflection, and building
     * all of them took about a tenth of a second of every run.
     */
    static CommandLine commandLine(String[] args) {
        Verbosity.set(false, false);
        CommandLine cl = new CommandLine(new Main());
        String word = null;
        for (int i = 0; args != null && i < args.length && word == null; i++) {
            word = args[i].startsWith("-") ? null : args[i];
        }
        String only = null;
        for (Class<?> c : SUBCOMMANDS) {
            String name = nameOf(c);
            if (name.equals(word) && !name.equals("help") && !name.equals("completion")) {
                only = name;
            }
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (only == null || only.equals(nameOf(c))) {
                cl.addSubcommand(nameOf(c), c);
            }
        }
        CliSupport.configure(cl);
        java.nio.charset.Charset cs = AsciiWriter.stdoutCharset();
        if (!cs.equals(java.nio.charset.StandardCharsets.UTF_8)) {
            // LANG=C and the like: ASCII instead of '?' for sigma, mu, <=, ...
            cl.setOut(AsciiWriter.of(System.out, cs));
            cl.setErr(AsciiWriter.of(System.err, cs));
        }
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            long start = System.nanoTime();
            int code = run.execute(parseResult);
            if (Verbosity.verbose()) {
                java.io.PrintWriter err = cl.getErr();
                err.printf(java.util.Locale.ROOT, "latq: exit %d after %.3f s%n", code,
                        (System.nanoTime() - start) * 1e-9);
                err.flush();
            }
            return code;
        });
        return cl;
    }

    private static String nameOf(Class<?> c) {
        return c.getAnnotation(Command.class).name();
    }

    /** {@code latq completion}: prints the bash (and zsh) completion script; {@code source <(latq completion)}. */
    @Command(name = "completion", mixinStandardHelpOptions = true,
            description = "Print the bash/zsh completion script for latq.",
            footer = {"%nExamples:", "  source <(latq completion)",
                    "  latq completion > ~/.local/share/bash-completion/completions/latq"})
    static final class Completion implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.print(picocli.AutoComplete.bash("latq", spec.root().commandLine()));
            out.flush();
        }
    }

    /** Version from the jar manifest, or the build version when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"latq " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
