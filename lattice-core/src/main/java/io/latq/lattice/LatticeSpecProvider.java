package io.latq.lattice;

/**
 * A lattice family that {@link LatticeSpecs} parses as {@code prefix:argument}, found with
 * {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/io.latq.lattice.LatticeSpecProvider}). This keeps io.latq.lattice free of
 * compile-time dependencies on the packages that add families (such as io.latq.polarlattice for {@code polar:}),
 * while {@code LatticeSpecs.parse("polar:n=1024")} works from any module without extra calls.
 */
public interface LatticeSpecProvider {

    /** The prefix before the colon (letters, '_' or '-'), matched case-insensitively. */
    String prefix();

    /** The accepted forms, shown in error messages (e.g. {@code polar:n=N[,list=L] | polar:file=PATH[,list=L]}). */
    String usage();

    /**
     * Builds the lattice for the text after the colon (trimmed).
     *
     * @throws IllegalArgumentException with a one-line message on bad input
     */
    Lattice parse(String argument);
}
