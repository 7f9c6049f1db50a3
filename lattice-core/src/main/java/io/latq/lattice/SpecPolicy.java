package io.latq.lattice;

/**
 * Where a lattice spec comes from, which decides what parsing it may do. Both policies apply the same length, depth
 * and dimension limits ({@link LatticeSpecs}); they differ only in file access.
 */
public enum SpecPolicy {

    /**
     * A spec the user typed (a command-line option): prefixes that read files, such as {@code gen:file=PATH} and
     * {@code polar:file=PATH}, are allowed.
     */
    TRUSTED,

    /**
     * A spec read from data (for example the header of a compressed file): it is data, not instructions, so no file
     * is ever opened. A prefix whose argument would read a file is refused with a one-line
     * {@link IllegalArgumentException} before anything is opened.
     */
    EMBEDDED
}
