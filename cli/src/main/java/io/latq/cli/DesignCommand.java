package io.latq.cli;

import io.latq.common.output.AtomicOutput;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.NsmEngine;
import io.latq.nsm.EvaluationSeeds;
import io.latq.nsm.NsmResult;
import io.latq.polarlattice.LevelRankings;
import io.latq.polarlattice.ListSelection;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeDesign;
import io.latq.polarlattice.PolarLatticeOptimizer;
import io.latq.polarlattice.PolarQuantizerOptions;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.PolarTransform;
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

/** {@code latq design}: lattice designs. Only {@code latq design polar} exists so far. */
@Command(name = "design", footer = {"%nExamples:",
                "  latq design polar --n 1024 --sigma 0.55 -o design.json"},
        mixinStandardHelpOptions = true,
        description = "Design a lattice (see 'latq design polar --help').",
        subcommands = {DesignCommand.Polar.class})
final class DesignCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing lattice family (polar)");
    }

    /** {@code latq design polar}. */
    @Command(name = "polar", footer = {"%nExamples:",
                    "  latq design polar --n 1024 --sigma 0.55 -o design.json",
                    "  latq design polar --n 64 --sigma 0.5 --optimize --samples 20000 -o d.json --json"},
            mixinStandardHelpOptions = true,
            description = {"Design a polar lattice as a JSON design file.",
                    "Nested information sets A1 <= ... <= Ar come from the bit-channel rankings of the mod-2",
                    "Gaussian level channels (noise sigma/2^(i-1) at level i).",
                    "Without --optimize the sizes are Ki = ceil(N*Ci) (or --k). With --optimize the sizes and sigma",
                    "are searched for the smallest Monte Carlo NSM with common random numbers, and the winner is",
                    "re-estimated with the evaluation seed 1000000001, which no search uses, for the report.",
                    "The search seed (< 2^20) is recorded in the design (optimizer_seeds)."})
    static final class Polar implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--n", required = true, paramLabel = "N", description = "Block length (dimension), 2^m.")
        int n;

        @Option(names = "--levels", paramLabel = "R", defaultValue = "2",
                description = "Number of levels r (default: ${DEFAULT-VALUE}).")
        int levels;

        @Option(names = "--sigma", paramLabel = "S[,S...]", split = ",",
                description = "Test-channel noise; a list is searched with --optimize (default 0.5, or 0.45,0.5,"
                        + "0.55,0.6 with --optimize).")
        List<Double> sigmas;

        @Option(names = "--k", paramLabel = "K1,K2,...", split = ",",
                description = "Level sizes (non-decreasing); the start point with --optimize.")
        List<Integer> ks;

        @Option(names = "--list", paramLabel = "L", defaultValue = "1",
                description = "List size the design is tuned for (1 = SC; default: ${DEFAULT-VALUE}).")
        int list;

        @Option(names = "--select", paramLabel = "metric|distortion", defaultValue = "metric",
                description = "Final list selection when --list > 1 (default: ${DEFAULT-VALUE}).")
        String select;

        @Option(names = "--construction", paramLabel = "tv|mc", defaultValue = "tv",
                description = "Ranking: tv = Tal-Vardy upper bounds, mc = Monte Carlo genie SC (default: "
                        + "${DEFAULT-VALUE}).")
        String construction;

        @Option(names = "--mu", paramLabel = "MU", defaultValue = "32",
                description = "Tal-Vardy fidelity (default: ${DEFAULT-VALUE}).")
        int mu;

        @Option(names = "--frames", paramLabel = "F", defaultValue = "4000",
                description = "Monte Carlo construction frames (default: ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--optimize", description = "Search the sizes Ki and sigma for the smallest NSM.")
        boolean optimize;

        @Option(names = "--samples", paramLabel = "M",
                description = "Vectors per candidate with --optimize (default: max(256, 2^21/N)).")
        Long samples;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "Seed of the search (and of the Monte Carlo ranking), in [0, 2^20): evaluation seeds "
                        + "lie above (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
        Integer threads;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Design JSON file.")
        Path output;

        @Option(names = "--force", description = "Overwrite an existing output file.")
        boolean force;

        @Option(names = "--json", description = "Print a one-line JSON summary instead of the table.")
        boolean json;

        @Option(names = "--no-progress", description = "Do not print search progress on stderr.")
        boolean noProgress;

        @CommandLine.Mixin
        EngineMixin engineOptions;

        private CommandLine.ParameterException usage(String msg) {
            return new CommandLine.ParameterException(spec.commandLine(), msg);
        }

        @Override
        public Integer call() throws Exception {
            if (!PolarTransform.isPowerOfTwo(n) || n < 2 || n > (1 << 20)) {
                throw usage("--n must be a power of two between 2 and 2^20, got " + n);
            }
            if (levels < 1 || levels > PolarLatticeDesign.MAX_LEVELS) {
                throw usage("--levels must be in 1.." + PolarLatticeDesign.MAX_LEVELS + ", got " + levels);
            }
            if (list < 1 || list > PolarQuantizerOptions.MAX_LIST) {
                throw usage("--list must be in 1.." + PolarQuantizerOptions.MAX_LIST + ", got " + list);
            }
            LevelRankings.Method method = switch (construction.toLowerCase(Locale.ROOT)) {
                case "tv" -> LevelRankings.Method.TAL_VARDY;
                case "mc" -> LevelRankings.Method.MONTE_CARLO;
                default -> throw usage("--construction must be tv or mc, got " + construction);
            };
            ListSelection selection = switch (select.toLowerCase(Locale.ROOT)) {
                case "metric" -> ListSelection.PATH_METRIC;
                case "distortion" -> ListSelection.DISTORTION;
                default -> throw usage("--select must be metric or distortion, got " + select);
            };
            if (method == LevelRankings.Method.TAL_VARDY && (mu < 4 || mu % 2 != 0)) {
                throw usage("--mu must be an even number >= 4, got " + mu);
            }
            if (frames < 2) {
                throw usage("--frames must be at least 2, got " + frames);
            }
            List<Double> sig = sigmas != null ? sigmas
                    : optimize ? List.of(0.45, 0.5, 0.55, 0.6) : List.of(0.5);
            for (double s : sig) {
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw usage("--sigma must be positive, got " + s);
                }
            }
            if (!optimize && sig.size() != 1) {
                throw usage("give one --sigma without --optimize");
            }
            if (ks != null) {
                if (ks.size() != levels) {
                    throw usage("--k needs " + levels + " values (one per level), got " + ks.size());
                }
                for (int i = 0; i < ks.size(); i++) {
                    if (ks.get(i) < (i == 0 ? 0 : ks.get(i - 1)) || ks.get(i) > n) {
                        throw usage("--k must satisfy 0 <= K1 <= ... <= Kr <= N = " + n + ", got " + ks);
                    }
                }
            }
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1) {
                throw usage("--threads must be at least 1, got " + t);
            }
            if (!EvaluationSeeds.isOptimizerSeed(seed)) {
                throw usage("--seed must be in [0, 2^20) (seeds from 2^20 up are kept for evaluation), got " + seed);
            }
            long m = samples != null ? samples : Math.max(256, (1L << 21) / n);
            if (m < 2) {
                throw usage("--samples must be at least 2, got " + m);
            }
            AtomicOutput.checkTarget(output, force);
            PolarQuantizerOptions q = new PolarQuantizerOptions(list, selection, CheckNodeKernel.TABULATED);
            PrintWriter err = spec.commandLine().getErr();
            String command = commandText();

            PolarLatticeDesign design;
            NsmResult search = null;
            NsmResult check = null;
            int evaluations = 0;
            if (optimize) {
                try (NsmEngine engine = engineOptions.open(spec, t)) {
                double[] grid = sig.stream().mapToDouble(Double::doubleValue).toArray();
                PolarLatticeOptimizer.Settings settings = new PolarLatticeOptimizer.Settings(n, levels, grid, method,
                        mu, frames, seed, q, m, seed, t);
                PolarLatticeOptimizer opt = new PolarLatticeOptimizer(settings, ks == null ? null
                        : ks.stream().mapToInt(Integer::intValue).toArray(),
                        noProgress || Verbosity.quiet() ? null : line -> {
                            err.println("design: " + line);
                            err.flush();
                        }, engine);
                PolarLatticeOptimizer.Result res = opt.optimize();
                search = res.score();
                evaluations = res.evaluations();
                check = engine.estimate(LatticeRecipe.ofPolar(res.design(), q), m, EvaluationSeeds.FIRST, null);
                String notes = String.format(Locale.ROOT,
                        "made by: %s | search: %d candidates, %d vectors each, seed %d, best G = %.6f | "
                                + "check with evaluation seed %d: G = %.6f +- %.6f (%s; NSM batch contract v%d)",
                        command, evaluations, m, seed, search.nsm(), check.seed(), check.nsm(), check.stderr(),
                        new PolarLattice(res.design(), q).name(), check.contractVersion());
                design = res.design().withMetadata(res.design().construction(), list, notes);
                }
            } else {
                if (engineOptions.master != null || !engineOptions.engine.equalsIgnoreCase("local")) {
                    throw usage("--engine and --master apply to --optimize only");
                }
                LevelRankings rk = LevelRankings.compute(n, sig.get(0), levels, method, mu, frames, seed);
                int[] k = ks == null ? rk.capacityMatchedSizes() : ks.stream().mapToInt(Integer::intValue).toArray();
                design = rk.design(k, list, "made by: " + command);
                if (method == LevelRankings.Method.MONTE_CARLO) {
                    design = design.withOptimizerSeeds(new PolarLatticeDesign.OptimizerSeeds(null, seed, false));
                }
            }
            AtomicOutput.writeString(output, design.toJson(), force);
            print(design, search, check, evaluations);
            return 0;
        }

        private String commandText() {
            List<String> args = spec.commandLine().getParseResult().originalArgs();
            int from = 0;
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("design") && args.get(i + 1).equals("polar")) {
                    from = i + 2; // invoked through the top-level command: drop "design polar"
                    break;
                }
            }
            List<String> parts = new ArrayList<>(List.of("latq", "design", "polar"));
            parts.addAll(args.subList(from, args.size()));
            // drop the output and housekeeping flags: they do not change the design (nor does the engine)
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                String p = parts.get(i);
                if (p.equals("-o") || p.equals("--output") || p.equals("--threads") || p.equals("--engine")
                        || p.equals("--master")) {
                    i++;
                    kept.add(p.equals("-o") || p.equals("--output") ? "-o design.json" : "");
                    continue;
                }
                if (p.startsWith("--output=") || p.startsWith("--threads=") || p.startsWith("--engine=")
                        || p.startsWith("--master=") || p.equals("--force")
                        || p.equals("--json") || p.equals("--no-progress")) {
                    continue;
                }
                kept.add(p);
            }
            kept.removeIf(String::isEmpty);
            return String.join(" ", kept);
        }

        private void print(PolarLatticeDesign d, NsmResult search, NsmResult check, int evaluations) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> lv = new ArrayList<>();
                for (int i = 1; i <= d.levels(); i++) {
                    Map<String, Object> level = JsonOutput.object();
                    level.put("level", i);
                    level.put("noise", d.levelNoise(i));
                    level.put("capacity", d.capacity(i));
                    level.put("k", d.k(i));
                    lv.add(level);
                }
                Map<String, Object> o = JsonOutput.object();
                o.put("n", d.n());
                o.put("sigma", d.sigma());
                o.put("levels", lv);
                o.put("list_size", d.listSize());
                o.put("log2_volume", d.log2Volume());
                o.put("sha256", d.sha256());
                o.put("search_seed", d.optimizerSeeds().search());
                o.put("ranking_seed", d.optimizerSeeds().ranking());
                o.put("output", output.toString());
                if (check != null) {
                    o.put("evaluations", evaluations);
                    o.put("search_nsm", search.nsm());
                    o.put("nsm", check.nsm());
                    o.put("stderr", check.stderr());
                    o.put("granular_gain_db", check.granularGainDb());
                }
                out.println(JsonOutput.line(o));
            } else {
                out.printf(Locale.ROOT, "polar lattice design N=%d sigma=%s levels=%d (tuned for list %d)%n", d.n(),
                        d.sigma(), d.levels(), d.listSize());
                out.printf(Locale.ROOT, "%5s %9s %9s %7s %8s %9s%n", "level", "noise", "capacity", "K", "K/N",
                        "N*C");
                for (int i = 1; i <= d.levels(); i++) {
                    out.printf(Locale.ROOT, "%5d %9.5f %9.6f %7d %8.5f %9.1f%n", i, d.levelNoise(i), d.capacity(i),
                            d.k(i), (double) d.k(i) / d.n(), d.n() * d.capacity(i));
                }
                out.printf(Locale.ROOT, "log2 V = %d, sha256 %s, %s%n", d.log2Volume(), d.sha256(),
                        d.optimizerSeeds().describe());
                if (check != null) {
                    out.printf(Locale.ROOT, "search: %d candidates, best G = %.6f (seed %d, biased low by selection)%n",
                            evaluations, search.nsm(), search.seed());
                    out.printf(Locale.ROOT, "check:  G = %.6f +- %.6f (evaluation seed %d), granular gain %.4f dB%n",
                            check.nsm(), check.stderr(), check.seed(), check.granularGainDb());
                }
                if (!Verbosity.quiet()) {
                    out.println("wrote " + output);
                }
            }
            out.flush();
        }
    }
}
