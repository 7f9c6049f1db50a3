package io.latq.ecdq;

import io.latq.ecdq.file.FileHeader;
import java.util.List;
import java.util.Locale;

/**
 * The speed/rate levels of {@code latq compress --level}: each a fixed choice of lattice (and so of quantizer: SC or
 * a list of L) and point coder, from 1 (fastest) to 9 (closest to R(D)). {@code fast} = 1, {@code default} = 5 (what
 * {@code compress} uses without the flag), {@code best} = 9. The level is recorded in the header for information;
 * everything the decoder needs is recorded separately (lattice, coder), so decoding speed never depends on the
 * encoder's list size. Polar levels use the polar-lattice point coder ({@code FileHeader.CODER_POLAR_LEVELS}), which
 * follows H(Q(X+U)|U) at every rate; with {@code --lattice} naming another lattice they fall back to the phase-table
 * coder. Measured speeds and gaps: docs/benchmarks.md, "Levels".
 *
 * @param number  1..9
 * @param name    fast/default/best, or null
 * @param lattice the lattice spec
 * @param coder   the point coder ({@code FileHeader.CODER_*})
 */
public record EcdqLevel(int number, String name, String lattice, int coder) {

    private static final int TABLE = FileHeader.CODER_PHASE_TABLE;
    private static final int POLAR = FileHeader.CODER_POLAR_LEVELS;

    /** Levels 1..9 in order. */
    public static final List<EcdqLevel> ALL = List.of(
            new EcdqLevel(1, "fast", "Z1", TABLE),
            new EcdqLevel(2, null, "E8", TABLE),
            new EcdqLevel(3, null, "polar:n=256", POLAR),
            new EcdqLevel(4, null, "polar:n=512", POLAR),
            new EcdqLevel(5, "default", "polar:n=1024", POLAR),
            new EcdqLevel(6, null, "polar:n=2048", POLAR),
            new EcdqLevel(7, null, "polar:n=1024,list=32", POLAR),
            new EcdqLevel(8, null, "polar:n=4096,list=8", POLAR),
            new EcdqLevel(9, "best", "polar:n=4096,list=64", POLAR));

    /** The level {@code compress} uses without {@code --level}. */
    public static final EcdqLevel DEFAULT = ALL.get(4);

    /**
     * Parses {@code fast}, {@code default}, {@code best} or a number 1..9.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static EcdqLevel parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (EcdqLevel l : ALL) {
            if (t.equals(l.name) || t.equals(Integer.toString(l.number))) {
                return l;
            }
        }
        throw new IllegalArgumentException("level must be fast, default, best or 1..9, got '" + s + "'");
    }

    /** The level's display name: its name if it has one, else its number. */
    public String label() {
        return name != null ? name + " (" + number + ")" : Integer.toString(number);
    }
}
