package io.latq.lattice;

/**
 * A lattice family that {@link LatticeSpecs} parses as {@code prefix:argument}, found with
 * {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/io.latq.lattice.LatticeSpecProvider}). This keeps io.latq.lattice free of
 * compile-time dependencies on the packages that add families (such as io.latq.polarlattice for {@code polar:}),
 * while {@code LatticeSpecs.parse("polar:n=1024")} works from any module without extra calls.
 *
 * <p>The two default methods were added for specs read from untrusted data ({@link SpecPolicy#EMBEDDED}); providers
 * written before them keep working, and are treated as possibly reading files (so they are refused under
 * {@code EMBEDDED} until they say otherwise).
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

    /**
     * Whether {@link #parse} would open a file (or any other resource named by the argument) for this argument.
     * Must itself open nothing. {@link LatticeSpecs} refuses such arguments under {@link SpecPolicy#EMBEDDED}
     * without calling {@link #parse}.
     *
     * <p>The default is {@code true}: a provider that does not know is assumed to read files, so that untrusted
     * specs can never reach a file through it.
     *
     * @throws IllegalArgumentException with a one-line message if the argument is malformed
     */
    default boolean readsFiles(String argument) {
        return true;
    }

    /**
     * The dimension of the lattice {@link #parse} would build, if it is known without building it or opening any
     * file, else -1 (the default). {@link LatticeSpecs#dimensionOf} uses it to size a spec before building anything.
     *
     * @throws IllegalArgumentException with a one-line message if the argument is malformed
     */
    default int dimension(String argument) {
        return -1;
    }
}
