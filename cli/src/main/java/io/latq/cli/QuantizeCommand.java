package io.latq.cli;

import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleQuantizer;
import io.latq.lattice.LatticeSpecs;
import io.latq.lattice.RowQuantizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code latq quantize}: quantizes the rows of a raw little-endian float64 file (one row per n-vector) with any
 * lattice's quantizer and writes the lattice points in the same format, atomically. The work is
 * {@link RowQuantizer#quantizeFile}; this command parses the options. Other sample files (.npy, .wav, .csv, .f32,
 * .f64be, .f32be by extension) go through {@link SampleQuantizer} and keep their container.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = {"Quantize the rows of a raw little-endian float64 file (one row = one n-vector) to the",
                "lattice points Q(x), written in the same format. Works for any lattice spec."})
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

    @Override
    public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + t);
        }
        String inType = SampleFiles.typeForExtension(input);
        String outType = SampleFiles.typeForExtension(output);
        if ((inType == null || inType.equals("f64")) && (outType == null || outType.equals("f64"))) {
            RowQuantizer.quantizeFile(LatticeSpecs.parse(lattice), input, output, force, Math.min(t, 1024));
        } else { // .npy .wav .csv .f32 …: through the sample I/O, written in the input's container or -o's
            SampleQuantizer.quantizeFile(LatticeSpecs.parse(lattice), input, null, output, force);
        }
        spec.commandLine().getErr().flush();
        return 0;
    }
}
