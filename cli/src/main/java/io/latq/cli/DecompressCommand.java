package io.latq.cli;

import io.latq.ecdq.EcdqDecompressor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latq decompress -i IN -o OUT [--force]}: restores the samples in their original container. */
@Command(name = "decompress", footer = {"%nExamples:",
                "  latq decompress -i x.lq -o y.f64",
                "  latq decompress -i x.lq -o - --type f64 > y.f64"},
        mixinStandardHelpOptions = true,
        description = "Decompress a latq ECDQ file into its original container type, dtype, shape and channels.")
public final class DecompressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, description = "Compressed input; - reads standard input.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, description = "Output samples in the original container; "
            + "- writes standard output (messages then go to standard error).")
    Path output;

    @Option(names = "--type", description = "The sample type expected (f64, f32, f64be, f32be, npy, wav, csv): "
            + "refused unless the file holds that type, since decompression restores the original container.")
    String type;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--max-output", description = "Refuse to write more than SIZE bytes (suffix k, M, G; 'none' for "
            + "no limit). Default: 256M or 1024 times the compressed size, whichever is larger.")
    String maxOutput;

    @Option(names = "--lattice-file", description = "For version-1 files that name a lattice file (gen:file=, "
            + "polar:file=): read the lattice from this file instead. A header never opens a file by itself.")
    Path latticeFile;

    @Option(names = "--force", description = "Overwrite an existing output.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object (output, samples, source, bytes); on stderr when "
            + "-o - writes the samples to stdout.")
    boolean json;

    @Option(names = "--no-progress", description = "Never show the progress bar (shown on stderr after 1 s).")
    boolean noProgress;

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), () -> {
            EcdqDecompressor.Options opt = EcdqDecompressor.Options.defaults().withForce(force)
                    .withThreads(CliSupport.threads(threads)).withMaxOutput(CliSupport.size(maxOutput, "--max-output"));
            if (latticeFile != null) {
                opt = opt.withV1Lattices(spec -> CliSupport.v1Lattice(spec, latticeFile));
            }
            EcdqDecompressor.Result r;
            try (StdStreams io = new StdStreams();
                 ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "decompress", -1, !noProgress)) {
                Path in = io.input(input, "input.lq");
                if (type != null) {
                    CliSupport.checkStoredType(in, type);
                }
                Path out = io.output(output, "output.bin");
                r = EcdqDecompressor.decompress(in, out, opt, bar::update);
                bar.clear();
                if (StdStreams.isDash(output)) {
                    StdStreams.toStdout(out);
                }
            }
            PrintWriter out = StdStreams.isDash(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
            if (json) {
                java.util.Map<String, Object> o = JsonOutput.object();
                o.put("output", output.toString());
                o.put("samples", r.samples());
                o.put("source", r.header().source().describe());
                o.put("written", r.written().describe());
                o.put("bytes", r.bytesWritten());
                out.println(JsonOutput.line(o));
            } else if (!Verbosity.quiet()) {
                out.println("wrote " + r.samples() + " samples (" + r.written().describe() + ", "
                        + r.bytesWritten() + " bytes) to " + output);
            }
            out.flush();
            return 0;
        });
    }
}
