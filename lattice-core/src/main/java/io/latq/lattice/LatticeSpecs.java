package io.latq.lattice;

import io.latq.lattice.search.GeneratorMatrixLattice;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses lattice specifications such as {@code E8}, {@code D3*}, {@code E8^4}, {@code 0.5*E8},
 * {@code A2xD4} or {@code gen:file=rows.txt}.
 *
 * <p>Grammar (whitespace between tokens is ignored; letters are case-insensitive):
 * <pre>
 *   spec    := (number '*')* product          scaling c*L, c &gt; 0, applies to the whole product
 *   product := power ('x' power)*             Cartesian product L1 x L2
 *   power   := primary ('^' k)?               L^k, k ≥ 1 copies
 *   primary := '(' spec ')'
 *            | 'Z'n | 'A'n | 'D'n | 'D'n'*' | 'E8'
 *            | prefix ':' argument            a registered extension, e.g. gen:file=PATH
 * </pre>
 * A prefixed argument runs to the end of the spec (or to the parenthesis closing an enclosing group), so it may
 * contain any characters. Extensions are added with {@link #register} or, to be present from the start, as a
 * {@link LatticeSpecProvider} service (that is how io.latq.polarlattice adds {@code polar:...}); {@code gen} is built
 * in and reads a generator file ({@link GeneratorMatrixLattice#fromFile}).
 */
public final class LatticeSpecs {

    /** Largest dimension accepted for a named lattice. */
    public static final int MAX_NAMED_DIMENSION = 1 << 16;

    private static final Pattern PREFIX = Pattern.compile("\\G([A-Za-z][A-Za-z_-]*):");
    private static final Pattern NAMED = Pattern.compile("\\G([A-Za-z])([0-9]+)(\\*?)");
    private static final Pattern SCALE =
            Pattern.compile("\\G((?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*\\*");
    private static final Pattern POWER = Pattern.compile("\\G\\^\\s*([0-9]+)");

    private static final Map<String, Extension> EXTENSIONS = new ConcurrentHashMap<>();

    private static final class Extension {
        final String usage;
        final Function<String, Lattice> factory;

        Extension(String usage, Function<String, Lattice> factory) {
            this.usage = usage;
            this.factory = factory;
        }
    }

    static {
        register("gen", "gen:file=PATH", LatticeSpecs::generatorFromFile);
        // families from other packages (polar:...) announce themselves through META-INF/services
        for (LatticeSpecProvider p : java.util.ServiceLoader.load(LatticeSpecProvider.class,
                LatticeSpecs.class.getClassLoader())) {
            register(p.prefix(), p.usage(), p::parse);
        }
    }

    private LatticeSpecs() {
    }

    /**
     * Registers (or replaces) the handler for specs of the form {@code prefix:argument}. The factory receives the
     * argument (the text after the colon, trimmed) and should throw IllegalArgumentException with a one-line message
     * on bad input.
     *
     * @param prefix letters, '_' or '-', starting with a letter; matched case-insensitively
     */
    public static void register(String prefix, Function<String, Lattice> factory) {
        register(prefix, prefix.toLowerCase(Locale.ROOT) + ":...", factory);
    }

    /**
     * As {@link #register(String, Function)}, with a usage string (such as {@code polar:N=1024,r=2}) shown in the
     * list of accepted forms.
     */
    public static void register(String prefix, String usage, Function<String, Lattice> factory) {
        if (prefix == null || !prefix.matches("[A-Za-z][A-Za-z_-]*")) {
            throw new IllegalArgumentException("lattice spec prefix must be letters (and _ or -), got '" + prefix
                    + "'");
        }
        if (factory == null || usage == null) {
            throw new IllegalArgumentException("lattice spec factory and usage must not be null");
        }
        EXTENSIONS.put(prefix.toLowerCase(Locale.ROOT), new Extension(usage, factory));
    }

    /** A one-line list of the accepted spec forms, including registered prefixes. */
    public static String acceptedForms() {
        StringBuilder sb = new StringBuilder("Zn (n>=1), An (n>=1), Dn (n>=2), Dn* (n>=2), E8, L^k, L1xL2, c*L (c>0), (L)");
        for (Extension e : new TreeMap<>(EXTENSIONS).values()) {
            sb.append(", ").append(e.usage);
        }
        return sb.toString();
    }

    /**
     * Parses a lattice spec.
     *
     * @throws IllegalArgumentException with a one-line message (listing the accepted forms for syntax errors)
     */
    public static Lattice parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw error(String.valueOf(spec), "empty spec");
        }
        Parser p = new Parser(spec);
        Lattice l = p.parseSpec();
        p.skipSpace();
        if (p.pos != spec.length()) {
            throw error(spec, "unexpected '" + spec.substring(p.pos) + "'");
        }
        return l;
    }

    private static IllegalArgumentException error(String spec, String reason) {
        return new IllegalArgumentException("bad lattice spec '" + spec + "': " + reason + "; accepted forms: "
                + acceptedForms());
    }

    private static Lattice generatorFromFile(String argument) {
        String path = argument;
        if (path.regionMatches(true, 0, "file=", 0, 5)) {
            path = path.substring(5).strip();
        } else if (path.contains("=")) {
            throw new IllegalArgumentException("gen: expected gen:file=PATH, got 'gen:" + argument + "'");
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("gen: missing file name (gen:file=PATH)");
        }
        try {
            return GeneratorMatrixLattice.fromFile(Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("gen: invalid path '" + path + "'");
        }
    }

    /** Recursive-descent parser over one spec string. */
    private static final class Parser {
        final String s;
        int pos;
        int depth;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Lattice parseSpec() {
            double scale = 1.0;
            while (true) {
                skipSpace();
                Matcher m = SCALE.matcher(s);
                if (!m.find(pos) || m.start() != pos) {
                    break;
                }
                double c = Double.parseDouble(m.group(1));
                if (!(c > 0.0) || Double.isInfinite(c)) {
                    throw error(s, "scale must be finite and > 0, got " + m.group(1));
                }
                scale *= c;
                pos = m.end();
            }
            Lattice l = parseProduct();
            return scale == 1.0 ? l : ScaledLattice.of(l, scale);
        }

        Lattice parseProduct() {
            List<Lattice> factors = new ArrayList<>();
            factors.add(parsePower());
            while (true) {
                skipSpace();
                if (pos < s.length() && (s.charAt(pos) == 'x' || s.charAt(pos) == 'X' || s.charAt(pos) == '×')) {
                    pos++;
                    factors.add(parsePower());
                } else {
                    break;
                }
            }
            return factors.size() == 1 ? factors.get(0) : new ProductLattice(factors);
        }

        Lattice parsePower() {
            Lattice base = parsePrimary();
            skipSpace();
            Matcher m = POWER.matcher(s);
            if (m.find(pos) && m.start() == pos) {
                int k = parseCount(m.group(1), "power");
                pos = m.end();
                return ProductLattice.power(base, k);
            }
            if (pos < s.length() && s.charAt(pos) == '^') {
                throw error(s, "'^' must be followed by a positive integer");
            }
            return base;
        }

        Lattice parsePrimary() {
            skipSpace();
            if (pos >= s.length()) {
                throw error(s, "missing lattice name");
            }
            if (s.charAt(pos) == '(') {
                pos++;
                depth++;
                Lattice inner = parseSpec();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error(s, "missing ')'");
                }
                pos++;
                depth--;
                return inner;
            }
            Matcher pm = PREFIX.matcher(s);
            if (pm.find(pos) && pm.start() == pos) {
                String prefix = pm.group(1).toLowerCase(Locale.ROOT);
                Extension ext = EXTENSIONS.get(prefix);
                if (ext == null) {
                    throw error(s, "unknown prefix '" + pm.group(1) + ":'");
                }
                pos = pm.end();
                String argument = readArgument();
                try {
                    return ext.factory.apply(argument.strip());
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("bad lattice spec '" + s + "': " + e, e);
                }
            }
            Matcher nm = NAMED.matcher(s);
            if (nm.find(pos) && nm.start() == pos) {
                pos = nm.end();
                return named(nm.group(1), nm.group(2), !nm.group(3).isEmpty());
            }
            throw error(s, "unknown lattice at '" + s.substring(pos) + "'");
        }

        /** To the end of the spec, or (inside parentheses) to the parenthesis closing the enclosing group. */
        String readArgument() {
            int start = pos;
            int open = 0;
            while (pos < s.length()) {
                char ch = s.charAt(pos);
                if (ch == '(') {
                    open++;
                } else if (ch == ')') {
                    if (open == 0 && depth > 0) {
                        break;
                    }
                    open--;
                }
                pos++;
            }
            return s.substring(start, pos);
        }

        int parseCount(String digits, String what) {
            try {
                int k = Integer.parseInt(digits);
                if (k >= 1) {
                    return k;
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            throw error(s, what + " must be a positive integer, got " + digits);
        }

        Lattice named(String letter, String digits, boolean dual) {
            char c = Character.toUpperCase(letter.charAt(0));
            int n = parseCount(digits, "dimension");
            if (n > MAX_NAMED_DIMENSION) {
                throw error(s, "dimension " + n + " exceeds " + MAX_NAMED_DIMENSION);
            }
            String shown = c + digits + (dual ? "*" : "");
            switch (c) {
                case 'Z':
                    if (!dual) {
                        return new IntegerLattice(n);
                    }
                    break;
                case 'A':
                    if (!dual) {
                        return new AnLattice(n);
                    }
                    break;
                case 'D':
                    if (n < 2) {
                        throw error(s, shown + " needs n >= 2");
                    }
                    return dual ? new DnDualLattice(n) : new DnLattice(n);
                case 'E':
                    if (n == 8 && !dual) {
                        return new E8Lattice();
                    }
                    break;
                default:
                    break;
            }
            throw error(s, "unknown lattice " + shown);
        }
    }
}
