package io.latq.polarlattice;

import io.latq.common.BoundedFiles;
import io.latq.json.Json;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecProvider;
import io.latq.polar.PolarTransform;
import io.latq.polar.list.ListNodes;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code polar:} lattice specs, registered with {@link io.latq.lattice.LatticeSpecs} as a service:
 * <pre>
 *   polar:n=N[,list=L][,select=metric|distortion][,kernel=tabulated|exact|minsum]   the shipped design for N
 *   polar:file=PATH[,list=L][,select=...][,kernel=...]                               a saved design (JSON)
 * </pre>
 * plus {@code nodes=fast|scl}, the list quantizer's node-level decisions ({@link ListNodes}; default fast).
 * {@code list} defaults to 1 (SC); with {@code n=} the design tuned for that list size is used when one ships
 * ({@link ShippedDesigns}). {@code file=} must come last when the path contains commas. Keys are case-insensitive.
 */
public final class PolarLatticeSpecProvider implements LatticeSpecProvider {

    static final String USAGE = "polar:n=N[,list=L] | polar:file=PATH[,list=L]";

    @Override
    public String prefix() {
        return "polar";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Lattice parse(String argument) {
        return parseSpec(argument);
    }

    /** The argument of a {@code polar:} spec, split into its keys; reading it opens nothing. */
    private record Args(Integer n, String file, PolarQuantizerOptions options) {
    }

    /**
     * {@code true} for {@code file=} (a design file), {@code false} for {@code n=} (a shipped design, a resource).
     *
     * @throws IllegalArgumentException with a one-line message if the argument is malformed
     */
    @Override
    public boolean readsFiles(String argument) {
        return parseArgs(argument).file() != null;
    }

    /**
     * N for {@code n=N} when N is a power of two (known without loading the design), else -1: for {@code file=}, and
     * for an N that cannot have a design, so that sizing the spec builds it and reports why.
     */
    @Override
    public int dimension(String argument) {
        Args a = parseArgs(argument);
        return a.n() != null && PolarTransform.isPowerOfTwo(a.n()) ? a.n() : -1;
    }

    /** Parses the argument of a {@code polar:} spec (the text after the colon). */
    public static PolarLattice parseSpec(String argument) {
        Args a = parseArgs(argument);
        PolarLatticeDesign design = a.n() != null ? ShippedDesigns.forN(a.n(), a.options().listSize())
                : readFile(a.file());
        return new PolarLattice(design, a.options());
    }

    /**
     * Parses quantizer options alone, {@code [list=L][,select=metric|distortion][,kernel=tabulated|exact|minsum]}
     * (empty for the defaults), as they follow {@code polar:file=PATH,}.
     *
     * @throws IllegalArgumentException with a one-line message on bad input, or if {@code n=} or {@code file=} is
     *                                  given
     */
    public static PolarQuantizerOptions parseOptions(String options) {
        String t = options.strip();
        if (t.isEmpty()) {
            return PolarQuantizerOptions.sc();
        }
        if (t.matches("(?is).*\\b(n|file)\\s*=.*")) {
            throw new IllegalArgumentException("polar: options may not contain n= or file=");
        }
        return parseArgs("n=1," + t).options();
    }

    /**
     * The canonical text of {@code o} that {@link #parseOptions} reads back: {@code list=L,select=..,kernel=..}, then
     * {@code ,nodes=..} only when the list nodes are not the default (so older texts stay as they were).
     */
    public static String optionsText(PolarQuantizerOptions o) {
        return "list=" + o.listSize() + ",select="
                + (o.selection() == ListSelection.DISTORTION ? "distortion" : "metric") + ",kernel="
                + switch (o.kernel()) {
                    case EXACT -> "exact";
                    case MIN_SUM -> "minsum";
                    default -> "tabulated";
                }
                + (o.listNodes() == PolarQuantizerOptions.DEFAULT_LIST_NODES ? ""
                        : ",nodes=" + (o.listNodes() == ListNodes.SCL ? "scl" : "fast"));
    }

    private static Args parseArgs(String argument) {
        Integer n = null;
        String file = null;
        int list = 1;
        ListSelection select = ListSelection.PATH_METRIC;
        CheckNodeKernel kernel = CheckNodeKernel.TABULATED;
        ListNodes nodes = PolarQuantizerOptions.DEFAULT_LIST_NODES;
        String rest = argument.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("polar: missing arguments; expected " + USAGE);
        }
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("polar: expected key=value in '" + quote(rest) + "'; expected "
                        + USAGE);
            }
            String key = rest.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value;
            if (key.equals("file")) {
                value = rest.substring(eq + 1).strip(); // a path may contain commas: it runs to the end
                rest = "";
                int comma = value.lastIndexOf(',');
                // allow trailing options after the path when they look like key=value
                while (comma >= 0 && value.substring(comma + 1).matches("\\s*(list|select|kernel|nodes)\\s*=.*")) {
                    rest = value.substring(comma + 1) + (rest.isEmpty() ? "" : "," + rest);
                    value = value.substring(0, comma).strip();
                    comma = value.lastIndexOf(',');
                }
            } else {
                int comma = rest.indexOf(',', eq);
                value = (comma < 0 ? rest.substring(eq + 1) : rest.substring(eq + 1, comma)).strip();
                rest = comma < 0 ? "" : rest.substring(comma + 1).strip();
            }
            switch (key) {
                case "n" -> n = positiveInt(value, "n");
                case "file" -> file = value;
                case "list" -> list = positiveInt(value, "list");
                case "select" -> select = switch (value.toLowerCase(Locale.ROOT)) {
                    case "metric" -> ListSelection.PATH_METRIC;
                    case "distortion" -> ListSelection.DISTORTION;
                    default -> throw new IllegalArgumentException("polar: select must be metric or distortion, got '"
                            + quote(value) + "'");
                };
                case "kernel" -> kernel = switch (value.toLowerCase(Locale.ROOT)) {
                    case "tabulated" -> CheckNodeKernel.TABULATED;
                    case "exact" -> CheckNodeKernel.EXACT;
                    case "minsum", "min-sum" -> CheckNodeKernel.MIN_SUM;
                    default -> throw new IllegalArgumentException("polar: kernel must be tabulated, exact or minsum, "
                            + "got '" + quote(value) + "'");
                };
                case "nodes" -> nodes = switch (value.toLowerCase(Locale.ROOT)) {
                    case "fast" -> ListNodes.FAST_SSCL;
                    case "scl" -> ListNodes.SCL;
                    default -> throw new IllegalArgumentException("polar: nodes must be fast or scl, got '"
                            + quote(value) + "'");
                };
                default -> throw new IllegalArgumentException("polar: unknown key '" + quote(key) + "'; expected "
                        + USAGE + " (optional select=metric|distortion, kernel=tabulated|exact|minsum, "
                        + "nodes=fast|scl)");
            }
        }
        if ((n == null) == (file == null)) {
            throw new IllegalArgumentException("polar: give exactly one of n=N or file=PATH; expected " + USAGE);
        }
        if (list > PolarQuantizerOptions.MAX_LIST) {
            throw new IllegalArgumentException("polar: list must be at most " + PolarQuantizerOptions.MAX_LIST
                    + ", got " + list);
        }
        if (n != null && n > PolarLatticeDesign.MAX_N) {
            throw new IllegalArgumentException("polar: n must be at most " + PolarLatticeDesign.MAX_N + ", got " + n);
        }
        return new Args(n, file, new PolarQuantizerOptions(list, select, kernel, nodes));
    }

    /**
     * Reads and validates a design file; every failure is a one-line IllegalArgumentException. Only a regular file of
     * at most {@link Json#MAX_LENGTH} bytes is read (a FIFO or device is refused before it is opened).
     */
    public static PolarLatticeDesign readFile(String file) {
        if (file.isEmpty()) {
            throw new IllegalArgumentException("polar: empty file name");
        }
        try {
            String text = BoundedFiles.readUtf8(Path.of(file), Json.MAX_LENGTH);
            return PolarLatticeDesign.fromJson(text);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("polar: no such design file: " + quote(file));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("polar: invalid path '" + quote(file) + "'");
        } catch (IOException e) {
            throw new IllegalArgumentException("polar: cannot read design file " + quote(file) + ": "
                    + quote(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("polar: " + quote(file) + ": " + e.getMessage());
        }
    }

    private static String quote(String s) {
        return BoundedFiles.excerpt(s, 200);
    }

    private static int positiveInt(String v, String key) {
        try {
            int x = Integer.parseInt(v);
            if (x >= 1) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("polar: " + key + " must be a positive integer, got '" + quote(v) + "'");
    }
}
