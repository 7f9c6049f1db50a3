package io.latq.engine;

import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Opens engines by name: {@code local} is built in, others come from {@link NsmEngineProvider}s. */
public final class NsmEngines {

    /** The message when {@code --engine spark} is asked for without Spark on the class path. */
    public static final String SPARK_MISSING = "--engine spark needs Spark on the class path: set SPARK_HOME or "
            + "LATQ_SPARK_CLASSPATH (see docs/cluster.md)";

    private NsmEngines() {
    }

    /**
     * Opens the engine called {@code name}.
     *
     * @throws EngineUnavailableException if the engine is known but its jars are not on the class path
     * @throws IllegalArgumentException   for an unknown name
     */
    public static NsmEngine open(String name, EngineOptions options) {
        String key = name == null ? "local" : name.strip().toLowerCase(Locale.ROOT);
        if (key.equals("local")) {
            return new LocalNsmEngine(options.threads());
        }
        NsmEngineProvider provider = null;
        try {
            for (NsmEngineProvider p : ServiceLoader.load(NsmEngineProvider.class, NsmEngines.class.getClassLoader())) {
                if (p.name().equalsIgnoreCase(key)) {
                    provider = p;
                    break;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw unavailable(key, e);
        }
        if (provider == null) {
            if (key.equals("spark")) {
                throw unavailable(key, null);
            }
            throw new IllegalArgumentException("unknown engine '" + name + "' (use local or spark)");
        }
        try {
            return provider.open(options);
        } catch (LinkageError e) {
            // the provider's jar is there but the library it needs (Spark) is not
            throw unavailable(key, e);
        }
    }

    private static EngineUnavailableException unavailable(String key, Throwable cause) {
        String msg = key.equals("spark") ? SPARK_MISSING
                : "--engine " + key + " is not on the class path";
        return new EngineUnavailableException(msg, cause);
    }
}
