package io.latq.cli;

import io.latq.ecdq.CompressionReport;
import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqLevel;
import io.latq.ecdq.EcdqOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latq compress -i IN -o OUT (--mse D | --snr DB | --rate BITS) [--lattice SPEC] ...}: entropy-coded dithered
 * lattice quantization. Prints one line of statistics (or one JSON object with {@code --json}); the distortion
 * figures come from the reconstruction the encoder tracks, which is exactly what decompression writes.
 */
@Command(name = "compress", footer = {"%nExamples:",
                "  latq compress -i x.f64 -o x.lq --mse 0.01",
                "  latq compress -i song.wav -o song.lq --snr 40 --lattice E8 --json",
                "  latq compress -i - -o - --type f64 --rate 4 < x.f64 > x.lq"},
        mixinStandardHelpOptions = true,
        description = "Compress samples with entropy-coded dithered lattice quantization (ECDQ).")
public final class CompressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, description = "Input samples; - reads standard input "
            + "(then --type is needed).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, description = "Compressed output; - writes standard "
            + "output (the statistics then go to standard error).")
    Path output;

    static final class Target {
        @Option(names = "--mse", description = "Target mean squared error.")
        Double mse;
        @Option(names = "--snr", description = "Target SNR in dB (10 log10(sigma^2/MSE)).")
        Double snr;
        @Option(names = "--rate", description = "Target rate in bits/sample (file size, headers included).")
        Double rate;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--level", defaultValue = "default", description = "Speed/rate level: fast, default, best or "
            + "1..9 (fast = 1, default = 5, best = 9); each is a lattice, quantizer and coder (docs/benchmarks.md, "
            + "\"Levels\"). Default ${DEFAULT-VALUE}.")
    String level;

    @Option(names = "--lattice", description = "Lattice spec, overriding the level's (the level's lattice when "
            + "absent: polar:n=1024 at the default level; Z1 and E8 are much faster).")
    String lattice;

    @Option(names = "--nsm", description = "Normalized second moment G of the lattice quantizer "
            + "(default: the known value for Zn, A2, D4, E8).")
    Double nsm;

    @Option(names = "--type", description = "Input type: f64, f32, f64be, f32be, npy, wav, csv "
            + "(default: from the extension).")
    String type;

    @Option(names = "--seed", description = "Dither seed (default: random, recorded in the header). With a seed the "
            + "output is reproducible byte for byte.")
    Long seed;

    @Option(names = "--transform", defaultValue = "auto", description = "Decorrelating transform: auto (decided "
            + "from the data), none, dct (best DCT tile) or dct:B (tile B on every axis). Default ${DEFAULT-VALUE}.")
    String transform;

    @Option(names = "--threads", description = "Worker threads (default: all cores); the output does not depend "
            + "on it.")
    Integer threads;

    @Option(names = "--keep-nonfinite", description = "Carry NaN/Inf samples exactly instead of refusing them.")
    boolean keepNonFinite;

    @Option(names = "--force", description = "Overwrite an existing output.")
    boolean force;

    @Option(names = "--json", description = "Print the statistics as one JSON object.")
    boolean json;

    @Option(names = "--no-progress", description = "Never show the progress bar (shown on stderr after 1 s).")
    boolean noProgress;

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), this::compress);
    }

    private int compress() throws IOException {
        int t = CliSupport.threads(threads);
        if (!transform.matches("auto|none|dct|dct:(1|2|4|8|16|32|64|128|256|512|1024)")) {
            throw new IllegalArgumentException("--transform must be auto, none, dct or dct:B with B a power of two "
                    + "up to 1024, got '" + transform + "'");
        }
        EcdqLevel lvl = EcdqLevel.parse(level);
        if (lattice == null) {
            lattice = lvl.lattice();
        }
        try {
            // a bad lattice spec is a usage error (exit 2), as in every command (the library reports it as data);
            // a spec naming a file is checked by the library, so that an unreadable file stays an I/O error (1)
            if (!io.latq.lattice.LatticeSpecs.readsFiles(lattice)) {
                io.latq.lattice.LatticeDescription.of(lattice);
            }
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("lattice '" + lattice + "': " + e.getMessage(), e);
        }
        EcdqOptions opt = EcdqOptions.mse(1).withLevel(lvl).withLattice(lattice).withThreads(t)
                .withKeepNonFinite(keepNonFinite).withForce(force).withTransform(transform);
        if (target.mse != null) {
            opt = opt.withTarget(EcdqOptions.Target.MSE, target.mse);
        } else if (target.snr != null) {
            opt = opt.withTarget(EcdqOptions.Target.SNR_DB, target.snr);
        } else {
            opt = opt.withTarget(EcdqOptions.Target.RATE, target.rate);
        }
        if (nsm != null) {
            opt = opt.withNsm(nsm);
        }
        if (seed != null) {
            opt = opt.withSeed(seed);
        }
        if (StdStreams.isDash(input) && type == null) {
            throw new IllegalArgumentException("reading samples from standard input needs --type ("
                    + io.latq.ecdq.samples.SampleFiles.TYPES + ")");
        }
        CompressionReport r;
        try (StdStreams io = new StdStreams();
             ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "compress", -1, !noProgress)) {
            Path in = io.input(input, "input." + (type == null ? "bin" : type));
            Path out = io.output(output, "output.lq");
            r = EcdqCompressor.compress(in, type, out, opt, bar::update);
            bar.clear();
            if (StdStreams.isDash(output)) {
                StdStreams.toStdout(out);
            }
        }
        // statistics on stdout, unless stdout carries the data
        PrintWriter out = StdStreams.isDash(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
        out.println(json ? JsonOutput.line(r.figures()) : r.line());
        out.flush();
        return 0;
    }
}
