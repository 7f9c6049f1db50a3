package io.latq.engine;

/**
 * A pluggable engine, found with {@link java.util.ServiceLoader} (declare it in
 * {@code META-INF/services/io.latq.engine.NsmEngineProvider}). This is how the CLI reaches the Spark engine without
 * a compile-time dependency on Spark: the {@code latq-spark} jar provides one, and it is on the class path only when
 * Spark is.
 *
 * <p>Implementations must have a public no-argument constructor and must not touch classes of optional libraries
 * before {@link #open} is called, so that listing providers works even when those libraries are absent.
 */
public interface NsmEngineProvider {

    /** The engine name, as given to {@code --engine} (lower case). */
    String name();

    /**
     * Opens the engine.
     *
     * @throws LinkageError (such as NoClassDefFoundError) when the engine's libraries are not on the class path
     */
    NsmEngine open(EngineOptions options);
}
