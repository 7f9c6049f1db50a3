package io.latq.spark;

import io.latq.engine.EngineOptions;
import io.latq.engine.LatticeRecipe;
import io.latq.lattice.LatticeSpecs;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A task that fails on an executor is retried by Spark, and the estimate is still the local one bit for bit: a
 * batch's result depends only on its index. {@code local[2,3]} is local mode with up to 3 attempts per task (the
 * local-mode spelling of {@code spark.task.maxFailures}).
 */
class SparkRetryTest {

    /** Builds of the "flaky" lattice: the first is the driver's, the second (on an executor) throws. */
    private static final AtomicInteger BUILDS = new AtomicInteger();
    private static final AtomicInteger FAILURES = new AtomicInteger();

    private static SparkNsmEngine engine;

    @BeforeAll
    static void start() {
        // executors are threads of this JVM in local mode, so they see this registration and these counters
        LatticeSpecs.register("flaky", "flaky:SPEC", arg -> {
            if (BUILDS.incrementAndGet() == 2) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected executor failure");
            }
            return LatticeSpecs.parse(arg);
        });
        engine = new SparkNsmEngine(new EngineOptions(1, "local[2,3]", 4));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aFailedTaskIsRetriedAndTheResultIsUnchanged() {
        long samples = 16 * NsmEstimator.MAX_BATCH_VECTORS;
        NsmResult local = new NsmEstimator(LatticeSpecs.parse("E8")).estimate(samples, 4711, 1, null);
        NsmResult r = engine.estimate(LatticeRecipe.ofSpec("flaky:E8"), samples, 4711, null);
        assertEquals(1, FAILURES.get(), "the injected failure happened");
        assertEquals(1 + 4 + 1, BUILDS.get(), "driver, four tasks and one retry");
        SparkNsmEngineTest.assertBitIdentical(local, r);
    }
}
