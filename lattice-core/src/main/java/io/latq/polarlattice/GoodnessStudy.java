package io.latq.polarlattice;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.NsmEngine;
import io.latq.engine.NsmTask;
import io.latq.nsm.NsmResult;
import io.latq.polar.PolarTransform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * @param seed     the seed of every point
 */
public record GoodnessStudy(List<PolarLattice> lattices, List<Integer> lists, Long samples, long seed) {

    /** One measured point. */
    public record Point(int n, int list, NsmResult result, String sha256) {
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
        List<NsmResult> together = null;
        if (!engine.name().equals("local")) {
            List<NsmTask> tasks = new ArrayList<>();
            long total = 0;
            for (PolarLattice lat : lattices) {
                long m = samplesFor(lat.dimension());
                tasks.add(new NsmTask(LatticeRecipe.of(lat), m, seed));
                total += m;
            }
            try (Progress bar = progress.open("goodness (" + engine.name() + ")", total)) {
                together = engine.estimateAll(tasks, bar);
            }
        }
        List<Point> points = new ArrayList<>();
        for (PolarLattice lat : lattices) {
            long m = samplesFor(lat.dimension());
            NsmResult r;
            if (together != null) {
                r = together.get(points.size());
            } else {
                try (Progress bar = progress.open("goodness " + lat.name(), m)) {
                    r = engine.estimate(LatticeRecipe.of(lat), m, seed, bar);
                }
            }
            Point p = new Point(lat.dimension(), lat.options().listSize(), r, lat.design().sha256());
            points.add(p);
            onPoint.accept(p);
        }
        return points;
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
