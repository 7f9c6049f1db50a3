package io.latq.cli;

import io.latq.common.output.AtomicOutput;
import io.latq.common.output.TempDirectory;
import io.latq.ecdq.CompressionReport;
import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.quantizer.EcdqDesign;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleComparison;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latq rd [-i FILE] --lattice Z1,E8 --mse 0.5..1e-4 [--points P] --csv rd.csv --plot rd.svg}: sweeps real
 * compress/decompress runs on the user's file (or on generated Gaussian data) and records the measured rate
 * (compressed file size) against the measured MSE (decompressed file against the original), with two bounds: the
 * Gaussian-process R(D) of the file's estimated spectrum (the one the gap is taken against) and the i.i.d. R(D) of
 * its variance.
 */
@Command(name = "rd", footer = {"%nExamples:",
                "  latq rd --lattice Z1,E8 --mse 0.5..1e-4 --csv rd.csv --plot rd.svg",
                "  latq rd -i song.wav --lattice E8 --points 6 --json"},
        mixinStandardHelpOptions = true,
        description = "Measure rate vs MSE of real ECDQ runs on a file (or generated Gaussian data) against the "
                + "process and i.i.d. R(D); write CSV and an SVG plot.")
public final class RdCommand implements Callable<Integer> {
    private final Function<String, Lattice> resolver;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, description = "Measure this sample file instead of generated Gaussian data.")
    Path input;

    @Option(names = "--type", description = "Input type (as for compress; default: from the extension).")
    String type;

    @Option(names = "--sigma", defaultValue = "1",
            description = "Source standard deviation (default ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--lattice", defaultValue = "Z1,E8", description = "Lattices, comma-separated or repeated "
            + "(default ${DEFAULT-VALUE}); polar:n=1024,list=8 keeps its parameters.")
    List<String> latticeArgs;

    private List<String> lattices;

    @Option(names = "--mse", defaultValue = "0.5..1e-4", description = "MSE range HIGH..LOW, log-spaced "
            + "(default ${DEFAULT-VALUE}).")
    String mseRange;

    @Option(names = "--points", defaultValue = "8", description = "Points per lattice (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--samples", defaultValue = "262144", description = "Samples per run (default ${DEFAULT-VALUE}).")
    long samples;

    @Option(names = "--seed", defaultValue = "1", description = "Data seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores); results do not depend on it.")
    Integer threadsOption;

    private int threads;

    @Option(names = "--json", description = "Print one JSON object with every point instead of one text line each.")
    boolean json;

    @Option(names = "--csv", description = "CSV output.")
    Path csv;

    @Option(names = "--plot", description = "SVG plot output.")
    Path plot;

    @Option(names = "--force", description = "Overwrite existing CSV/SVG outputs.")
    boolean force;

    @Option(names = "--no-progress", description = "Never show the progress bar (shown on stderr after 1 s).")
    boolean noProgress;

    public RdCommand() {
        this(LatticeSpecs::parse);
    }

    public RdCommand(Function<String, Lattice> resolver) {
        this.resolver = resolver;
    }

    /** One measured point. */
    record Point(String lattice, double nsm, double targetMse, double mse, double bitsPerSample, double iidRd,
                 double processRd) {
    }

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), this::sweep);
    }

    private int sweep() throws IOException {
        threads = CliSupport.threads(threadsOption);
        double[] range = parseRange(mseRange);
        if (points < 1 || points > 1000) {
            throw new IllegalArgumentException("--points must be in [1, 1000]");
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("--sigma must be positive");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1");
        }
        if (csv != null) {
            AtomicOutput.checkTarget(csv, force);
        }
        if (plot != null) {
            AtomicOutput.checkTarget(plot, force);
        }
        lattices = SpecList.split(latticeArgs);
        double[] nsms = new double[lattices.size()];
        for (int i = 0; i < lattices.size(); i++) {
            nsms[i] = EcdqDesign.latticeNsm(resolver.apply(lattices.get(i)), lattices.get(i), threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Point> pts = new ArrayList<>();
        // Ctrl-C and SIGTERM remove the sweep's temporary files too
        TempDirectory scratch = TempDirectory.create("latq-rd");
        Path tmp = scratch.path();
        long runs = (long) lattices.size() * points;
        double dataSigma = sigma;
        try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "rd", runs * RUN_UNITS, !noProgress)) {
            Path data = input;
            String dataType = type;
            String ext = input == null ? "f64" : SampleFiles.typeForExtension(input);
            if (input == null) {
                data = tmp.resolve("x.f64");
                dataType = "f64";
                GenerateCommand.write(data, SampleFiles.formatForGenerated("f64", samples), 0, sigma, seed, false);
            }
            for (int li = 0; li < lattices.size(); li++) {
                String lat = lattices.get(li);
                for (int p = 0; p < points; p++) {
                    double t = points == 1 ? 0 : (double) p / (points - 1);
                    double lo = StrictMath.log(range[0]);
                    double target = StrictMath.exp(lo + t * (StrictMath.log(range[1]) - lo));
                    Path lq = tmp.resolve("x.lq");
                    Path back = tmp.resolve("y." + (dataType != null ? dataType : ext));
                    Files.deleteIfExists(lq);
                    Files.deleteIfExists(back);
                    long base = (long) (li * points + p) * RUN_UNITS;
                    CompressionReport r = EcdqCompressor.compress(data, dataType, lq,
                            EcdqOptions.mse(target).withLattice(lat).withNsm(nsms[li]).withThreads(threads)
                                    .withSeed(seed),
                            (done, total) -> bar.update(base + share(done, total, COMPRESS_UNITS)));
                    EcdqDecompressor.decompress(lq, back, EcdqDecompressor.Options.defaults().withThreads(threads),
                            (done, total) ->
                            bar.update(base + COMPRESS_UNITS + share(done, total, RUN_UNITS - COMPRESS_UNITS)));
                    double mse = SampleComparison.compare(data, dataType, back, dataType).mse();
                    dataSigma = r.sigma();
                    Point pt = new Point(lat, nsms[li], target, mse, 8.0 * Files.size(lq) / r.samples(),
                            r.iidRdBitsPerSample(), r.processRd());
                    pts.add(pt);
                    bar.clear();
                    if (!json) {
                        out.printf(Locale.ROOT, "%s target_mse=%.6g %s%n", lat, target, r.line());
                        out.flush();
                    }
                }
            }
        } finally {
            scratch.close();
        }
        if (csv != null) {
            List<List<Object>> rows = new ArrayList<>();
            for (Point p : pts) {
                rows.add(List.of(p.lattice(), p.nsm(), p.targetMse(), p.mse(), p.bitsPerSample(), p.processRd(),
                        p.iidRd(), p.processRd() + EcdqDesign.ecdqRedundancy(p.nsm()),
                        p.bitsPerSample() - p.processRd()));
            }
            AtomicOutput.writeString(csv, CsvTable.of(CSV_HEADER, rows), force);
        }
        if (plot != null) {
            String title = input == null ? "ECDQ on N(0, " + (sigma * sigma) + ")" : "ECDQ on " + input.getFileName();
            AtomicOutput.writeString(plot, RdPlot.svg(pts, dataSigma, range, title), force);
        }
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Point p : pts) {
                Map<String, Object> o = JsonOutput.object();
                o.put("lattice", p.lattice());
                o.put("nsm", p.nsm());
                o.put("target_mse", p.targetMse());
                o.put("mse", p.mse());
                o.put("bits_per_sample", p.bitsPerSample());
                o.put("rd_process_bits_per_sample", p.processRd());
                o.put("rd_iid_bits_per_sample", p.iidRd());
                o.put("ecdq_bound_bits_per_sample", p.processRd() + EcdqDesign.ecdqRedundancy(p.nsm()));
                o.put("gap_bits_per_sample", p.bitsPerSample() - p.processRd());
                list.add(o);
            }
            Map<String, Object> o = JsonOutput.object();
            o.put("input", input == null ? null : input.toString());
            o.put("sigma", dataSigma);
            o.put("seed", seed);
            o.put("threads", threads);
            o.put("points", list);
            out.println(JsonOutput.line(o));
            out.flush();
        }
        return 0;
    }

    static double[] parseRange(String s) {
        String[] parts = s.split("\\.\\.");
        try {
            double a;
            double b;
            if (parts.length == 1) {
                a = Double.parseDouble(parts[0].trim());
                b = a;
            } else if (parts.length == 2) {
                a = Double.parseDouble(parts[0].trim());
                b = Double.parseDouble(parts[1].trim());
            } else {
                throw new NumberFormatException();
            }
            if (!(a > 0) || !(b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
                throw new NumberFormatException();
            }
            return new double[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--mse must be a positive value or a range HIGH..LOW, got '" + s + "'");
        }
    }

    static final List<String> CSV_HEADER = List.of("lattice", "nsm", "target_mse", "mse", "bits_per_sample",
            "rd_process_bits_per_sample", "rd_iid_bits_per_sample", "ecdq_bound_bits_per_sample",
            "gap_bits_per_sample");

    /** Progress units per compress/decompress run, and the compression's share of them. */
    private static final long RUN_UNITS = 1000;
    private static final long COMPRESS_UNITS = 600;

    /** {@code done/total} of {@code units}, or 0 while the total is unknown. */
    private static long share(long done, long total, long units) {
        return total > 0 ? Math.min(units, done * units / total) : 0;
    }
}
