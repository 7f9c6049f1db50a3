package io.latq.polarlattice;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.NsmEngine;
import io.latq.engine.NsmTask;
import io.latq.nsm.EvaluationSeeds;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
import io.latq.polar.PolarTransform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The quantization-goodness study of polar lattices ({@code latq goodness}): the NSM of a polar-lattice design for
 * each dimension N and list size, measured on an {@link NsmEngine}, and for each list size the fit
 * G − 1/(2πe) ∝ N^(−1/μ) ({@link GapScalingFit}). The CLI parses the options, shows progress and writes the table
 * and the plot.
 *
 * @param lattices the lattices in order: for each list size, every N
 * @param lists    the list sizes, one curve each
 * @param samples  vectors per point, or null for {@link #defaultSamples(int)}
 * @param seed     the seed of every point; figures are reported from an evaluation seed
 *                 ({@link EvaluationSeeds}), never from a seed a design records as an optimizer seed
 *                 ({@link #seedConflicts()})
 */
public record GoodnessStudy(List<PolarLattice> lattices, List<Integer> lists, Long samples, long seed) {

    /** G of E8 (Conway &amp; Sloane, SPLAG, Table 2.3), a reference line of the plot. */
    public static final double G_E8 = 0.0716821;

    /** G of the Leech lattice Λ24 (SPLAG, Table 2.3). */
    public static final double G_LEECH = 0.0657710;

    /**
     * Granular gain in dB of trellis-coded quantization with a 256-state trellis, ≈ 1.33 dB (Eyuboglu &amp; Forney,
     * IEEE Trans. Inf. Theory 39(1), 1993; Marcellin &amp; Fischer, IEEE Trans. Commun. 38(1), 1990, report 256-state
     * TCQ within 0.21 dB of the distortion-rate bound of the uniform source, i.e. ≈ 1.32 dB).
     */
    public static final double TCQ256_GAIN_DB = 1.33;

    /** Granular gain in dB of the LDGM-code quantizer of Wang &amp; He (arXiv 0801.2423): 1.4906 dB. */
    public static final double LDGM_GAIN_DB = 1.4906;

    /** One measured point, with the provenance of its design's seeds. */
    public record Point(int n, int list, NsmResult result, String sha256, String optimizerSeeds) {
        /** A point whose design records no seeds. */
        public Point(int n, int list, NsmResult result, String sha256) {
            this(n, list, result, sha256, PolarLatticeDesign.OptimizerSeeds.NONE.describe());
        }
    }

    /** G for a granular gain of {@code db} dB over Z^n: (1/12)·10^(−db/10). */
    public static double nsmOfGainDb(double db) {
        return StrictMath.pow(10.0, -db / 10.0) / 12.0;
    }

    /**
     * The NSM of the n-dimensional ball, G_ball(n) = Γ(n/2+1)^(2/n) / ((n+2)π), a lower bound on the NSM of every
     * n-dimensional lattice (Conway &amp; Sloane, SPLAG, ch. 21, eq. (38)); it falls to 1/(2πe) as n → ∞.
     * G_ball(1) = 1/12, G_ball(2) = 1/(4π). ln Γ by Stirling's series after shifting the argument above 16.
     *
     * @param n the dimension (real, ≥ 1: the plot draws it between powers of two)
     */
    public static double ballNsm(double n) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + n);
        }
        return StrictMath.exp(2.0 / n * logGamma(n / 2 + 1)) / ((n + 2) * StrictMath.PI);
    }

    /**
     * ln Γ(x) for x &gt; 0: shift to x ≥ 32, then Stirling's series to the x^−7 term (next term below 3e-17; the
     * shift's cancellation leaves an error of about 1e-14).
     */
    static double logGamma(double x) {
        double shift = 0;
        while (x < 32) {
            shift += StrictMath.log(x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
        return (x - 0.5) * StrictMath.log(x) - x + 0.5 * StrictMath.log(2 * StrictMath.PI) + series - shift;
    }

    /**
     * The lattices whose design records {@link #seed()} as an optimizer seed (search or ranking): their points would
     * be measured on the vectors the design was chosen on, biased low. Empty when the seed is clean.
     */
    public List<String> seedConflicts() {
        List<String> bad = new ArrayList<>();
        for (PolarLattice lat : lattices) {
            PolarLatticeDesign.OptimizerSeeds s = lat.design().optimizerSeeds();
            if (s.contains(seed)) {
                bad.add(lat.name() + " (" + s.describe() + ")");
            }
        }
        return bad;
    }

    /** Progress reporting of a run: a sink for the vectors done so far, closed when the run ends. */
    public interface Progress extends LongConsumer, AutoCloseable {
        @Override
        void close();
    }

    /** Opens the progress of one run of {@code total} vectors, labelled {@code label}. */
    public interface ProgressFactory {
        Progress open(String label, long total);
    }

    public GoodnessStudy {
        lattices = List.copyOf(lattices);
        lists = List.copyOf(lists);
    }

    /**
     * Builds the study from designs: the shipped ones ({@link ShippedDesigns}) or, with {@code designDir}, the files
     * {@code polar-n<N>-L<list>.json} (else {@code -L1}) there. Every design is loaded here, so a missing one fails
     * before any work.
     */
    public static GoodnessStudy of(int[] ns, List<Integer> lists, ListSelection selection, Path designDir,
                                   Long samples, long seed) {
        List<PolarLattice> lattices = new ArrayList<>();
        for (int l : lists) {
            for (int n : ns) {
                PolarLatticeDesign d = design(n, l, designDir);
                lattices.add(new PolarLattice(d, new PolarQuantizerOptions(l, selection, CheckNodeKernel.TABULATED)));
            }
        }
        return new GoodnessStudy(lattices, lists, samples, seed);
    }

    /** Vectors per point by default: max(200, 2^22/N), about the same number of scalar samples per point. */
    public static long defaultSamples(int n) {
        return Math.max(200, (1L << 22) / n);
    }

    /** The vectors measured for a lattice of dimension {@code n}. */
    public long samplesFor(int n) {
        return samples != null ? samples : defaultSamples(n);
    }

    /** The design of dimension {@code n} for list size {@code list}, shipped or from {@code designDir}. */
    public static PolarLatticeDesign design(int n, int list, Path designDir) {
        if (designDir == null) {
            return ShippedDesigns.forN(n, list);
        }
        Path f = designDir.resolve("polar-n" + n + "-L" + list + ".json");
        if (!f.toFile().isFile()) {
            f = designDir.resolve("polar-n" + n + "-L1.json");
        }
        return PolarLatticeSpecProvider.readFile(f.toString());
    }

    /**
     * Parses dimensions: a range {@code A..B} of powers of two (every power of two from A to B) or a list
     * {@code A,B,C} of powers of two.
     *
     * @throws IllegalArgumentException with a one-line message naming {@code --n}
     */
    public static int[] dimensions(String text) {
        String s = text.strip();
        List<Integer> ns = new ArrayList<>();
        try {
            if (s.contains("..")) {
                String[] ab = s.split("\\.\\.", -1);
                if (ab.length != 2) {
                    throw new IllegalArgumentException("--n must be A..B or a list, got '" + text + "'");
                }
                int a = Integer.parseInt(ab[0].strip());
                int b = Integer.parseInt(ab[1].strip());
                if (!PolarTransform.isPowerOfTwo(a) || !PolarTransform.isPowerOfTwo(b) || a > b) {
                    throw new IllegalArgumentException("--n range ends must be powers of two with A <= B, got '"
                            + text + "'");
                }
                for (long n = a; n <= b; n *= 2) {
                    ns.add((int) n);
                }
            } else {
                for (String part : s.split(",")) {
                    int n = Integer.parseInt(part.strip());
                    if (!PolarTransform.isPowerOfTwo(n)) {
                        throw new IllegalArgumentException("--n values must be powers of two, got " + n);
                    }
                    ns.add(n);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--n must be A..B or a comma-separated list of powers of two, got '"
                    + text + "'");
        }
        return ns.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Measures every point on {@code engine}, in order, handing each to {@code onPoint} as it is done. On the local
     * engine each point is one run; elsewhere (a cluster) all points run as one job, since a large-N point has only
     * a few batches, too few to fill a cluster. The results are the same either way (see {@link NsmEngine}).
     */
    public List<Point> measure(NsmEngine engine, ProgressFactory progress, Consumer<Point> onPoint) {
        return measure(engine, progress, onPoint, Map.of());
    }

    /**
     * As {@link #measure(NsmEngine, ProgressFactory, Consumer)}, but a point whose {@link #reuseKey} is in
     * {@code earlier} is taken from there instead of being measured again (a long study resumed from its CSV: the
     * estimate is deterministic, so the same key means the same result).
     */
    public List<Point> measure(NsmEngine engine, ProgressFactory progress, Consumer<Point> onPoint,
                               Map<String, NsmResult> earlier) {
        List<NsmResult> together = null;
        if (!engine.name().equals("local")) {
            List<NsmTask> tasks = new ArrayList<>();
            long total = 0;
            for (PolarLattice lat : lattices) {
                long m = samplesFor(lat.dimension());
                if (!earlier.containsKey(reuseKey(lat, m))) {
                    tasks.add(new NsmTask(LatticeRecipe.of(lat), m, seed));
                    total += m;
                }
            }
            if (!tasks.isEmpty()) {
                try (Progress bar = progress.open("goodness (" + engine.name() + ")", total)) {
                    together = engine.estimateAll(tasks, bar);
                }
            }
        }
        List<Point> points = new ArrayList<>();
        int next = 0;
        for (PolarLattice lat : lattices) {
            long m = samplesFor(lat.dimension());
            NsmResult r = earlier.get(reuseKey(lat, m));
            if (r == null && together != null) {
                r = together.get(next++);
            } else if (r == null) {
                try (Progress bar = progress.open("goodness " + lat.name(), m)) {
                    r = engine.estimate(LatticeRecipe.of(lat), m, seed, bar);
                }
            }
            Point p = new Point(lat.dimension(), lat.options().listSize(), r, lat.design().sha256(),
                    lat.design().optimizerSeeds().describe());
            points.add(p);
            onPoint.accept(p);
        }
        return points;
    }

    private String reuseKey(PolarLattice lat, long samples) {
        return reuseKey(lat.name(), samples, seed, lat.design().sha256(), NsmEstimator.CONTRACT_VERSION);
    }

    /**
     * What identifies a point's estimate: the lattice name (N, list size, selection and kernel), the vectors, the
     * seed, the design hash and the NSM batch contract version.
     */
    public static String reuseKey(String lattice, long samples, long seed, String sha256, int contractVersion) {
        return lattice + "/" + samples + "/" + seed + "/" + sha256 + "/v" + contractVersion;
    }

    /**
     * The fit G − 1/(2πe) ∝ N^(−1/μ) over the points of list size {@code list}, or null with fewer than two points
     * or when the fit is undefined.
     */
    public static GapScalingFit fit(List<Point> points, int list) {
        List<Point> ps = points.stream().filter(p -> p.list() == list).toList();
        if (ps.size() < 2) {
            return null;
        }
        try {
            return GapScalingFit.fit(ps.stream().mapToInt(Point::n).toArray(),
                    ps.stream().mapToDouble(p -> p.result().nsm()).toArray(),
                    ps.stream().mapToDouble(p -> p.result().stderr()).toArray());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
