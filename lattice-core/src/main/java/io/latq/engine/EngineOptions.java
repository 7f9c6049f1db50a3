package io.latq.engine;

/**
 * Settings for opening an engine; each engine reads the ones that apply to it.
 *
 * @param threads    local worker threads (local engine)
 * @param master     the cluster master URL (Spark: {@code local[2]}, {@code spark://host:7077}, {@code yarn},
 *                   {@code k8s://...}); null for the engine's default
 * @param partitions how many tasks to cut an estimate into (Spark); 0 for the engine's default
 */
public record EngineOptions(int threads, String master, int partitions) {
    public EngineOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must not be negative, got " + partitions);
        }
    }
}
