package io.latq.engine;

import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;

import java.util.function.LongConsumer;

/** The local engine: {@link NsmEstimator} on a pool of threads in this JVM. */
public final class LocalNsmEngine implements NsmEngine {

    private final int threads;

    /** @param threads worker threads (≥ 1); does not change results */
    public LocalNsmEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return "local";
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    @Override
    public NsmResult estimate(LatticeRecipe recipe, long samples, long seed, LongConsumer progress) {
        return new NsmEstimator(recipe.build()).estimate(samples, seed, threads, progress);
    }
}
