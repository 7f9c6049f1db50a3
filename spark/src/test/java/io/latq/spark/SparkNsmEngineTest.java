package io.latq.spark;

import io.latq.engine.EngineOptions;
import io.latq.engine.LatticeRecipe;
import io.latq.engine.LocalNsmEngine;
import io.latq.engine.NsmTask;
import io.latq.lattice.LatticeSpecs;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polarlattice.LevelRankings;
import io.latq.polarlattice.ListSelection;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeOptimizer;
import io.latq.polarlattice.PolarQuantizerOptions;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark engine on {@code local[2]} (two executor threads in this JVM, tasks serialized as on a cluster) against
 * the local estimator: every figure must agree bit for bit, whatever the partition count.
 */
class SparkNsmEngineTest {

    private static SparkNsmEngine engine;

    @BeforeAll
    static void start() {
        engine = new SparkNsmEngine(new EngineOptions(1, "local[2]", 0));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static SparkNsmEngine withPartitions(int p) {
        return new SparkNsmEngine(JavaSparkContext.fromSparkContext(SparkContext.getOrCreate()), p);
    }

    static void assertBitIdentical(NsmResult expected, NsmResult actual) {
        assertEquals(Double.doubleToRawLongBits(expected.nsm()), Double.doubleToRawLongBits(actual.nsm()),
                () -> "nsm " + expected.nsm() + " vs " + actual.nsm());
        assertEquals(Double.doubleToRawLongBits(expected.stderr()), Double.doubleToRawLongBits(actual.stderr()),
                () -> "stderr " + expected.stderr() + " vs " + actual.stderr());
        assertEquals(Double.doubleToRawLongBits(expected.stderrBatchMeans()),
                Double.doubleToRawLongBits(actual.stderrBatchMeans()));
        assertEquals(expected.lattice(), actual.lattice());
        assertEquals(expected.samples(), actual.samples());
        assertEquals(expected.batches(), actual.batches());
    }

    @Test
    void e8MatchesTheLocalEstimatorForEveryPartitionCount() {
        long samples = 60 * NsmEstimator.MAX_BATCH_VECTORS + 333; // 61 batches, the last one short
        NsmResult local = new NsmEstimator(LatticeSpecs.parse("E8")).estimate(samples, 4711, 2, null);
        assertEquals("local[2]", engine.master());
        assertBitIdentical(local, engine.estimate(LatticeRecipe.ofSpec("E8"), samples, 4711, null));
        for (int p : new int[] {1, 3, 7}) {
            NsmResult r = withPartitions(p).estimate(LatticeRecipe.ofSpec("E8"), samples, 4711, null);
            assertBitIdentical(local, r);
        }
    }

    @Test
    void polarLatticeWithAListMatchesTheLocalEstimator() {
        PolarLattice polar = (PolarLattice) LatticeSpecs.parse("polar:n=64,list=4");
        assertEquals(4, polar.options().listSize());
        long samples = 12_000;
        NsmResult local = new NsmEstimator(polar).estimate(samples, 4711, 1, null);
        for (int p : new int[] {3, 7}) {
            // the design travels as JSON and is rebuilt in every task
            NsmResult r = withPartitions(p).estimate(LatticeRecipe.ofPolar(polar.design(), polar.options()),
                    samples, 4711, null);
            assertBitIdentical(local, r);
        }
        // and as a spec string, as `latq nsm --lattice polar:n=64,list=4` sends it
        assertBitIdentical(local, withPartitions(3).estimate(LatticeRecipe.ofSpec("polar:n=64,list=4"), samples,
                4711, null));
    }

    /** Several estimates as one job (a goodness sweep): each result is the local estimate of its task. */
    @Test
    void estimatesRunTogetherMatchEachLocalEstimate() {
        PolarLattice polar = (PolarLattice) LatticeSpecs.parse("polar:n=64,list=4");
        List<NsmTask> tasks = List.of(
                new NsmTask(LatticeRecipe.ofSpec("E8"), 9 * NsmEstimator.MAX_BATCH_VECTORS + 1, 3),
                new NsmTask(LatticeRecipe.of(polar), 3000, 4711),
                new NsmTask(LatticeRecipe.ofSpec("D4"), 500, 8));
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        List<NsmResult> together = withPartitions(5).estimateAll(tasks, seen::add);
        assertEquals(3, together.size());
        for (int i = 0; i < tasks.size(); i++) {
            NsmTask t = tasks.get(i);
            NsmResult local = new NsmEstimator(t.recipe().build()).estimate(t.samples(), t.seed(), 1, null);
            assertBitIdentical(local, together.get(i));
        }
        assertEquals(9 * NsmEstimator.MAX_BATCH_VECTORS + 1 + 3000 + 500, seen.get(seen.size() - 1));
    }

    @Test
    void progressCountsEveryVectorOnceAndNeverGoesBack() {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        long samples = 20 * NsmEstimator.MAX_BATCH_VECTORS + 5;
        withPartitions(7).estimate(LatticeRecipe.ofSpec("D4"), samples, 1, seen::add);
        assertTrue(seen.size() >= 1, seen.toString());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), seen.toString());
        }
        assertEquals(samples, seen.get(seen.size() - 1));
    }

    @Test
    void clusterMastersShipLatqsJarsAndLocalOnesStayOnLoopback() {
        org.apache.spark.SparkConf local = SparkNsmEngine.conf("local[2]");
        assertEquals("127.0.0.1", local.get("spark.driver.host"));
        assertTrue(!local.contains("spark.jars"));
        org.apache.spark.SparkConf cluster = SparkNsmEngine.conf("spark://head.invalid:7077");
        assertTrue(!cluster.contains("spark.driver.host"));
        // in this test JVM latq's own classes come from directories (not shippable); its libraries are jars
        String jars = cluster.get("spark.jars");
        assertTrue(jars.contains("commons-rng-simple") && jars.contains("ejml-core"), jars);
        assertTrue(List.of(jars.split(",")).stream().allMatch(j -> j.endsWith(".jar")), jars);
    }

    /** The design search scores every candidate on the cluster and finds the same design as on local threads. */
    @Test
    void designSearchOnSparkFindsTheLocalDesign() {
        PolarQuantizerOptions q = new PolarQuantizerOptions(2, ListSelection.PATH_METRIC, CheckNodeKernel.TABULATED);
        PolarLatticeOptimizer.Settings s = new PolarLatticeOptimizer.Settings(32, 2, new double[] {0.5, 0.55},
                LevelRankings.Method.TAL_VARDY, 8, 100, 5, q, 1500, 5, 1);
        PolarLatticeOptimizer.Result local = new PolarLatticeOptimizer(s, null, null, new LocalNsmEngine(2))
                .optimize();
        PolarLatticeOptimizer.Result spark = new PolarLatticeOptimizer(s, null, null, withPartitions(2)).optimize();
        assertTrue(local.evaluations() > 2, "a search, not a single evaluation: " + local.evaluations());
        assertEquals(local.evaluations(), spark.evaluations());
        assertEquals(local.design(), spark.design());
        assertEquals(local.log(), spark.log());
        assertBitIdentical(local.score(), spark.score());
    }
}
