package io.latq.cli;

import io.latq.common.BoundedFiles;
import io.latq.common.output.AtomicOutput;

import io.latq.engine.NsmEngine;
import io.latq.nsm.EvaluationSeeds;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
import io.latq.polarlattice.GapScalingFit;
import io.latq.polarlattice.GoodnessStudy;
import io.latq.polarlattice.GoodnessStudy.Point;
import io.latq.polarlattice.ListSelection;
import io.latq.polarlattice.PolarQuantizerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code latq goodness}: the quantization-goodness study of polar lattices, NSM against N with 95% intervals for each
 * list size, a CSV table, an SVG plot with reference lines, and the fit G − 1/(2πe) ∝ N^(−1/μ). The study itself
 * (designs, points, fit) is {@link GoodnessStudy}; this command parses, shows progress and writes the outputs.
 */
@Command(name = "goodness", footer = {"%nExamples:",
                "  latq goodness --n 64..1024 --list 1,8 --csv g.csv --plot g.svg"},
        mixinStandardHelpOptions = true,
        description = {"NSM of the shipped polar-lattice designs against N, with a scaling fit.",
                "Estimates G with 95%% intervals and the CPU time per vector for each list size; writes a CSV",
                "table and an SVG plot (the ball bound G_ball(N) and reference lines E8, Leech, TCQ-256, LDGM,",
                "1/(2 pi e)) and fits G - 1/(2 pi e) ~ N^(-1/mu) by weighted least squares on log-log axes.",
                "The seed must not be one a design records as its optimizer seed (those figures are biased low);",
                "the default is the evaluation seed 1000000001."})
final class GoodnessCommand implements Callable<Integer> {

