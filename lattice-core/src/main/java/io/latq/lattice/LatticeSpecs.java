package io.latq.lattice;

import io.latq.common.BoundedFiles;
import io.latq.lattice.search.GeneratorMatrixLattice;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
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
 *            | 'Z'n | 'A'n | 'D'n | 'D'n'*' | 'E8' | 'BW16' | 'Leech'
 *            | prefix ':' argument            a registered extension, e.g. gen:file=PATH
 * </pre>
 * A prefixed argument runs to the end of the spec (or to the parenthesis closing an enclosing group), so it may
 * contain any characters. Extensions are added with {@link #register} or, to be present from the start, as a
 * {@link LatticeSpecProvider} service (that is how io.latq.polarlattice adds {@code polar:...}); {@code gen} is built
 * in and reads a generator file ({@link GeneratorMatrixLattice#fromFile}).
 *
 * <p><b>Limits.</b> A spec may come from an untrusted file header, so parsing is bounded whatever the input, and the
 * same limits apply to command-line specs: at most {@value #MAX_SPEC_LENGTH} characters, parentheses nested at most
 * {@value #MAX_DEPTH} deep (also the limit for specs parsed again from inside a prefix's argument), and a dimension
 * of at most {@value #MAX_DIMENSION} for every part and for the whole. The parser is not recursive (an explicit
 * stack of open groups), and it works in two passes: the first checks the syntax and computes every dimension with
 * overflow-free arithmetic, the second builds the lattices, so nothing large is allocated for a spec that is refused.
 * Every bad spec gives an {@link IllegalArgumentException} with a one-line message that quotes at most
 * {@value #MAX_QUOTE} characters of the spec.
 *
 * <p><b>Policies.</b> {@link #parse(String)} is for specs the user typed ({@link SpecPolicy#TRUSTED}: files may be
 * read); {@link #parse(String, SpecPolicy)} with {@link SpecPolicy#EMBEDDED} is for specs read from data and never
 * opens a file: a prefix whose argument reads one ({@code gen:file=}, {@code polar:file=}, or any provider that does
 * not declare otherwise, see {@link LatticeSpecProvider#readsFiles}) is refused before its factory is called.
 */
public final class LatticeSpecs {

    /** Longest spec accepted, in chars. */
    public static final int MAX_SPEC_LENGTH = 4096;

    /** Deepest nesting of parentheses (and of specs parsed again inside a prefix's argument). */
    public static final int MAX_DEPTH = 32;

    /** Largest dimension of a spec and of each of its parts. */
    public static final int MAX_DIMENSION = 1 << 16;

    /** Largest dimension accepted for a named lattice (the same as {@link #MAX_DIMENSION}). */
    public static final int MAX_NAMED_DIMENSION = MAX_DIMENSION;

    /** Longest excerpt of a spec (or of an argument) quoted in an error message. */
    public static final int MAX_QUOTE = 80;

    // Possessive quantifiers: no backtracking on long runs of digits.
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z][A-Za-z_-]*+):");
    private static final Pattern NAMED = Pattern.compile("([A-Za-z])([0-9]++)(\\*?)");
    /** Lattices named by a word: Barnes–Wall BW16 and Leech Λ24 (case-insensitive). */
    private static final Pattern WORD = Pattern.compile("(?i)(BW16|Leech)");
    private static final Pattern SCALE = Pattern.compile(
            "((?:[0-9]++(?:\\.[0-9]*+)?|\\.[0-9]++)(?:[eE][+-]?[0-9]++)?)\\s*+\\*");
    private static final Pattern POWER = Pattern.compile("\\^\\s*+([0-9]++)");

    private static final Map<String, Extension> EXTENSIONS = new ConcurrentHashMap<>();

    /** Nesting of parse calls on this thread (a prefix's factory may parse a spec again). */
    private static final ThreadLocal<int[]> NESTING = ThreadLocal.withInitial(() -> new int[1]);
    /** The policy of the outermost parse on this thread; nested parses never get more rights than it. */
    private static final ThreadLocal<SpecPolicy> ENCLOSING = new ThreadLocal<>();

    private static final class Extension {
        final String usage;
        final Function<String, Lattice> factory;
        final Predicate<String> readsFiles;
        final ToIntFunction<String> dimension;

        Extension(String usage, Function<String, Lattice> factory, Predicate<String> readsFiles,
                  ToIntFunction<String> dimension) {
            this.usage = usage;
            this.factory = factory;
            this.readsFiles = readsFiles;
            this.dimension = dimension;
        }
    }

    static {
        // gen: has only the file= form, so it always reads a file
        put("gen", new Extension("gen:file=PATH", LatticeSpecs::generatorFromFile, a -> true, a -> -1));
        // families from other packages (polar:...) announce themselves through META-INF/services
        for (LatticeSpecProvider p : java.util.ServiceLoader.load(LatticeSpecProvider.class,
                LatticeSpecs.class.getClassLoader())) {
            register(p);
        }
    }

    private LatticeSpecs() {
    }

    /**
     * Registers (or replaces) the handler for specs of the form {@code prefix:argument}. The factory receives the
     * argument (the text after the colon, trimmed) and should throw IllegalArgumentException with a one-line message
     * on bad input. The prefix is treated as reading files (refused under {@link SpecPolicy#EMBEDDED}); register a
     * {@link LatticeSpecProvider} to say otherwise.
     *
     * @param prefix letters, '_' or '-', starting with a letter; matched case-insensitively
     */
    public static void register(String prefix, Function<String, Lattice> factory) {
        register(prefix, prefix == null ? null : prefix.toLowerCase(Locale.ROOT) + ":...", factory);
    }

    /**
     * As {@link #register(String, Function)}, with a usage string (such as {@code polar:N=1024,r=2}) shown in the
     * list of accepted forms.
     */
    public static void register(String prefix, String usage, Function<String, Lattice> factory) {
        if (factory == null || usage == null) {
            checkPrefix(prefix);
            throw new IllegalArgumentException("lattice spec factory and usage must not be null");
        }
        put(checkPrefix(prefix), new Extension(usage, factory, a -> true, a -> -1));
    }

    /**
     * Registers (or replaces) a provider, including what it declares about file access
     * ({@link LatticeSpecProvider#readsFiles}) and dimensions ({@link LatticeSpecProvider#dimension}).
     */
    public static void register(LatticeSpecProvider provider) {
        Objects.requireNonNull(provider, "provider");
        String usage = provider.usage();
        if (usage == null) {
            throw new IllegalArgumentException("lattice spec usage must not be null");
        }
        put(checkPrefix(provider.prefix()),
                new Extension(usage, provider::parse, provider::readsFiles, provider::dimension));
    }

    private static String checkPrefix(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z][A-Za-z_-]*")) {
            throw new IllegalArgumentException("lattice spec prefix must be letters (and _ or -), got '"
                    + quote(String.valueOf(prefix)) + "'");
        }
        return prefix;
    }

    private static void put(String prefix, Extension e) {
        EXTENSIONS.put(prefix.toLowerCase(Locale.ROOT), e);
    }

    /** A one-line list of the accepted spec forms, including registered prefixes. */
    public static String acceptedForms() {
        StringBuilder sb = new StringBuilder("Zn (n>=1), An (n>=1), Dn (n>=2), Dn* (n>=2), E8, BW16, Leech, L^k, L1xL2, c*L (c>0), (L)");
        for (Extension e : new TreeMap<>(EXTENSIONS).values()) {
            sb.append(", ").append(e.usage);
        }
        return oneLine(sb.toString(), Integer.MAX_VALUE);
    }

    /**
     * Parses a lattice spec the user gave ({@link SpecPolicy#TRUSTED}: files named by {@code gen:file=} or
     * {@code polar:file=} are read), within the limits in the class comment.
     *
     * @throws IllegalArgumentException with a one-line message (listing the accepted forms for syntax errors)
     */
    public static Lattice parse(String spec) {
        return parse(spec, SpecPolicy.TRUSTED);
    }

    /**
     * Parses a lattice spec under {@code policy}. With {@link SpecPolicy#EMBEDDED} no file is opened: a prefix that
     * would read one is refused. A parse started from inside a prefix's factory inherits {@code EMBEDDED} from the
     * enclosing parse, whatever policy it asks for.
     *
     * @throws IllegalArgumentException with a one-line message for any bad spec, too large or too deeply nested
     *                                  spec, or refused file access
     */
    public static Lattice parse(String spec, SpecPolicy policy) {
        return run(spec, policy, Mode.BUILD).built;
    }

    /**
     * The dimension of the lattice that {@link #parse(String)} would build, computed without building it, so that a
     * caller can refuse a lattice too large for its memory first. Parts whose dimension a prefix cannot tell
     * without building (such as {@code gen:file=}) are built (they are small).
     *
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public static int dimensionOf(String spec) {
        return dimensionOf(spec, SpecPolicy.TRUSTED);
    }

    /** As {@link #dimensionOf(String)}, under {@code policy} (no file is opened under {@code EMBEDDED}). */
    public static int dimensionOf(String spec, SpecPolicy policy) {
        return (int) run(spec, policy, Mode.DIMENSION).dim;
    }

    /**
     * Whether the spec names a file anywhere (a prefix whose argument reads one). Checks the syntax only: builds
     * nothing and opens nothing.
     *
     * @throws IllegalArgumentException with a one-line message if the spec is malformed or exceeds the limits
     */
    public static boolean readsFiles(String spec) {
        // SYNTAX mode opens and builds nothing; the enclosing policy is kept for anything nested
        Parser p = new Parser(checkLength(spec), effective(SpecPolicy.TRUSTED), Mode.SYNTAX);
        guarded(p.policy, p::run);
        return p.anyReadsFiles;
    }

    /** Whether the whole spec is one {@code prefix:argument} (no scaling, product, power or parentheses). */
    static boolean isSinglePrefixed(String spec) {
        Parser p = new Parser(checkLength(spec), effective(SpecPolicy.TRUSTED), Mode.SYNTAX);
        return guarded(p.policy, p::run) instanceof Ext;
    }

    private static Node run(String spec, SpecPolicy policy, Mode mode) {
        Objects.requireNonNull(policy, "policy");
        Parser p = new Parser(checkLength(spec), effective(policy), mode);
        return guarded(p.policy, () -> {
            Node root = p.run();
            if (mode == Mode.BUILD) {
                for (Node n : p.order) {
                    p.build(n);
                }
            }
            return root;
        });
    }

    private static SpecPolicy effective(SpecPolicy requested) {
        return ENCLOSING.get() == SpecPolicy.EMBEDDED ? SpecPolicy.EMBEDDED : requested;
    }

    /** Runs a parse with the per-thread nesting count and enclosing policy set, restoring both afterwards. */
    private static Node guarded(SpecPolicy policy, java.util.function.Supplier<Node> body) {
        int[] nesting = NESTING.get();
        SpecPolicy outer = ENCLOSING.get();
        if (nesting[0] >= MAX_DEPTH) {
            throw new IllegalArgumentException("lattice specs nested more than " + MAX_DEPTH
                    + " deep through prefixes");
        }
        nesting[0]++;
        ENCLOSING.set(policy);
        try {
            return body.get();
        } finally {
            nesting[0]--;
            if (outer == null) {
                ENCLOSING.remove();
            } else {
                ENCLOSING.set(outer);
            }
        }
    }

    private static String checkLength(String spec) {
        if (spec == null || spec.isBlank()) {
            throw error(String.valueOf(spec), "empty spec");
        }
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw error(spec, "longer than " + MAX_SPEC_LENGTH + " characters (" + spec.length() + ")");
        }
        return spec;
    }

    private static IllegalArgumentException error(String spec, String reason) {
        return new IllegalArgumentException("bad lattice spec '" + quote(spec) + "': " + oneLine(reason, 400)
                + "; accepted forms: " + acceptedForms());
    }

    /** At most {@link #MAX_QUOTE} chars of {@code s}, with control and line-break characters replaced by '?'. */
    static String quote(String s) {
        return oneLine(s, MAX_QUOTE);
    }

    private static String oneLine(String s, int max) {
        return BoundedFiles.excerpt(s, max);
    }

    /** A provider's exception as a one-line IllegalArgumentException (the same one when it already is one). */
    private static IllegalArgumentException providerError(String spec, RuntimeException e) {
        if (e instanceof IllegalArgumentException) {
            String m = e.getMessage();
            if (m != null && m.length() <= 1000 && m.equals(oneLine(m, Integer.MAX_VALUE))) {
                return (IllegalArgumentException) e;
            }
            return new IllegalArgumentException(oneLine(m, 1000), e);
        }
        return new IllegalArgumentException("bad lattice spec '" + quote(spec) + "': " + e.getClass().getSimpleName()
                + ": " + oneLine(e.getMessage(), 400), e);
    }

    private static Lattice generatorFromFile(String argument) {
        String path = argument;
        if (path.regionMatches(true, 0, "file=", 0, 5)) {
            path = path.substring(5).strip();
        } else if (path.contains("=")) {
            throw new IllegalArgumentException("gen: expected gen:file=PATH, got 'gen:" + quote(argument) + "'");
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("gen: missing file name (gen:file=PATH)");
        }
        try {
            return GeneratorMatrixLattice.fromFile(Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("gen: invalid path '" + quote(path) + "'");
        }
    }

    private enum Mode {
        /** Check the syntax only; build nothing, not even parts of unknown dimension. */
        SYNTAX,
        /** Compute every dimension, building only prefixed parts that cannot tell theirs. */
        DIMENSION,
        /** Compute the dimensions, then build. */
        BUILD
    }

    /** A parsed part of a spec; {@code dim} is -1 only when unknown in {@link Mode#SYNTAX}. */
    private abstract static class Node {
        long dim;
        Lattice built;
    }

    private static final class Named extends Node {
        final char letter;
        final boolean dual;

        Named(char letter, int n, boolean dual) {
            this.letter = letter;
            this.dim = n;
            this.dual = dual;
        }
    }

    private static final class Ext extends Node {
        final Extension ext;
        final String argument;

        Ext(Extension ext, String argument) {
            this.ext = ext;
            this.argument = argument;
        }
    }

    private static final class Power extends Node {
        final Node base;
        final int k;

        Power(Node base, int k) {
            this.base = base;
            this.k = k;
            this.dim = base.dim < 0 ? -1 : base.dim * k; // both ≤ 2^16: no overflow in a long
        }
    }

    private static final class Product extends Node {
        final List<Node> factors;

        Product(List<Node> factors, long dim) {
            this.factors = factors;
            this.dim = dim;
        }
    }

    private static final class Scaled extends Node {
        final Node base;
        final double scale;

        Scaled(Node base, double scale) {
            this.base = base;
            this.scale = scale;
            this.dim = base.dim;
        }
    }

    /** An open group: the top level or a parenthesis, collecting its scale and product factors. */
    private static final class Frame {
        final boolean inParen;
        double scale = 1.0;
        final List<Node> factors = new ArrayList<>();
        long dim;

        Frame(boolean inParen) {
            this.inParen = inParen;
        }
    }

    private static final int SPEC_START = 0;
    private static final int PRIMARY = 1;
    private static final int AFTER_PRIMARY = 2;
    private static final int AFTER_POWER = 3;

    /**
     * A non-recursive parser: a state machine over the grammar with an explicit stack of open groups, bounded by
     * {@link #MAX_DEPTH}. Nodes are recorded in completion order (children before parents), so the build pass is a
     * simple loop.
     */
    private static final class Parser {
        final String s;
        final SpecPolicy policy;
        final Mode mode;
        final List<Node> order = new ArrayList<>();
        boolean anyReadsFiles;
        int pos;

        Parser(String s, SpecPolicy policy, Mode mode) {
            this.s = s;
            this.policy = policy;
            this.mode = mode;
        }

        Node run() {
            Deque<Frame> open = new ArrayDeque<>();
            Frame f = new Frame(false);
            Node cur = null;
            int state = SPEC_START;
            while (true) {
                skipSpace();
                switch (state) {
                    case SPEC_START:
                        scales(f);
                        state = PRIMARY;
                        break;
                    case PRIMARY:
                        if (pos >= s.length()) {
                            throw error(s, "missing lattice name");
                        }
                        if (s.charAt(pos) == '(') {
                            if (open.size() >= MAX_DEPTH) {
                                throw error(s, "parentheses nested more than " + MAX_DEPTH + " deep");
                            }
                            pos++;
                            open.push(f);
                            f = new Frame(true);
                            state = SPEC_START;
                        } else {
                            cur = primary(f.inParen);
                            state = AFTER_PRIMARY;
                        }
                        break;
                    case AFTER_PRIMARY:
                        cur = power(cur);
                        addFactor(f, cur);
                        cur = null;
                        state = AFTER_POWER;
                        break;
                    default: // AFTER_POWER
                        if (pos < s.length() && isTimes(s.charAt(pos))) {
                            pos++;
                            state = PRIMARY;
                        } else if (pos < s.length() && s.charAt(pos) == ')' && f.inParen) {
                            pos++;
                            cur = finish(f);
                            f = open.pop();
                            state = AFTER_PRIMARY;
                        } else if (pos >= s.length()) {
                            if (f.inParen) {
                                throw error(s, "missing ')'");
                            }
                            return finish(f);
                        } else {
                            throw error(s, "unexpected '" + quote(s.substring(pos)) + "'");
                        }
                        break;
                }
            }
        }

        static boolean isTimes(char c) {
            return c == 'x' || c == 'X' || c == '×';
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Matcher at(Pattern p) {
            Matcher m = p.matcher(s);
            m.region(pos, s.length());
            return m.lookingAt() ? m : null;
        }

        void scales(Frame f) {
            Matcher m;
            while ((m = at(SCALE)) != null) {
                double c = Double.parseDouble(m.group(1));
                if (!(c > 0.0) || Double.isInfinite(c)) {
                    throw error(s, "scale must be finite and > 0, got " + quote(m.group(1)));
                }
                double product = f.scale * c;
                if (!(product > 0.0) || Double.isInfinite(product)) {
                    throw error(s, "the scales multiply to " + product + ", which is not finite and > 0");
                }
                f.scale = product;
                pos = m.end();
                skipSpace();
            }
        }

        Node primary(boolean inParen) {
            Matcher pm = at(PREFIX);
            if (pm != null) {
                String prefix = pm.group(1).toLowerCase(Locale.ROOT);
                Extension ext = EXTENSIONS.get(prefix);
                if (ext == null) {
                    throw error(s, "unknown prefix '" + quote(pm.group(1)) + ":'");
                }
                pos = pm.end();
                return extension(prefix, ext, readArgument(inParen).strip());
            }
            Matcher wm = at(WORD);
            if (wm != null) {
                pos = wm.end();
                boolean leech = wm.group(1).equalsIgnoreCase("Leech");
                return record(new Named(leech ? 'L' : 'W', leech ? 24 : 16, false));
            }
            Matcher nm = at(NAMED);
            if (nm != null) {
                pos = nm.end();
                return record(named(nm.group(1), nm.group(2), !nm.group(3).isEmpty()));
            }
            throw error(s, "unknown lattice at '" + quote(s.substring(pos)) + "'");
        }

        Node extension(String prefix, Extension ext, String argument) {
            Ext node = new Ext(ext, argument);
            boolean reads;
            int d;
            try {
                reads = ext.readsFiles.test(argument);
                d = ext.dimension.applyAsInt(argument);
            } catch (RuntimeException e) {
                throw providerError(s, e);
            }
            anyReadsFiles |= reads;
            if (reads && policy == SpecPolicy.EMBEDDED && mode != Mode.SYNTAX) {
                // Refused before the factory runs: a spec from data never opens a file.
                throw new IllegalArgumentException("bad lattice spec '" + quote(s) + "': '" + prefix
                        + ":' with this argument reads a file, and a lattice spec read from data may not open files");
            }
            if (d > 0) {
                node.dim = d;
            } else if (mode == Mode.SYNTAX) {
                node.dim = -1;
            } else {
                node.built = apply(node);
                node.dim = node.built.dimension();
            }
            checkDimension(node.dim, prefix + ":");
            return record(node);
        }

        Lattice apply(Ext node) {
            Lattice l;
            try {
                l = node.ext.factory.apply(node.argument);
            } catch (RuntimeException e) {
                throw providerError(s, e);
            } catch (StackOverflowError | OutOfMemoryError e) {
                // a provider's own failure on a huge or deep input; nothing of it survives, so report and go on
                throw new IllegalArgumentException("bad lattice spec '" + quote(s) + "': too large or too deeply "
                        + "nested to build (" + e.getClass().getSimpleName() + ")");
            }
            if (l == null) {
                throw new IllegalArgumentException("bad lattice spec '" + quote(s) + "': the provider built nothing");
            }
            return l;
        }

        /** To the end of the spec, or (inside parentheses) to the parenthesis closing the enclosing group. */
        String readArgument(boolean inParen) {
            int start = pos;
            int openCount = 0;
            while (pos < s.length()) {
                char ch = s.charAt(pos);
                if (ch == '(') {
                    openCount++;
                } else if (ch == ')') {
                    if (openCount == 0 && inParen) {
                        break;
                    }
                    openCount--;
                }
                pos++;
            }
            return s.substring(start, pos);
        }

        Node power(Node base) {
            Matcher m = at(POWER);
            if (m != null) {
                int k = count(m.group(1), "power");
                pos = m.end();
                Node p = record(new Power(base, k));
                checkDimension(p.dim, "L^" + k);
                return p;
            }
            if (pos < s.length() && s.charAt(pos) == '^') {
                throw error(s, "'^' must be followed by a positive integer");
            }
            return base;
        }

        void addFactor(Frame f, Node n) {
            f.factors.add(n);
            if (f.dim >= 0) {
                f.dim = n.dim < 0 ? -1 : f.dim + n.dim;
                checkDimension(f.dim, "product");
            }
        }

        Node finish(Frame f) {
            Node n = f.factors.size() == 1 ? f.factors.get(0) : record(new Product(f.factors, f.dim));
            return f.scale == 1.0 ? n : record(new Scaled(n, f.scale));
        }

        Node record(Node n) {
            order.add(n);
            return n;
        }

        void checkDimension(long d, String what) {
            if (d > MAX_DIMENSION) {
                throw error(s, "dimension of " + what + " exceeds the maximum of " + MAX_DIMENSION);
            }
        }

        /** A positive count of at most {@link #MAX_DIMENSION}, checked before any conversion can overflow. */
        int count(String digits, String what) {
            String d = digits.replaceFirst("^0+(?=.)", "");
            if (d.length() > 6 || Integer.parseInt(d) > MAX_DIMENSION) {
                throw error(s, what + " " + quote(digits) + " exceeds the maximum of " + MAX_DIMENSION);
            }
            int k = Integer.parseInt(d);
            if (k < 1) {
                throw error(s, what + " must be a positive integer, got " + quote(digits));
            }
            return k;
        }

        Named named(String letter, String digits, boolean dual) {
            char c = Character.toUpperCase(letter.charAt(0));
            int n = count(digits, "dimension");
            String shown = c + Integer.toString(n) + (dual ? "*" : "");
            boolean ok;
            switch (c) {
                case 'Z':
                case 'A':
                    ok = !dual;
                    break;
                case 'D':
                    if (n < 2) {
                        throw error(s, shown + " needs n >= 2");
                    }
                    ok = true;
                    break;
                case 'E':
                    ok = n == 8 && !dual;
                    break;
                default:
                    ok = false;
                    break;
            }
            if (!ok) {
                throw error(s, "unknown lattice " + shown);
            }
            return new Named(c, n, dual);
        }

        void build(Node node) {
            if (node.built != null) {
                return;
            }
            if (node instanceof Named) {
                Named nd = (Named) node;
                int n = (int) nd.dim;
                switch (nd.letter) {
                    case 'Z':
                        nd.built = new IntegerLattice(n);
                        break;
                    case 'A':
                        nd.built = new AnLattice(n);
                        break;
                    case 'D':
                        nd.built = nd.dual ? new DnDualLattice(n) : new DnLattice(n);
                        break;
                    case 'L':
                        nd.built = new LeechLattice();
                        break;
                    case 'W':
                        nd.built = new BarnesWallLattice16();
                        break;
                    default:
                        nd.built = new E8Lattice();
                        break;
                }
            } else if (node instanceof Ext) {
                Ext e = (Ext) node;
                e.built = apply(e);
                if (e.built.dimension() != e.dim) {
                    throw new IllegalArgumentException("bad lattice spec '" + quote(s) + "': the provider built "
                            + "dimension " + e.built.dimension() + " but announced " + e.dim);
                }
            } else if (node instanceof Power) {
                Power p = (Power) node;
                p.built = ProductLattice.power(p.base.built, p.k);
            } else if (node instanceof Product) {
                List<Lattice> parts = new ArrayList<>(((Product) node).factors.size());
                for (Node f : ((Product) node).factors) {
                    parts.add(f.built);
                }
                node.built = new ProductLattice(parts);
            } else {
                Scaled sc = (Scaled) node;
                sc.built = ScaledLattice.of(sc.base.built, sc.scale);
            }
        }
    }
}
