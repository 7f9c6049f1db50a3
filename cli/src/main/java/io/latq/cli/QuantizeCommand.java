package io.latq.cli;

import io.latq.ecdq.samples.SampleFiles;
import java.io.PrintWriter;
import io.latq.ecdq.samples.SampleQuantizer;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.lattice.RowQuantizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code latq quantize}: quantizes the rows of a raw little-endian float64 file (one row per n-vector) with any
 * lattice's quantizer and writes the lattice points in the same format, atomically. The work is
 * {@link RowQuantizer#quantizeFile}; this command parses the options. Other sample files (.npy, .wav, .csv, .f32,
 * .f64be, .f32be by extension) go through {@link SampleQuantizer} and keep their container.
 */
@Command(name = "quantize", footer = {"%nExamples:",
                "  latq quantize --lattice E8 -i rows.f64 -o points.f64",
                "  latq quantize --lattice polar:n=1024 -i rows.f64 -o points.f64 --json"},
        mixinStandardHelpOptions = true,
        description = {"Quantize the rows of a raw float64 file to lattice points.",
                "One row = one n-vector, little-endian; the points Q(x) are written in the same format. Works for",
                "any lattice spec."})
final class QuantizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lattice", required = true, paramLabel = "SPEC",
            description = "Lattice spec: E8, D4, Z16, polar:n=1024, polar:file=design.json,list=8, "
                    + "gen:file=rows.txt, ...")
    String lattice;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Input rows (float64 LE).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Output rows (float64 LE).")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). The output does not depend on it.")
    Integer threads;

    @Option(names = "--no-progress", description = "Never show the progress bar (on a terminal, after 1 s).")
    boolean noProgress;

    @Option(names = "--json", description = "Print one JSON object (input, output, lattice, dimension, rows, threads, "
            + "seconds) on stdout.")
    boolean json;

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), () -> {
            int t = CliSupport.threads(threads);
            Lattice lat = LatticeSpecs.parse(lattice);
            long start = System.nanoTime();
            long rows;
            try (StdStreams io = new StdStreams()) {
                // - is standard input or output: raw little-endian float64 rows
                java.nio.file.Path in = io.input(input, "input.f64");
                java.nio.file.Path out = io.output(output, "output.f64");
                String inType = SampleFiles.typeForExtension(in);
                String outType = SampleFiles.typeForExtension(out);
                if ((inType == null || inType.equals("f64")) && (outType == null || outType.equals("f64"))) {
                    try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "quantize",
                            java.nio.file.Files.isRegularFile(in)
                                    ? java.nio.file.Files.size(in) / (8L * lat.dimension()) : -1, !noProgress)) {
                        rows = RowQuantizer.quantizeFile(lat, in, out, force, t, bar::update);
                    }
                } else { // .npy .wav .csv .f32 …: through the sample I/O, written in the input's container or -o's
                    rows = SampleQuantizer.quantizeFile(lat, in, null, out, force);
                }
                if (StdStreams.isDash(output)) {
                    StdStreams.toStdout(out);
                }
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (json) {
                Map<String, Object> o = JsonOutput.object();
                o.put("input", input.toString());
                o.put("output", output.toString());
                o.put("lattice", lattice);
                o.put("dimension", lat.dimension());
                o.put("rows", rows);
                o.put("threads", t);
                o.put("seconds", seconds);
                PrintWriter msg = StdStreams.isDash(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
                msg.println(JsonOutput.line(o));
                msg.flush();
            }
            spec.commandLine().getErr().flush();
            return 0;
        });
    }
}
