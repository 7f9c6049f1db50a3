package io.latq.cli;

import io.latq.engine.EngineOptions;
import io.latq.engine.NsmEngine;
import io.latq.engine.NsmEngines;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code --engine local|spark} and {@code --master URL} for the Monte Carlo commands. The CLI has no compile-time
 * dependency on Spark: the Spark engine is found at run time ({@link NsmEngines}) when the latq-spark jar and Spark's
 * jars are on the class path (see docs/cluster.md).
 */
final class EngineMixin {

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = {"Where the Monte Carlo batches run: local threads, or Apache Spark (needs Spark on the",
                    "class path: SPARK_HOME or LATQ_SPARK_CLASSPATH, see docs/cluster.md). The result does not",
                    "depend on it (default: ${DEFAULT-VALUE})."})
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = {"Spark master with --engine spark: local[2], spark://host:7077, yarn, k8s://https://host",
                    "(default: the one spark-submit sets, else local[*])."})
    String master;

    /** Validates the flags and opens the engine; the caller closes it. */
    NsmEngine open(CommandLine.Model.CommandSpec spec, int threads) {
        String e = engine.strip().toLowerCase(Locale.ROOT);
        if (!e.equals("local") && !e.equals("spark")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--engine must be local or spark, got " + engine);
        }
        if (master != null && !e.equals("spark")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--master needs --engine spark");
        }
        if (master != null && master.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--master must not be empty");
        }
        return NsmEngines.open(e, new EngineOptions(threads, master, 0));
    }
}