    /** Reference NSMs drawn on the plot. */
    static final double G_E8 = GoodnessStudy.G_E8;
    static final double G_LEECH = GoodnessStudy.G_LEECH;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", paramLabel = "A..B", defaultValue = "64..16384",
            description = "Dimensions: a range A..B of powers of two, or a list A,B,C (default: ${DEFAULT-VALUE}).")
    String nRange;

    @Option(names = "--list", paramLabel = "L[,L...]", split = ",", defaultValue = "1",
            description = "List sizes, one curve each (default: ${DEFAULT-VALUE}).")
    List<Integer> lists;

    @Option(names = "--select", paramLabel = "metric|distortion", defaultValue = "metric",
            description = "Final list selection (default: ${DEFAULT-VALUE}).")
    String select;

    @Option(names = "--samples", paramLabel = "S",
            description = "Vectors per point (default: max(200, 2^22/N), about the same number of scalar samples "
                    + "per point; the per-vector spread falls like 1/sqrt(N)).")
    Long samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1000000001",
            description = "Seed; an evaluation seed (>= 2^20), never a design's optimizer seed (default: "
                    + "${DEFAULT-VALUE}, the first evaluation seed).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--design-dir", paramLabel = "DIR",
            description = "Read designs polar-n<N>-L<list>.json (or -L1) from DIR instead of the shipped ones.")
    Path designDir;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV output.")
    Path csv;

    @Option(names = "--plot", required = true, paramLabel = "FILE", description = "SVG output.")
    Path plot;

    @Option(names = "--reuse", paramLabel = "CSV",
            description = {"Take points from a CSV an earlier 'latq goodness' wrote when lattice, samples, seed,",
                    "design hash and NSM contract version match, instead of measuring them again (resuming a",
                    "long study; the CSV's rounded G and stderr are used)."})
    Path reuse;

    @Option(names = "--force", description = "Overwrite existing output files.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object (points and scaling fits) instead of the table.")
    boolean json;

    @Option(names = "--no-progress", description = "Never show the progress bar.")
    boolean noProgress;

    @CommandLine.Mixin
    EngineMixin engineOptions;

    private CommandLine.ParameterException usage(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }

    @Override
    public Integer call() throws Exception {
        int[] ns;
        try {
            ns = GoodnessStudy.dimensions(nRange);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (lists.isEmpty()) {
            throw usage("--list needs at least one list size");
        }
        for (int l : lists) {
            if (l < 1 || l > PolarQuantizerOptions.MAX_LIST) {
                throw usage("--list values must be in 1.." + PolarQuantizerOptions.MAX_LIST + ", got " + l);
            }
        }
        ListSelection selection = switch (select.toLowerCase(Locale.ROOT)) {
            case "metric" -> ListSelection.PATH_METRIC;
            case "distortion" -> ListSelection.DISTORTION;
            default -> throw usage("--select must be metric or distortion, got " + select);
        };
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw usage("--threads must be in [1, 1024], got " + threads);
        }
        int t = CliSupport.threads(threads);
        if (samples != null && samples < 2) {
            throw usage("--samples must be at least 2, got " + samples);
        }
        AtomicOutput.checkTarget(csv, force);
        AtomicOutput.checkTarget(plot, force);
        // loads every design first, so that a missing one fails before hours of work
        Map<String, NsmResult> earlier = reuse == null ? Map.of() : readEarlier(reuse);
        GoodnessStudy study = GoodnessStudy.of(ns, lists, selection, designDir, samples, seed);
        List<String> conflicts = study.seedConflicts();
        if (!conflicts.isEmpty()) {
            throw usage("--seed " + seed + " is an optimizer seed of " + String.join("; ", conflicts)
                    + ": its figures would be biased low; use an evaluation seed such as " + EvaluationSeeds.FIRST);
        }
        PrintWriter out = json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (EvaluationSeeds.isOptimizerSeed(seed) && !Verbosity.quiet()) {
            err.println("latq goodness: warning: seed " + seed + " lies in the optimizer range [0, 2^20); reported "
                    + "figures should use evaluation seeds (" + EvaluationSeeds.FIRST + ", ...)");
            err.flush();
        }
        List<Point> points;
        try (NsmEngine engine = engineOptions.open(spec, t)) { // before any output: it may fail in one line
            out.printf(Locale.ROOT, "%6s %5s %9s %10s %10s %23s %8s %8s %9s %11s%n", "N", "list", "samples", "G",
                    "stderr", "95% interval", "gain dB", "gap dB", "seconds", "cpu ms/vec");
            points = study.measure(engine, (label, total) -> progress(err, label, total), p -> {
                NsmResult r = p.result();
                out.printf(Locale.ROOT, "%6d %5d %9d %10.7f %10.2e [%10.7f,%10.7f] %8.4f %8.4f %9.1f %11.3f%n",
                        p.n(), p.list(), r.samples(), r.nsm(), r.stderr(), r.ci95Low(), r.ci95High(),
                        r.granularGainDb(), r.gapToSphereBoundDb(), r.seconds(), 1e3 * r.cpuSecondsPerVector());
                out.flush();
            }, earlier);
        }
        List<GapScalingFit> fitResults = new ArrayList<>();
        for (int l : lists) {
            GapScalingFit f = GoodnessStudy.fit(points, l);
            fitResults.add(f);
            out.println(f == null ? String.format(Locale.ROOT, "list %d: too few points for the scaling fit", l)
                    : String.format(Locale.ROOT, "list %d: G - 1/(2 pi e) ~ N^(-1/mu), mu = %.2f +- %.2f "
                            + "(slope %.4f +- %.4f, reduced chi2 %.2f, %d points)", l, f.mu(), f.muStderr(),
                            f.slope(), f.slopeStderr(), f.chi2Reduced(), f.points()));
        }
        out.flush();
        AtomicOutput.writeString(csv, csv(points), force);
        AtomicOutput.writeString(plot, GoodnessPlot.svg(points, lists, fitResults, selection), force);
        if (!Verbosity.quiet()) {
            out.println("wrote " + csv + " and " + plot);
        }
        out.flush();
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Point p : points) {
                NsmResult r = p.result();
                Map<String, Object> o = JsonOutput.object();
                o.put("n", p.n());
                o.put("list", p.list());
                o.put("samples", r.samples());
                o.put("nsm", r.nsm());
                o.put("stderr", r.stderr());
                o.put("ci95_low", r.ci95Low());
                o.put("ci95_high", r.ci95High());
                o.put("granular_gain_db", r.granularGainDb());
                o.put("gap_to_sphere_bound_db", r.gapToSphereBoundDb());
                o.put("seconds", r.seconds());
                o.put("cpu_seconds_per_vector", r.cpuSecondsPerVector());
                o.put("sha256", p.sha256());
                o.put("optimizer_seeds", p.optimizerSeeds());
                list.add(o);
            }
            List<Object> fits = new ArrayList<>();
            for (int i = 0; i < lists.size(); i++) {
                GapScalingFit f = fitResults.get(i);
                Map<String, Object> o = JsonOutput.object();
                o.put("list", lists.get(i));
                if (f != null) {
                    o.put("mu", f.mu());
                    o.put("mu_stderr", f.muStderr());
                    o.put("slope", f.slope());
                    o.put("slope_stderr", f.slopeStderr());
                    o.put("chi2_reduced", f.chi2Reduced());
                    o.put("points", f.points());
                }
                fits.add(o);
            }
            Map<String, Object> o = JsonOutput.object();
            o.put("seed", seed);
            o.put("nsm_contract_version", NsmEstimator.CONTRACT_VERSION);
            o.put("points", list);
            o.put("fits", fits);
            o.put("csv", csv.toString());
            o.put("plot", plot.toString());
            spec.commandLine().getOut().println(JsonOutput.line(o));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private GoodnessStudy.Progress progress(PrintWriter err, String label, long total) {
        ProgressBar bar = new ProgressBar(err, label, total, !noProgress);
        return new GoodnessStudy.Progress() {
            @Override
            public void accept(long done) {
                bar.update(done);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** The points of an earlier CSV by {@link GoodnessStudy#reuseKey}; rows of another contract never match. */
    private Map<String, NsmResult> readEarlier(Path file) {
        Map<String, NsmResult> m = new java.util.HashMap<>();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file);
             org.apache.commons.csv.CSVParser p = CsvTable.FORMAT.builder().setHeader().setSkipHeaderRecord(true)
                     .get().parse(in)) {
            for (org.apache.commons.csv.CSVRecord r : p) {
                if (!r.isSet("nsm_contract_version") || !r.isSet("cpu_seconds_per_vector")) {
                    throw usage("--reuse " + file + ": not a CSV of this latq version (no nsm_contract_version)");
                }
                long m0 = Long.parseLong(r.get("samples"));
                long s0 = Long.parseLong(r.get("seed"));
                int n = Integer.parseInt(r.get("n"));
                double cpu = Double.parseDouble(r.get("cpu_seconds_per_vector")) * m0;
                NsmResult res = new NsmResult(r.get("lattice"), n, m0, s0, 0, Double.parseDouble(r.get("nsm")),
                        Double.parseDouble(r.get("stderr")), Double.NaN, Double.parseDouble(r.get("log2_volume")),
                        Double.parseDouble(r.get("seconds")), cpu,
                        Integer.parseInt(r.get("nsm_contract_version")));
                m.put(GoodnessStudy.reuseKey(r.get("lattice"), m0, s0, r.get("design_sha256"),
                        Integer.parseInt(r.get("nsm_contract_version"))), res);
            }
        } catch (java.io.IOException | IllegalArgumentException | IllegalStateException e) {
            throw usage("--reuse " + file + ": " + BoundedFiles.excerpt(String.valueOf(e.getMessage()), 200));
        }
        return m;
    }

    static final List<String> CSV_HEADER = List.of("n", "list", "lattice", "samples", "seed", "nsm", "stderr",
            "ci95_low", "ci95_high", "granular_gain_db", "gap_to_sphere_bound_db", "log2_volume", "seconds",
            "cpu_seconds_per_vector", "nsm_contract_version", "design_sha256", "design_optimizer_seeds");

    private static String csv(List<Point> points) {
        List<List<Object>> rows = new ArrayList<>();
        for (Point p : points) {
            NsmResult r = p.result();
            rows.add(List.of(p.n(), p.list(), r.lattice(), r.samples(), r.seed(), f("%.9f", r.nsm()),
                    f("%.3e", r.stderr()), f("%.9f", r.ci95Low()), f("%.9f", r.ci95High()),
                    f("%.6f", r.granularGainDb()), f("%.6f", r.gapToSphereBoundDb()), f("%.0f", r.log2Volume()),
                    f("%.3f", r.seconds()), f("%.4e", r.cpuSecondsPerVector()), r.contractVersion(), p.sha256(),
                    p.optimizerSeeds()));
        }
        return CsvTable.of(CSV_HEADER, rows);
    }

    private static String f(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    /** The SVG plot: G against log2 N, one colour per list size, 95% error bars, reference lines, fitted curves. */
    static final class GoodnessPlot {
        private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

        private GoodnessPlot() {
        }

        static String svg(List<Point> points, List<Integer> lists, List<GapScalingFit> fits,
                          ListSelection selection) {
            int w = 760;
            int h = 480;
            int left = 80;
            int right = 200;
            int top = 40;
            int bottom = 60;
            double xMin = Double.POSITIVE_INFINITY;
            double xMax = Double.NEGATIVE_INFINITY;
            double yMin = NsmResult.SPHERE_BOUND;
            double yMax = G_E8;
            for (Point p : points) {
                double x = StrictMath.log(p.n()) / StrictMath.log(2);
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, p.result().ci95Low());
                yMax = Math.max(yMax, p.result().ci95High());
            }
            if (xMin == xMax) {
                xMin -= 1;
                xMax += 1;
            }
            double pad = 0.04 * (yMax - yMin);
            yMin -= pad;
            yMax += pad;
            double x0 = xMin - 0.3;
            double x1 = xMax + 0.3;
            double fy0 = yMin;
            double fy1 = yMax;
            java.util.function.DoubleUnaryOperator px = x -> left + (x - x0) / (x1 - x0) * (w - left - right);
            java.util.function.DoubleUnaryOperator py = y -> top + (fy1 - y) / (fy1 - fy0) * (h - top - bottom);
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                    + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", w, h, w, h));
            b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">Polar lattices: NSM G "
                    + "against dimension N (95%% intervals, %s selection)</text>%n", left,
                    selection == ListSelection.DISTORTION ? "distortion" : "metric"));
            // axes
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    left, h - bottom, w - right, h - bottom));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    left, top, left, h - bottom));
            for (int e = (int) Math.ceil(xMin); e <= (int) Math.floor(xMax); e++) {
                double x = px.applyAsDouble(e);
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"black\"/>%n", x, h - bottom, x, h - bottom + 5));
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x,
                        h - bottom + 20, 1 << e));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">dimension N</text>%n",
                    (left + w - right) / 2, h - 15));
            double step = niceStep((fy1 - fy0) / 6);
            for (double y = Math.ceil(fy0 / step) * step; y <= fy1; y += step) {
                double yy = py.applyAsDouble(y);
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                        + "stroke=\"#dddddd\"/>%n", left, yy, w - right, yy));
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.4f</text>%n",
                        left - 6, yy + 4, y));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" "
                    + "text-anchor=\"middle\">G</text>%n", (top + h - bottom) / 2, (top + h - bottom) / 2));
            // reference lines
            refLine(b, px, py, x0, x1, G_E8, "E8 0.0716821", "#777777", fy0, fy1);
            refLine(b, px, py, x0, x1, G_LEECH, "Leech 0.0657710", "#777777", fy0, fy1);
            refLine(b, px, py, x0, x1, GoodnessStudy.nsmOfGainDb(GoodnessStudy.TCQ256_GAIN_DB),
                    "TCQ 256 states (1.33 dB)", "#b8860b", fy0, fy1);
            // labelled at the left end: at the right it would sit on the best points
            refLine(b, px, py, x0, x1, GoodnessStudy.nsmOfGainDb(GoodnessStudy.LDGM_GAIN_DB),
                    "LDGM, Wang-He (1.4906 dB)", "#8b008b", fy0, fy1, true);
            refLine(b, px, py, x0, x1, NsmResult.SPHERE_BOUND, "1/(2 pi e) 0.0585498", "#000000", fy0, fy1);
            // the ball bound G_ball(N): no N-dimensional lattice lies below it
            StringBuilder ball = new StringBuilder();
            for (double x = x0; x <= x1 + 1e-9; x += (x1 - x0) / 120) {
                double g = GoodnessStudy.ballNsm(StrictMath.pow(2, x));
                if (g < fy0 || g > fy1) {
                    continue;
                }
                ball.append(ball.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        px.applyAsDouble(x), py.applyAsDouble(g)));
            }
            if (ball.length() > 0) {
                b.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"#000000\" "
                        + "stroke-width=\"1\"/>%n", ball));
            }
            // series
            int legendY = top + 10;
            for (int li = 0; li < lists.size(); li++) {
                int l = lists.get(li);
                String c = COLORS[li % COLORS.length];
                StringBuilder path = new StringBuilder();
                for (Point p : points) {
                    if (p.list() != l) {
                        continue;
                    }
                    double x = px.applyAsDouble(StrictMath.log(p.n()) / StrictMath.log(2));
                    double y = py.applyAsDouble(p.result().nsm());
                    double lo = py.applyAsDouble(p.result().ci95Low());
                    double hi = py.applyAsDouble(p.result().ci95High());
                    b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                            + "stroke=\"%s\"/>%n", x, lo, x, hi, c));
                    b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                            + "stroke=\"%s\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                            x - 4, lo, x + 4, lo, c, x - 4, hi, x + 4, hi, c));
                    b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                            x, y, c));
                    path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x,
                            y));
                }
                if (path.length() > 0) {
                    b.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" "
                            + "stroke-width=\"1.5\"/>%n", path, c));
                }
                GapScalingFit f = fits.get(li);
                if (f != null) {
                    StringBuilder fp = new StringBuilder();
                    for (double x = xMin; x <= xMax + 1e-9; x += (xMax - xMin) / 60) {
                        double g = f.predict(StrictMath.pow(2, x));
                        if (g < fy0 || g > fy1) {
                            continue;
                        }
                        fp.append(fp.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                                px.applyAsDouble(x), py.applyAsDouble(g)));
                    }
                    if (fp.length() > 0) {
                        b.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" "
                                + "stroke-dasharray=\"2 3\"/>%n", fp, c));
                    }
                }
                String label = (l == 1 ? "SC" : "SCL-" + l) + (f == null ? ""
                        : String.format(Locale.ROOT, " (mu = %.2f +- %.2f)", f.mu(), f.muStderr()));
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                        + "fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n", w - right + 10, legendY, c,
                        w - right + 28, legendY + 11, label));
                legendY += 20;
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">dotted: fitted"
                    + "</text>%n", w - right + 10, legendY + 12));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">1/(2 pi e) + c N^(-1/mu)"
                    + "</text>%n", w - right + 10, legendY + 27));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">solid black: ball"
                    + "</text>%n", w - right + 10, legendY + 45));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">bound G_ball(N)"
                    + "</text>%n", w - right + 10, legendY + 60));
            b.append("</svg>\n");
            return b.toString();
        }

        private static void refLine(StringBuilder b, java.util.function.DoubleUnaryOperator px,
                                    java.util.function.DoubleUnaryOperator py, double x0, double x1, double g,
                                    String label, String color, double fy0, double fy1) {
            refLine(b, px, py, x0, x1, g, label, color, fy0, fy1, false);
        }

        private static void refLine(StringBuilder b, java.util.function.DoubleUnaryOperator px,
                                    java.util.function.DoubleUnaryOperator py, double x0, double x1, double g,
                                    String label, String color, double fy0, double fy1, boolean labelLeft) {
            if (g < fy0 || g > fy1) {
                return;
            }
            double y = py.applyAsDouble(g);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-dasharray=\"6 4\"/>%n", px.applyAsDouble(x0), y, px.applyAsDouble(x1), y, color));
            // label inside the plot, just above the line at its right end (the right margin holds the legend)
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" "
                    + "text-anchor=\"%s\">%s</text>%n", labelLeft ? px.applyAsDouble(x0) + 4
                    : px.applyAsDouble(x1) - 4, y - 4, color, labelLeft ? "start" : "end", label));
        }

        private static double niceStep(double raw) {
            double p = StrictMath.pow(10, Math.floor(StrictMath.log10(raw)));
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * p >= raw) {
                    return m * p;
                }
            }
            return 10 * p;
        }
    }
}
