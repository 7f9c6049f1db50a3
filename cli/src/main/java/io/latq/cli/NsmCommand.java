package io.latq.cli;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.NsmEngine;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.polarlattice.PolarLattice;
import io.latq.nsm.EvaluationSeeds;
import io.latq.nsm.KnownNsm;
import io.latq.nsm.NsmResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/** {@code latq nsm}: Monte Carlo normalized second moment of one or more lattices. */
@Command(name = "nsm", footer = {"%nExamples:",
                "  latq nsm --lattice E8",
                "  latq nsm --lattice Z1,A2,D4,E8 --samples 2000000 --seed 1",
                "  latq nsm --lattice polar:n=1024 --json"},
        mixinStandardHelpOptions = true,
        description = {"Estimate the normalized second moment G = E|e|^2/(n V^(2/n)) by Monte Carlo.",
                "Prints G, its standard error, the 95%% interval, the granular gain 10log10((1/12)/G) in dB",
                "and the gap to the sphere bound 10log10(2 pi e G) in dB."})
final class NsmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lattice", required = true, paramLabel = "SPEC",
            description = {"Lattice: Z1, Z8, A2, D4, D3*, E8, BW16, Leech, E8^4, 0.5*E8, gen:file=rows.txt, ...",
                    "Repeat, or separate with commas, for a table (default table: see README)."})
    List<String> lattices;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000000",
            description = "Number of random vectors (default: ${DEFAULT-VALUE}).")
    long samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). The result does not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON document on one line: an object for one lattice, an array "
            + "of objects for several.")
    boolean json;

    @Option(names = "--no-progress", description = "Never show the progress bar.")
    boolean noProgress;

    @CommandLine.Mixin
    EngineMixin engineOptions;

    @Override
    public Integer call() {
        if (samples < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--samples must be at least 2, got " + samples);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + t);
        }
        List<LatticeRecipe> parsed = new ArrayList<>();
        for (String s : SpecList.split(lattices)) {
            parsed.add(LatticeRecipe.ofSpec(s, LatticeSpecs.parse(s))); // the spec travels to cluster executors
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.List<Object> results = new java.util.ArrayList<>();
        try (NsmEngine engine = engineOptions.open(spec, t)) { // before any output: it may fail in one line
        if (!json) {
            out.printf("%-12s %5s %10s %11s %10s %23s %9s %9s %11s%n", "lattice", "n", "samples", "G", "stderr",
                    "95% interval", "gain dB", "gap dB", "known G");
        }
        for (LatticeRecipe recipe : parsed) {
            Lattice lattice = recipe.build();
            if (lattice instanceof PolarLattice p && p.design().optimizerSeeds().contains(seed)
                    && !Verbosity.quiet()) {
                // a design's score on its own search seed is biased low by the selection
                err.println("latq nsm: warning: seed " + seed + " is an optimizer seed of " + lattice.name() + " ("
                        + p.design().optimizerSeeds().describe() + "); its G is biased low: use an evaluation seed "
                        + "such as " + EvaluationSeeds.FIRST);
                err.flush();
            }
            NsmResult r;
            try (ProgressBar bar = new ProgressBar(err, "nsm " + lattice.name(), samples, !noProgress)) {
                r = engine.estimate(recipe, samples, seed, bar::update);
            }
            OptionalDouble known = KnownNsm.lookup(lattice.name());
            if (json) {
                Map<String, Object> o = JsonOutput.object();
                o.put("lattice", r.lattice());
                o.put("dimension", r.dimension());
                o.put("samples", r.samples());
                o.put("seed", r.seed());
                o.put("nsm", r.nsm());
                o.put("stderr", r.stderr());
                o.put("stderr_batch_means", r.stderrBatchMeans());
                o.put("ci95_low", r.ci95Low());
                o.put("ci95_high", r.ci95High());
                o.put("granular_gain_db", r.granularGainDb());
                o.put("gap_to_sphere_bound_db", r.gapToSphereBoundDb());
                o.put("log2_volume", r.log2Volume());
                o.put("known_nsm", known.isPresent() ? known.getAsDouble() : null);
                o.put("threads", t);
                o.put("seconds", r.seconds());
                o.put("cpu_seconds", r.cpuSeconds());
                o.put("nsm_contract_version", r.contractVersion());
                o.put("batches", r.batches());
                results.add(o);
            } else {
                out.printf("%-12s %5d %10d %11.8f %10.2e [%10.8f,%10.8f] %9.4f %9.4f %11s%n", r.lattice(),
                        r.dimension(), r.samples(), r.nsm(), r.stderr(), r.ci95Low(), r.ci95High(),
                        r.granularGainDb(), r.gapToSphereBoundDb(),
                        known.isPresent() ? String.format("%.8f", known.getAsDouble()) : "-");
            }
            out.flush();
        }
        }
        if (json) {
            out.println(JsonOutput.line(results.size() == 1 ? results.get(0) : results));
            out.flush();
        }
        return 0;
    }
}
