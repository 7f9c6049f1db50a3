package io.latq.cli;

import io.latq.lattice.Lattice;
import java.util.Objects;
import java.util.function.Function;

/**
 * The lattice spec → {@link Lattice} function the commands use by default. Main installs the real one
 * ({@code LatticeSpecs::parse}) with {@link #install}; tests pass their own resolver to the command constructors.
 */
public final class LatticeResolver {
    private static volatile Function<String, Lattice> current = spec -> {
        throw new IllegalArgumentException("no lattice implementations are installed (spec '" + spec + "')");
    };

    private LatticeResolver() {
    }

    /** Replaces the default resolver. */
    public static void install(Function<String, Lattice> resolver) {
        current = Objects.requireNonNull(resolver);
    }

    /** A resolver that always delegates to the currently installed one. */
    public static Function<String, Lattice> installed() {
        return spec -> current.apply(spec);
    }
}
