package io.latq.spark;

import io.latq.engine.EngineOptions;
import io.latq.engine.LatticeRecipe;
import io.latq.engine.NsmEngine;
import io.latq.engine.NsmTask;
import io.latq.lattice.Lattice;
import io.latq.nsm.NsmBatch;
import io.latq.nsm.NsmPlan;
import io.latq.nsm.NsmResult;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Runs NSM estimates as Spark jobs. The batches of an {@link NsmPlan} are cut into contiguous ranges, one Spark
 * partition (task) each; executors rebuild the lattice from its {@link LatticeRecipe} and compute their batches with
 * {@link NsmPlan#batch}; the driver collects the per-batch statistics, puts them in batch order and folds them with
 * {@link NsmPlan#fold}. The local engine runs the same two methods, so the result is bit-identical to a local run with
 * the same seed, whatever the master, the number of executors or the number of partitions.
 *
 * <p><b>Failures.</b> A batch's statistics depend only on the plan and its index, so a task that Spark retries after
 * an executor failure ({@code spark.task.maxFailures}, default 4 on a cluster; {@code local[N,F]} in local mode)
 * recomputes exactly what was lost, and the results of finished tasks are kept by Spark.
 *
 * <p><b>Progress.</b> A {@link ProgressListener} on the driver counts the vectors of the tasks that finished.
 *
 * <p><b>Many estimates.</b> {@link #estimateAll} runs the batches of several estimates (the points of a goodness
 * sweep) as one job, so that estimates with few batches each still fill the cluster.
 */
public final class SparkNsmEngine implements NsmEngine {

    /** Local property tagging the jobs of one estimate, so progress counts only their tasks. */
    static final String ESTIMATE_PROPERTY = "latq.estimate";

    private static final AtomicLong ESTIMATES = new AtomicLong();

    private final JavaSparkContext sc;
    private final boolean ownsContext;
    private final int partitions;

    /**
     * Starts (or joins) a Spark context for {@code options.master()}.
     *
     * @param options master (null: the one {@code spark-submit} set, else {@code local[*]}) and partitions per
     *                job (0: four per core of the cluster; at most one per batch, and a range of batches never
     *                spans two estimates, so a job over several estimates may get a few more)
     */
    public SparkNsmEngine(EngineOptions options) {
        this(start(conf(options.master())), options.partitions(), true);
    }

    /** Starts the context; a bad master URL or an unreachable cluster becomes a one-line IllegalArgumentException. */
    private static JavaSparkContext start(SparkConf conf) {
        try {
            return JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf));
        } catch (Exception e) { // SparkException is a checked exception to Java, though Scala throws it freely
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new IllegalArgumentException("cannot start Spark with master '" + conf.get("spark.master") + "': "
                    + msg, e);
        }
    }

    /**
     * Uses an existing context, which {@link #close()} leaves running.
     *
     * @param partitions partitions per job, or 0 for four per core of the cluster (see the other constructor)
     */
    public SparkNsmEngine(JavaSparkContext sc, int partitions) {
        this(sc, partitions, false);
    }

    private SparkNsmEngine(JavaSparkContext sc, int partitions, boolean ownsContext) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must not be negative, got " + partitions);
        }
        this.sc = sc;
        this.partitions = partitions;
        this.ownsContext = ownsContext;
    }

    /**
     * The Spark configuration: the {@code spark.*} system properties (which {@code spark-submit} sets), the given
     * master if any, else {@code spark.master} from those properties, else {@code local[*]}. In local mode the driver
     * binds to 127.0.0.1 and the web UI is off unless configured otherwise: a laptop run needs neither a resolvable
     * host name nor a port 4040. With any other master, and no {@code spark.jars} set (spark-submit sets it), the
     * jars holding latq's classes are shipped to the executors ({@link #codeJars()}).
     */
    public static SparkConf conf(String master) {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.app.name", "latq");
        if (master != null && !master.isBlank()) {
            conf.setMaster(master.strip());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        String m = conf.get("spark.master");
        if (m.equals("local") || m.startsWith("local[")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            // Executors in other JVMs need latq's classes. spark-submit ships its application jar and --jars (and
            // sets spark.jars); when the driver is ./latq instead, ship the jars this code was loaded from.
            String jars = String.join(",", codeJars());
            if (!jars.isEmpty()) {
                conf.set("spark.jars", jars);
            }
        }
        return conf;
    }

    /**
     * The jar files holding the classes that executors run: this module, lattice-core and its libraries (with
     * ./latq these are latq-spark.jar and the shaded latq.jar). Classes loaded from directories are skipped.
     */
    static List<String> codeJars() {
        List<Class<?>> classes = new ArrayList<>(List.of(SparkNsmEngine.class, NsmPlan.class));
        // lattice-core's libraries, by name: with ./latq they are inside latq.jar; in a plain Maven class path they
        // are jars of their own (looked up by name so that this module does not depend on them)
        for (String name : new String[] {"org.apache.commons.rng.UniformRandomProvider",
            "org.apache.commons.rng.simple.RandomSource", "org.apache.commons.rng.core.BaseProvider",
            "org.apache.commons.rng.sampling.distribution.ContinuousSampler", "org.apache.commons.math3.util.FastMath",
            "org.ejml.data.DMatrixRMaj", "org.ejml.dense.row.CommonOps_DDRM"}) {
            try {
                classes.add(Class.forName(name, false, SparkNsmEngine.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // not used by this lattice-core build: nothing to ship
            }
        }
        List<String> jars = new ArrayList<>();
        for (Class<?> c : classes) {
            try {
                java.security.CodeSource src = c.getProtectionDomain().getCodeSource();
                if (src == null || src.getLocation() == null) {
                    continue;
                }
                java.nio.file.Path path = java.nio.file.Path.of(src.getLocation().toURI());
                String file = path.toString();
                if (file.endsWith(".jar") && java.nio.file.Files.isRegularFile(path) && !jars.contains(file)) {
                    jars.add(file);
                }
            } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
                // not a local file: Spark cannot ship it anyway
            }
        }
        return jars;
    }

    @Override
    public String name() {
        return "spark";
    }

    /** The Spark master URL in use. */
    public String master() {
        return sc.master();
    }

    @Override
    public NsmResult estimate(LatticeRecipe recipe, long samples, long seed, LongConsumer progress) {
        return estimateAll(List.of(new NsmTask(recipe, samples, seed)), progress).get(0);
    }

    /**
     * Runs the batches of all tasks as one Spark job: each task's batches are cut into contiguous ranges (a range
     * never spans two tasks), one partition each, so the cluster stays busy even when every task has only a few
     * batches (the large-N points of a goodness sweep). Each task is folded on its own, in batch order.
     */
    @Override
    public List<NsmResult> estimateAll(List<NsmTask> tasks, LongConsumer progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        // Plans are made on the driver: this checks every recipe before any task starts, and the normalization of
        // each plan is computed once, here.
        List<NsmPlan> plans = new ArrayList<>(tasks.size());
        List<LatticeRecipe> recipes = new ArrayList<>(tasks.size());
        long totalBatches = 0;
        for (NsmTask t : tasks) {
            Lattice lattice = t.recipe().build();
            NsmPlan plan = NsmPlan.of(lattice, t.samples(), t.seed());
            plans.add(plan);
            recipes.add(t.recipe());
            totalBatches += plan.batches();
        }
        long target = partitions > 0 ? partitions : 4L * Math.max(1, sc.defaultParallelism());
        long chunk = Math.max(1, (totalBatches + target - 1) / target); // batches per partition
        List<BatchRange> ranges = new ArrayList<>();
        List<Long> vectors = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            NsmPlan plan = plans.get(i);
            int pieces = (int) Math.min(plan.batches(), (plan.batches() + chunk - 1) / chunk);
            for (int j = 0; j < pieces; j++) {
                // contiguous ranges of nearly equal size, so partition order is batch order
                int from = (int) ((long) j * plan.batches() / pieces);
                int to = (int) ((long) (j + 1) * plan.batches() / pieces);
                ranges.add(new BatchRange(i, from, to));
                long v = 0;
                for (int b = from; b < to; b++) {
                    v += plan.batchSize(b);
                }
                vectors.add(v);
            }
        }
        int p = ranges.size();
        String id = "latq-nsm-" + ESTIMATES.incrementAndGet();
        Progress reporter = progress == null ? null : new Progress(progress);
        ProgressListener listener = reporter == null ? null
                : new ProgressListener(id, vectors.stream().mapToLong(Long::longValue).toArray(), reporter::report);
        long start = System.nanoTime();
        List<TaskBatch> collected;
        sc.setLocalProperty(ESTIMATE_PROPERTY, id);
        sc.setJobDescription("latq nsm " + plans.get(0).lattice() + (plans.size() > 1 ? " and " + (plans.size() - 1)
                + " more" : "") + ", " + totalBatches + " batches");
        if (listener != null) {
            sc.sc().addSparkListener(listener);
        }
        try {
            // one element per slice: parallelize puts element j in partition j when there are as many as slices
            collected = sc.parallelize(ranges, p).flatMap(new ComputeBatches(recipes, plans)).collect();
        } finally {
            if (listener != null) {
                sc.sc().removeSparkListener(listener);
            }
            sc.setLocalProperty(ESTIMATE_PROPERTY, null);
            sc.setJobDescription(null);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        NsmBatch[][] results = new NsmBatch[plans.size()][];
        for (int i = 0; i < plans.size(); i++) {
            results[i] = new NsmBatch[plans.get(i).batches()];
        }
        for (TaskBatch r : collected) {
            NsmBatch[] into = results[r.task()];
            int b = r.batch().index();
            if (b < 0 || b >= into.length || into[b] != null) {
                throw new IllegalStateException("Spark returned batch " + b + " of task " + r.task()
                        + " twice or out of range");
            }
            into[b] = r.batch();
        }
        if (reporter != null) {
            long total = 0;
            for (NsmTask t : tasks) {
                total += t.samples();
            }
            reporter.report(total);
        }
        List<NsmResult> out = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            out.add(plans.get(i).fold(results[i], seconds)); // checks that every batch is there
        }
        return out;
    }

    /** Stops the Spark context if this engine started it. */
    @Override
    public void close() {
        if (ownsContext) {
            sc.stop();
        }
    }

    /** Batches [from, to) of task {@code task}: one Spark partition's work. */
    record BatchRange(int task, int from, int to) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A batch's statistics and the task it belongs to. */
    record TaskBatch(int task, NsmBatch batch) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The executor side: rebuild the task's lattice once per partition, compute the partition's batches. */
    static final class ComputeBatches implements FlatMapFunction<BatchRange, TaskBatch> {
        private static final long serialVersionUID = 1L;
        private final List<LatticeRecipe> recipes;
        private final List<NsmPlan> plans;

        ComputeBatches(List<LatticeRecipe> recipes, List<NsmPlan> plans) {
            this.recipes = new ArrayList<>(recipes);
            this.plans = new ArrayList<>(plans);
        }

        @Override
        public Iterator<TaskBatch> call(BatchRange range) {
            Lattice lattice = recipes.get(range.task()).build();
            NsmPlan plan = plans.get(range.task());
            List<TaskBatch> out = new ArrayList<>(range.to() - range.from());
            for (int b = range.from(); b < range.to(); b++) {
                out.add(new TaskBatch(range.task(), plan.batch(lattice, b)));
            }
            return out.iterator();
        }
    }

    /** Passes on only increasing counts: listener events and the final report come from different threads. */
    private static final class Progress {
        private final LongConsumer sink;
        private long shown = -1;

        Progress(LongConsumer sink) {
            this.sink = sink;
        }

        synchronized void report(long done) {
            if (done > shown) {
                shown = done;
                sink.accept(done);
            }
        }
    }
}
