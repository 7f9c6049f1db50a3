package io.latq.cli;

import io.latq.common.output.AtomicOutput;
import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latq generate gaussian --samples N --sigma S --seed K -o x.f64}: i.i.d. Gaussian test data. */
@Command(name = "generate", footer = {"%nExamples:",
                "  latq generate gaussian --samples 1000000 -o x.f64",
                "  latq generate gaussian --samples 48000 --sigma 0.1 -o noise.wav --json"},
        mixinStandardHelpOptions = true,
        description = "Write i.i.d. N(mean, sigma^2) samples (SplitMix64 + ziggurat, reproducible from the seed).")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DISTRIBUTION", description = "Only 'gaussian'.")
    String distribution;

    @Option(names = "--samples", required = true, description = "Number of samples.")
    long samples;

    @Option(names = "--sigma", defaultValue = "1", description = "Standard deviation (default ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--mean", defaultValue = "0", description = "Mean (default ${DEFAULT-VALUE}).")
    double mean;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, description = "Output; the extension sets the type; - writes "
            + "standard output (then --type is needed).")
    Path output;

    @Option(names = "--type", description = "Output type: " + SampleFiles.TYPES + " (default: from the extension).")
    String type;

    @Option(names = "--force", description = "Overwrite an existing output.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object (output, type, samples, mean, sigma, seed); on "
            + "stderr when -o - writes the samples to stdout.")
    boolean json;

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), this::generate);
    }

    private int generate() throws IOException {
        if (!distribution.equals("gaussian")) {
            throw new IllegalArgumentException("unknown distribution '" + distribution + "' (only 'gaussian')");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("--sigma must be finite and >= 0, --mean finite");
        }
        String t = type != null ? type : SampleFiles.typeForExtension(output);
        if (t == null) {
            throw new IllegalArgumentException("cannot tell the output type from " + output.getFileName()
                    + "; use --type (" + SampleFiles.TYPES + ")");
        }
        SampleFormat format = SampleFiles.formatForGenerated(t, samples);
        try (StdStreams io = new StdStreams()) {
            Path out = io.output(output, "output." + t);
            write(out, format, mean, sigma, seed, force);
            if (StdStreams.isDash(output)) {
                StdStreams.toStdout(out);
            }
        }
        java.io.PrintWriter msg = StdStreams.isDash(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (json) {
            java.util.Map<String, Object> o = JsonOutput.object();
            o.put("output", output.toString());
            o.put("type", t);
            o.put("samples", samples);
            o.put("mean", mean);
            o.put("sigma", sigma);
            o.put("seed", seed);
            msg.println(JsonOutput.line(o));
        } else if (!Verbosity.quiet()) {
            msg.println("wrote " + samples + " samples to " + output);
        }
        msg.flush();
        return 0;
    }

    /** Writes {@code format.sampleCount()} Gaussian samples atomically. Shared with the rd command. */
    static void write(Path output, SampleFormat format, double mean, double sigma, long seed, boolean force)
            throws IOException {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        try (AtomicOutput out = AtomicOutput.create(output, force)) {
            SampleWriter w = SampleFiles.create(out.stream(), format);
            double[] buf = new double[1 << 14];
            long left = format.sampleCount();
            while (left > 0) {
                int n = (int) Math.min(buf.length, left);
                for (int i = 0; i < n; i++) {
                    buf[i] = mean + sigma * g.sample();
                }
                w.write(buf, 0, n);
                left -= n;
            }
            w.finish();
            out.commit();
        }
    }
}
