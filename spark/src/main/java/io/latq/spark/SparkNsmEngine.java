package io.latq.spark;

import io.latq.engine.EngineOptions;
import io.latq.engine.LatticeRecipe;
import io.latq.engine.NsmEngine;
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
     *                estimate (0: four per core of the cluster, at most one per batch)
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
     * @param partitions partitions per estimate, or 0 for four per core of the cluster (at most one per batch)
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
     * host name nor a port 4040.
     */
    public static SparkConf conf(String master) {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.app.name", "latq");
        if (master != null && !master.isBlank()) {
            conf.setMaster(master.strip());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        return conf;
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
        // Built on the driver too: it checks the recipe before any task starts, and the plan (with the normalization
        // computed once, here) comes from it.
        Lattice lattice = recipe.build();
        NsmPlan plan = NsmPlan.of(lattice, samples, seed);
        int batches = plan.batches();
        int p = partitions > 0 ? partitions : 4 * Math.max(1, sc.defaultParallelism());
        p = Math.min(p, batches);
        List<BatchRange> ranges = new ArrayList<>(p);
        long[] vectors = new long[p];
        for (int j = 0; j < p; j++) {
            // contiguous ranges, so partition j holds batches [from, to) and the collected list is in batch order
            int from = (int) ((long) j * batches / p);
            int to = (int) ((long) (j + 1) * batches / p);
            ranges.add(new BatchRange(from, to));
            for (int b = from; b < to; b++) {
                vectors[j] += plan.batchSize(b);
            }
        }
        String id = "latq-nsm-" + ESTIMATES.incrementAndGet();
        Progress reporter = progress == null ? null : new Progress(progress);
        ProgressListener listener = reporter == null ? null : new ProgressListener(id, vectors, reporter::report);
        long start = System.nanoTime();
        List<NsmBatch> collected;
        sc.setLocalProperty(ESTIMATE_PROPERTY, id);
        sc.setJobDescription("latq nsm " + plan.lattice() + " samples=" + samples + " seed=" + seed);
        if (listener != null) {
            sc.sc().addSparkListener(listener);
        }
        try {
            // one element per slice: parallelize puts element j in partition j when there are as many as slices
            collected = sc.parallelize(ranges, p).flatMap(new ComputeBatches(recipe, plan)).collect();
        } finally {
            if (listener != null) {
                sc.sc().removeSparkListener(listener);
            }
            sc.setLocalProperty(ESTIMATE_PROPERTY, null);
            sc.setJobDescription(null);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        NsmBatch[] results = new NsmBatch[batches];
        for (NsmBatch r : collected) {
            if (r.index() < 0 || r.index() >= batches || results[r.index()] != null) {
                throw new IllegalStateException("Spark returned batch " + r.index() + " twice or out of range");
            }
            results[r.index()] = r;
        }
        if (reporter != null) {
            reporter.report(samples);
        }
        return plan.fold(results, seconds); // checks that every batch is there
    }

    /** Stops the Spark context if this engine started it. */
    @Override
    public void close() {
        if (ownsContext) {
            sc.stop();
        }
    }

    /** Batches [from, to): one Spark partition's work. */
    record BatchRange(int from, int to) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The executor side: rebuild the lattice once per task, compute the task's batches. */
    static final class ComputeBatches implements FlatMapFunction<BatchRange, NsmBatch> {
        private static final long serialVersionUID = 1L;
        private final LatticeRecipe recipe;
        private final NsmPlan plan;

        ComputeBatches(LatticeRecipe recipe, NsmPlan plan) {
            this.recipe = recipe;
            this.plan = plan;
        }

        @Override
        public Iterator<NsmBatch> call(BatchRange range) {
            Lattice lattice = recipe.build();
            List<NsmBatch> out = new ArrayList<>(range.to() - range.from());
            for (int b = range.from(); b < range.to(); b++) {
                out.add(plan.batch(lattice, b));
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
