package io.latq.cli;

import io.latq.ecdq.samples.SampleComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code latq compare REFERENCE OTHER [--json]}: the distortion of OTHER against REFERENCE (for instance an original
 * and what some codec made of it): samples, MSE, RMSE, SNR in dB and the largest absolute error.
 */
@Command(name = "compare", footer = {"%nExamples:",
                "  latq compare x.f64 y.f64",
                "  latq compare x.wav y.wav --json"},
        mixinStandardHelpOptions = true,
        description = {"Measure the distortion of a sample file against a reference.",
                "Prints samples, mse, rmse, snr_db = 10 log10(var(REFERENCE)/mse) and max_abs_error.",
                "The files may be of different types."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REFERENCE", description = "The original samples (- for standard input).")
    Path reference;

    @Parameters(index = "1", paramLabel = "OTHER", description = "The samples to measure (- for standard input).")
    Path other;

    @Option(names = "--type", paramLabel = "T", description = "Type of REFERENCE (default: from the extension).")
    String referenceType;

    @Option(names = "--other-type", paramLabel = "T", description = "Type of OTHER (default: from the extension).")
    String otherType;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), () -> {
            if (StdStreams.isDash(reference) && StdStreams.isDash(other)) {
                throw new IllegalArgumentException("only one of REFERENCE and OTHER can be standard input");
            }
            SampleComparison c;
            try (StdStreams io = new StdStreams()) {
                Path ref = io.input(reference, "reference." + (referenceType == null ? "bin" : referenceType));
                Path oth = io.input(other, "other." + (otherType == null ? "bin" : otherType));
                c = SampleComparison.compare(ref, referenceType, oth, otherType);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> o = JsonOutput.object();
                o.put("samples", c.samples());
                o.put("mse", c.mse());
                o.put("rmse", c.rmse());
                o.put("snr_db", c.snrDb());
                o.put("max_abs_error", c.maxAbsError());
                o.put("non_finite", c.nonFinite());
                o.put("reference_mean", c.referenceMean());
                o.put("reference_variance", c.referenceVariance());
                out.println(JsonOutput.line(o));
            } else {
                out.println(c.line());
            }
            out.flush();
            return 0;
        });
    }
}
