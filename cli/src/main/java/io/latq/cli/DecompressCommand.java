package io.latq.cli;

import io.latq.ecdq.EcdqDecompressor;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latq decompress -i IN -o OUT [--force]}: restores the samples in their original container. */
@Command(name = "decompress", mixinStandardHelpOptions = true,
        description = "Decompress a latq ECDQ file into its original container type, dtype, shape and channels.")
public final class DecompressCommand implements Callable<Integer> {
    private final Function<String, Lattice> resolver;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, description = "Compressed input.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, description = "Output samples.")
    Path output;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--force", description = "Overwrite an existing output.")
    boolean force;

    @Option(names = "--no-progress", description = "Never show the progress bar (shown on stderr after 1 s).")
    boolean noProgress;

    public DecompressCommand() {
        this(LatticeSpecs::parse);
    }

    public DecompressCommand(Function<String, Lattice> resolver) {
        this.resolver = resolver;
    }

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), () -> {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("--threads must be in [1, 1024]");
            }
            EcdqDecompressor.Result r;
            try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "decompress", -1, !noProgress)) {
                r = EcdqDecompressor.decompress(input, output, force, threads, resolver, bar::update);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + r.samples() + " samples (" + r.header().source().describe() + ", " + r.bytesWritten()
                    + " bytes) to " + output);
            out.flush();
            return 0;
        });
    }
}
