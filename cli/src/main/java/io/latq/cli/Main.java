package io.latq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latq} command. It only parses arguments, calls the libraries and prints: every algorithm lives in
 * lattice-core or ecdq. Errors and exit codes are described in {@link CliSupport}.
 */
@Command(name = "latq",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Lattice quantization, polar lattices and entropy-coded dithered quantization.",
        subcommands = {
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
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the given arguments and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** A configured command line whose output and errors go to System.out / System.err. */
    public static CommandLine commandLine() {
        return CliSupport.configure(new CommandLine(new Main()));
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
