package io.latq.spark;

import io.latq.engine.EngineOptions;
import io.latq.engine.NsmEngine;
import io.latq.engine.NsmEngineProvider;

/**
 * Makes {@code --engine spark} available through {@link java.util.ServiceLoader}. It touches no Spark class until
 * {@link #open} is called, so that a missing Spark shows up there as a LinkageError, which the caller turns into its
 * one-line hint.
 */
public final class SparkEngineProvider implements NsmEngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public NsmEngine open(EngineOptions options) {
        return new SparkNsmEngine(options);
    }
}
