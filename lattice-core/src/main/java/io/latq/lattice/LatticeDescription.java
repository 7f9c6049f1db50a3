package io.latq.lattice;

import io.latq.common.BoundedFiles;
import io.latq.json.Json;
import io.latq.lattice.search.GeneratorMatrixLattice;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeDesign;
import io.latq.polarlattice.PolarLatticeSpecProvider;
import io.latq.polarlattice.PolarQuantizerOptions;
import org.ejml.data.DMatrixRMaj;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A description of a lattice that rebuilds it without any file, for embedding in the header of a compressed file:
 * a header is data, so the decoder must never open a path it names, and a file must decode from any directory.
 *
 * <p>Three kinds:
 * <ul>
 *   <li>{@link Kind#BUILTIN}: a spec that reads no file ({@code E8}, {@code 0.5*E8^2}, {@code polar:n=1024,list=4}),
 *       rebuilt with {@link LatticeSpecs#parse(String, SpecPolicy)} under {@link SpecPolicy#EMBEDDED};</li>
 *   <li>{@link Kind#GENERATOR}: the n×n generator rows of a {@code gen:file=} lattice (n ≤
 *       {@value #MAX_GENERATOR_DIMENSION}), rebuilt as a {@link GeneratorMatrixLattice} from exactly those bits;</li>
 *   <li>{@link Kind#POLAR_DESIGN}: the JSON of a {@code polar:file=} design (its {@code notes} dropped; they are
 *       outside the design's hash) and the quantizer options, rebuilt as a {@link PolarLattice} after the JSON's
 *       SHA-256 content hash is verified.</li>
 * </ul>
 * A file lattice inside a product, power or scaling (such as {@code 0.5*gen:file=x}) is refused by {@link #of}: write
 * the combined generator to one {@code gen:} file instead.
 *
 * <p><b>Byte layout</b> ({@link #toBytes}, {@link #fromBytes}), little-endian, u32 = unsigned 32-bit:
 * <pre>
 *   u8  kind                       1 = BUILTIN, 2 = GENERATOR, 3 = POLAR_DESIGN
 *   BUILTIN:       u32 L           1 ≤ L ≤ {@value #MAX_SPEC_BYTES}
 *                  L bytes         the spec, UTF-8
 *   GENERATOR:     u32 n           1 ≤ n ≤ {@value #MAX_GENERATOR_DIMENSION}
 *                  n·n × f64       the generator row-major (row i = basis vector i), IEEE-754 bits, finite
 *   POLAR_DESIGN:  u32 n           block length, a power of two ≤ {@link PolarLatticeDesign#MAX_N}
 *                  u32 O           0 ≤ O ≤ {@value #MAX_OPTIONS_BYTES}
 *                  O bytes         options, UTF-8, canonical:
 *                                  list=L,select=metric|distortion,kernel=tabulated|exact|minsum
 *                  u32 J           1 ≤ J ≤ {@value #MAX_JSON_BYTES}
 *                  J bytes         the design JSON, UTF-8, with its "sha256"
 * </pre>
 * The description fills its {@code len} bytes exactly. Every length is checked against the bytes that remain before
 * anything is allocated; malformed bytes give a one-line {@link IllegalArgumentException}.
 *
 * <p>Immutable; equal descriptions have equal bytes.
 */
public final class LatticeDescription {

    /** What a description holds. */
    public enum Kind {
        /** A spec that reads no file. */
        BUILTIN(1),
        /** Generator rows. */
        GENERATOR(2),
        /** A polar-lattice design (JSON) and quantizer options. */
        POLAR_DESIGN(3);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        /** The kind byte of the encoding. */
        public int code() {
            return code;
        }
    }

    /**
     * Longest BUILTIN spec, in UTF-8 bytes (the parser's own limit, {@link LatticeSpecs#MAX_SPEC_LENGTH} chars, also
     * applies).
     */
    public static final int MAX_SPEC_BYTES = 4 * LatticeSpecs.MAX_SPEC_LENGTH;

    /** Largest GENERATOR dimension: that of {@link GeneratorMatrixLattice}. */
    public static final int MAX_GENERATOR_DIMENSION = GeneratorMatrixLattice.MAX_DIMENSION;

    /** Longest POLAR_DESIGN options text, in bytes. */
    public static final int MAX_OPTIONS_BYTES = 256;

    /** Longest POLAR_DESIGN JSON, in bytes (16 MiB, the JSON reader's limit). */
    public static final int MAX_JSON_BYTES = Json.MAX_LENGTH;

    private final Kind kind;
    private final int n;
    private final String spec;
    private final double[] rows;
    private final String options;
    private final String json;

    private LatticeDescription(Kind kind, int n, String spec, double[] rows, String options, String json) {
        this.kind = kind;
        this.n = n;
        this.spec = spec;
        this.rows = rows;
        this.options = options;
        this.json = json;
    }

    /**
     * Describes the lattice of a spec the user gave; runs on the compressing side, so files named by the spec are
     * read (once, here). The result rebuilds, with {@link #build()}, a lattice with the same generator bit for bit.
     *
     * @throws IllegalArgumentException with a one-line message if the spec is bad, or reads a file as part of a
     *                                  product, power or scaling, or through a prefix whose lattice has no
     *                                  self-contained form
     */
    public static LatticeDescription of(String trustedSpec) {
        String spec = trustedSpec == null ? null : trustedSpec.strip();
        if (!LatticeSpecs.readsFiles(spec)) {
            Lattice l = LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED); // checks it builds without files
            return new LatticeDescription(Kind.BUILTIN, l.dimension(), spec, null, null, null);
        }
        if (!LatticeSpecs.isSinglePrefixed(spec)) {
            throw new IllegalArgumentException("cannot embed lattice spec '" + LatticeSpecs.quote(spec)
                    + "': a lattice read from a file (gen:file=, polar:file=) must be the whole spec, not part of a "
                    + "product, power or scaling; write the combined generator to one gen: file instead");
        }
        Lattice l = LatticeSpecs.parse(spec);
        if (l instanceof GeneratorMatrixLattice) {
            DMatrixRMaj g = l.generator();
            return new LatticeDescription(Kind.GENERATOR, g.numRows, null, Arrays.copyOf(g.data, g.numRows * g.numCols),
                    null, null);
        }
        if (l instanceof PolarLattice) {
            PolarLattice p = (PolarLattice) l;
            PolarLatticeDesign d = p.design();
            // notes are free text outside the hash (they may name local paths): not carried into other files
            String text = d.withMetadata(d.construction(), d.listSize(), null).toJson();
            return new LatticeDescription(Kind.POLAR_DESIGN, d.n(), null, null,
                    PolarLatticeSpecProvider.optionsText(p.options()), text);
        }
        throw new IllegalArgumentException("cannot embed lattice spec '" + LatticeSpecs.quote(spec) + "': it reads a "
                + "file and its lattice (" + l.getClass().getSimpleName() + ") has no self-contained form");
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The dimension n, known without building the lattice. */
    public int dimension() {
        return n;
    }

    /**
     * 8·n² bytes: the size of one dense n×n generator of doubles, which users such as the ECDQ coder (which holds
     * two such matrices) compare with their memory budget before calling {@link #build()}.
     */
    public long denseGeneratorBytes() {
        return 8L * n * n;
    }

    /** The spec of a BUILTIN description, else null. */
    public String spec() {
        return spec;
    }

    /**
     * A short one-line form for messages: the spec (cut to {@link LatticeSpecs#MAX_QUOTE} chars) for BUILTIN,
     * {@code gen:rows(n=8, sha256=ab12cd34ef56…)} for GENERATOR (hash of the encoded rows), and
     * {@code polar:design(n=1024, sha256=…)[,options]} for POLAR_DESIGN (the design's content hash; options shown
     * unless they are the defaults).
     */
    public String displaySpec() {
        switch (kind) {
            case BUILTIN:
                return LatticeSpecs.quote(spec);
            case GENERATOR:
                return "gen:rows(n=" + n + ", sha256=" + HexFormat.of().formatHex(sha256(toBytes())).substring(0, 12)
                        + "…)";
            default:
                String hash = designHash();
                String opts = options.equals(PolarLatticeSpecProvider.optionsText(PolarQuantizerOptions.sc()))
                        ? "" : "," + options;
                return "polar:design(n=" + n + ", sha256=" + (hash == null ? "?" : hash.substring(0, 12)) + "…)"
                        + opts;
        }
    }

    /** The "sha256" string of the design JSON if it is a 64-hex-digit string, without parsing the JSON in full. */
    private String designHash() {
        int k = json.lastIndexOf("\"sha256\"");
        if (k < 0) {
            return null;
        }
        int q = json.indexOf('"', json.indexOf(':', k) + 1);
        return q > 0 && q + 65 <= json.length() && json.substring(q + 1, q + 65).matches("[0-9a-f]{64}")
                ? json.substring(q + 1, q + 65) : null;
    }

    /** The encoding described in the class comment. */
    public byte[] toBytes() {
        switch (kind) {
            case BUILTIN: {
                byte[] s = spec.getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(5 + s.length).order(ByteOrder.LITTLE_ENDIAN)
                        .put((byte) kind.code).putInt(s.length).put(s).array();
            }
            case GENERATOR: {
                ByteBuffer b = ByteBuffer.allocate(5 + 8 * rows.length).order(ByteOrder.LITTLE_ENDIAN)
                        .put((byte) kind.code).putInt(n);
                for (double v : rows) {
                    b.putLong(Double.doubleToRawLongBits(v));
                }
                return b.array();
            }
            default: {
                byte[] o = options.getBytes(StandardCharsets.UTF_8);
                byte[] j = json.getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(13 + o.length + j.length).order(ByteOrder.LITTLE_ENDIAN)
                        .put((byte) kind.code).putInt(n).putInt(o.length).put(o).putInt(j.length).put(j).array();
            }
        }
    }

    /**
     * Reads a description from exactly {@code data[off .. off+len)}. Checks every length against what remains before
     * allocating, and checks the content that is cheap to check (a BUILTIN spec is parsed for syntax, limits and
     * dimension, and must read no file; generator entries must be finite; options must parse); the design JSON is
     * parsed and hash-checked by {@link #build()}. Opens no file.
     *
     * @throws IllegalArgumentException with a one-line message if the bytes are malformed
     */
    public static LatticeDescription fromBytes(byte[] data, int off, int len) {
        Objects.requireNonNull(data, "data");
        if (off < 0 || len < 0 || off > data.length - len) {
            throw bad("range " + off + "+" + len + " outside " + data.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(data, off, len).slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (!b.hasRemaining()) {
                throw bad("empty");
            }
            int code = b.get() & 0xff;
            LatticeDescription d;
            if (code == Kind.BUILTIN.code) {
                String spec = utf8(b, length(b, 1, MAX_SPEC_BYTES, "spec"), "spec");
                if (LatticeSpecs.readsFiles(spec)) {
                    throw bad("the spec '" + LatticeSpecs.quote(spec) + "' names a file");
                }
                int n = LatticeSpecs.dimensionOf(spec, SpecPolicy.EMBEDDED);
                d = new LatticeDescription(Kind.BUILTIN, n, spec, null, null, null);
            } else if (code == Kind.GENERATOR.code) {
                int n = (int) u32(b, 1, MAX_GENERATOR_DIMENSION, "generator dimension");
                if (b.remaining() != 8 * n * n) {
                    throw bad("generator of dimension " + n + " needs " + 8 * n * n + " bytes, " + b.remaining()
                            + " remain");
                }
                double[] rows = new double[n * n];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = Double.longBitsToDouble(b.getLong());
                    if (!Double.isFinite(rows[i])) {
                        throw bad("non-finite generator entry in row " + (i / n + 1));
                    }
                }
                d = new LatticeDescription(Kind.GENERATOR, n, null, rows, null, null);
            } else if (code == Kind.POLAR_DESIGN.code) {
                int n = (int) u32(b, 1, PolarLatticeDesign.MAX_N, "polar block length");
                if (Integer.bitCount(n) != 1) {
                    throw bad("polar block length " + n + " is not a power of two");
                }
                String options = utf8(b, length(b, 0, MAX_OPTIONS_BYTES, "options"), "options");
                String canonical = PolarLatticeSpecProvider.optionsText(PolarLatticeSpecProvider.parseOptions(options));
                if (!canonical.equals(options)) {
                    throw bad("options '" + LatticeSpecs.quote(options) + "' are not in canonical form");
                }
                String json = utf8(b, length(b, 1, MAX_JSON_BYTES, "design JSON"), "design JSON");
                d = new LatticeDescription(Kind.POLAR_DESIGN, n, null, null, options, json);
            } else {
                throw bad("unknown kind " + code);
            }
            if (b.hasRemaining()) {
                throw bad(b.remaining() + " bytes after the " + d.kind + " description");
            }
            return d;
        } catch (BufferUnderflowException e) {
            throw bad("truncated");
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("lattice description: ") ? e
                    : bad(BoundedFiles.excerpt(e.getMessage(), 600));
        }
    }

    /**
     * Rebuilds the lattice without touching the file system. Its generator is bit for bit the one the spec given to
     * {@link #of} builds.
     *
     * @throws IllegalArgumentException with a one-line message if the description does not build (a singular
     *                                  generator, a design whose JSON is malformed, lacks its hash or fails it, or
     *                                  whose block length differs from the one recorded)
     */
    public Lattice build() {
        switch (kind) {
            case BUILTIN:
                return LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED);
            case GENERATOR: {
                double[][] r = new double[n][];
                for (int i = 0; i < n; i++) {
                    r[i] = Arrays.copyOfRange(rows, i * n, (i + 1) * n);
                }
                try {
                    return new GeneratorMatrixLattice(displaySpec(), r);
                } catch (IllegalArgumentException e) {
                    throw bad(e.getMessage());
                }
            }
            default: {
                Object root;
                try {
                    root = Json.parse(json);
                } catch (IllegalArgumentException e) {
                    throw bad("design: " + e.getMessage());
                }
                // fromJson checks a hash only when present; an embedded design must carry one
                if (!(root instanceof Map) || !(((Map<?, ?>) root).get("sha256") instanceof String)) {
                    throw bad("the embedded design has no sha256 content hash");
                }
                PolarLatticeDesign d;
                try {
                    d = PolarLatticeDesign.fromJson(json);
                } catch (IllegalArgumentException e) {
                    throw bad(e.getMessage());
                }
                if (d.n() != n) {
                    throw bad("the embedded design has n = " + d.n() + " but the description says " + n);
                }
                return new PolarLattice(d, PolarLatticeSpecProvider.parseOptions(options));
            }
        }
    }

    private static long u32(ByteBuffer b, long min, long max, String what) {
        long v = b.getInt() & 0xffffffffL;
        if (v < min || v > max) {
            throw bad(what + " " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    /** A u32 byte count within [min, max] and within the bytes that remain. */
    private static int length(ByteBuffer b, int min, int max, String what) {
        int v = (int) u32(b, min, max, what + " length");
        if (v > b.remaining()) {
            throw bad(what + " length " + v + " exceeds the " + b.remaining() + " bytes that remain");
        }
        return v;
    }

    private static String utf8(ByteBuffer b, int len, String what) {
        ByteBuffer slice = b.slice().limit(len);
        b.position(b.position() + len);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw bad(what + " is not valid UTF-8");
        }
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("lattice description: " + BoundedFiles.excerpt(why, 600));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatticeDescription && Arrays.equals(toBytes(), ((LatticeDescription) o).toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "LatticeDescription(" + kind + ", n=" + n + ", " + displaySpec() + ")";
    }
}
