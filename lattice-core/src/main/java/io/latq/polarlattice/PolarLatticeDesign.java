package io.latq.polarlattice;

import io.latq.common.BoundedFiles;
import io.latq.json.Json;
import io.latq.polar.PolarTransform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A polar-lattice design: block length N, the test-channel noise σ of the quantizer, and the nested information sets
 * A_1 ⊆ A_2 ⊆ … ⊆ A_r (natural-order bit indices, level 1 first), plus provenance.
 *
 * <p>The lattice is determined by N and the sets alone (Construction D, see {@link PolarLattice}); σ only sets the
 * level LLRs of the quantizer (level i uses noise σ/2^(i−1)). The content hash {@link #sha256()} is the SHA-256 of
 * the UTF-8 canonical text
 * <pre>
 * latq-polar-lattice-design-v1\n
 * n=&lt;N&gt;\n
 * sigma=&lt;the 64 bits of σ as 16 lower-case hex digits&gt;\n
 * levels=&lt;r&gt;\n
 * A1=&lt;a,b,...&gt;\n … Ar=&lt;...&gt;\n
 * </pre>
 * (σ by its bits, because decimal renderings of doubles differ between Java versions). Capacities, the construction
 * name, the list size the design was tuned for and the notes are metadata outside the hash.
 *
 * <p>JSON keys: {@code format} ("latq-polar-lattice-design"), {@code version} (1 or 2), {@code n}, {@code sigma},
 * {@code construction}, {@code list_size}, {@code levels} (array, level 1 first, each with {@code level},
 * {@code noise}, {@code capacity}, {@code k} and the sorted {@code information_set}), {@code notes}, {@code sha256};
 * version 2 adds {@code optimizer_seeds}: {@code {"search": S, "ranking": R}} (either null when unused: a design not
 * searched by Monte Carlo, a Tal–Vardy ranking), the seeds whose random vectors the design was chosen on, so that
 * its NSM is reported from other seeds ({@link io.latq.nsm.EvaluationSeeds}). A version-1 file has no seeds; latq's
 * version-1 designs were all searched with seed 1, so it reads as "optimizer seed: 1 (legacy)" and is written back
 * as version 1, byte for byte. {@link #fromJson} validates sizes, ranges, strict sortedness, nesting, consistency of
 * {@code k} and the hash, and reports the first problem in one line. Immutable.
 */
public final class PolarLatticeDesign {

    /**
     * The random seeds a design was chosen with (provenance, outside the hash).
     *
     * @param search  the seed of the Monte Carlo NSM search (common random numbers), or null if none
     * @param ranking the seed of a Monte Carlo level ranking, or null if none (Tal–Vardy is deterministic)
     * @param legacy  true for a version-1 design, which records no seeds: latq searched those with seed 1
     */
    public record OptimizerSeeds(Long search, Long ranking, boolean legacy) {
        /** No random search went into the design. */
        public static final OptimizerSeeds NONE = new OptimizerSeeds(null, null, false);

        /** A version-1 design: search and ranking seed 1, not recorded in the file. */
        public static final OptimizerSeeds LEGACY = new OptimizerSeeds(1L, 1L, true);

        /** Whether {@code seed} is one of the recorded seeds. */
        public boolean contains(long seed) {
            return (search != null && search == seed) || (ranking != null && ranking == seed);
        }

        /** One line for tables and messages, e.g. "optimizer seed: 1 (legacy)". */
        public String describe() {
            if (legacy) {
                return "optimizer seed: 1 (legacy)";
            }
            if (search == null && ranking == null) {
                return "optimizer seeds: none";
            }
            return "optimizer seeds: search " + (search == null ? "-" : search) + ", ranking "
                    + (ranking == null ? "-" : ranking);
        }
    }

    /** The value of the JSON {@code format} key. */
    public static final String FORMAT = "latq-polar-lattice-design";

    /** The largest number of levels accepted (2^r·Z^N must stay exactly representable). */
    public static final int MAX_LEVELS = 16;

    /**
     * The largest block length accepted, checked before anything of size N is allocated (a design read from a file
     * or a compressed file's header may claim any N); equal to {@link io.latq.lattice.LatticeSpecs#MAX_DIMENSION}.
     */
    public static final int MAX_N = 1 << 16;

    private final int n;
    private final double sigma;
    private final int[][] sets;
    private final double[] capacities;
    private final String construction;
    private final int listSize;
    private final String notes;
    private final OptimizerSeeds seeds;

    /** As the full constructor, with no optimizer seeds ({@link OptimizerSeeds#NONE}). */
    public PolarLatticeDesign(int n, double sigma, int[][] sets, double[] capacities, String construction,
                              int listSize, String notes) {
        this(n, sigma, sets, capacities, construction, listSize, notes, OptimizerSeeds.NONE);
    }

    /**
     * @param n            block length N = 2^m
     * @param sigma        test-channel noise σ &gt; 0
     * @param sets         information sets, level 1 first; each is sorted (copied)
     * @param capacities   level capacities C_i (length r) or null; NaN entries mean unknown
     * @param construction how the sets were obtained (free text) or null
     * @param listSize     the SCL list size the design was tuned for (≥ 1)
     * @param notes        free-text provenance (e.g. the command that made it) or null
     * @param seeds        the optimizer's seeds (provenance)
     * @throws IllegalArgumentException if N is not a power of two, σ is not positive, a set is out of range, has
     *                                  duplicates, or the sets are not nested
     */
    public PolarLatticeDesign(int n, double sigma, int[][] sets, double[] capacities, String construction,
                              int listSize, String notes, OptimizerSeeds seeds) {
        if (!PolarTransform.isPowerOfTwo(n)) {
            throw new IllegalArgumentException("design: n must be a power of two, got " + n);
        }
        if (n > MAX_N) {
            throw new IllegalArgumentException("design: n must be at most " + MAX_N + ", got " + n);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("design: sigma must be positive and finite, got " + sigma);
        }
        if (sets.length < 1 || sets.length > MAX_LEVELS) {
            throw new IllegalArgumentException("design: need 1.." + MAX_LEVELS + " levels, got " + sets.length);
        }
        if (capacities != null && capacities.length != sets.length) {
            throw new IllegalArgumentException("design: " + capacities.length + " capacities for " + sets.length
                    + " levels");
        }
        if (listSize < 1) {
            throw new IllegalArgumentException("design: list_size must be >= 1, got " + listSize);
        }
        this.n = n;
        this.sigma = sigma;
        this.sets = new int[sets.length][];
        boolean[] previous = new boolean[n];
        for (int i = 0; i < sets.length; i++) {
            int[] a = sets[i].clone();
            Arrays.sort(a);
            boolean[] in = new boolean[n];
            for (int j = 0; j < a.length; j++) {
                if (a[j] < 0 || a[j] >= n) {
                    throw new IllegalArgumentException("design: level " + (i + 1) + " index " + a[j]
                            + " out of range 0.." + (n - 1));
                }
                if (j > 0 && a[j] == a[j - 1]) {
                    throw new IllegalArgumentException("design: level " + (i + 1) + " repeats index " + a[j]);
                }
                in[a[j]] = true;
            }
            for (int t = 0; t < n; t++) {
                if (previous[t] && !in[t]) {
                    throw new IllegalArgumentException("design: sets not nested: index " + t + " is in level " + i
                            + " but not in level " + (i + 1));
                }
            }
            previous = in;
            this.sets[i] = a;
        }
        this.capacities = capacities == null ? nanArray(sets.length) : capacities.clone();
        this.construction = construction;
        this.listSize = listSize;
        this.notes = notes;
        this.seeds = seeds == null ? OptimizerSeeds.NONE : seeds;
    }

    private static double[] nanArray(int r) {
        double[] c = new double[r];
        Arrays.fill(c, Double.NaN);
        return c;
    }

    /** Block length N. */
    public int n() {
        return n;
    }

    /** Test-channel noise σ. */
    public double sigma() {
        return sigma;
    }

    /** Number of levels r. */
    public int levels() {
        return sets.length;
    }

    /** The sorted information set A_i of level i (1-based), a copy. */
    public int[] informationSet(int level) {
        return sets[level - 1].clone();
    }

    /** K_i = |A_i| for level i (1-based). */
    public int k(int level) {
        return sets[level - 1].length;
    }

    /** All K_i, level 1 first. */
    public int[] ks() {
        int[] k = new int[sets.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = sets[i].length;
        }
        return k;
    }

    /** The noise of level i (1-based): σ/2^(i−1). */
    public double levelNoise(int level) {
        return Math.scalb(sigma, -(level - 1));
    }

    /** The capacity C_i of level i (1-based) recorded in the design, NaN if unknown. */
    public double capacity(int level) {
        return capacities[level - 1];
    }

    /** The construction description, or null. */
    public String construction() {
        return construction;
    }

    /** The SCL list size the design was tuned for. */
    public int listSize() {
        return listSize;
    }

    /** Free-text provenance, or null. */
    public String notes() {
        return notes;
    }

    /** The seeds the design was chosen with (provenance). */
    public OptimizerSeeds optimizerSeeds() {
        return seeds;
    }

    /** log2 of the cell volume, Σ_i (N − K_i) (see docs/polar-lattices.md). */
    public long log2Volume() {
        long v = 0;
        for (int[] a : sets) {
            v += n - a.length;
        }
        return v;
    }

    /** ℓ_t for every t: the first level (1-based) whose set holds t, or r+1 if none. */
    public int[] firstLevels() {
        int[] l = new int[n];
        Arrays.fill(l, sets.length + 1);
        for (int i = sets.length - 1; i >= 0; i--) {
            for (int t : sets[i]) {
                l[t] = i + 1;
            }
        }
        return l;
    }

    /** A copy with other metadata (same lattice, σ and seeds, hence the same hash). */
    public PolarLatticeDesign withMetadata(String construction, int listSize, String notes) {
        return new PolarLatticeDesign(n, sigma, sets, capacities, construction, listSize, notes, seeds);
    }

    /** A copy recording other optimizer seeds (same hash). */
    public PolarLatticeDesign withOptimizerSeeds(OptimizerSeeds s) {
        return new PolarLatticeDesign(n, sigma, sets, capacities, construction, listSize, notes, s);
    }

    /** The canonical text that {@link #sha256()} hashes. */
    public String canonicalForm() {
        StringBuilder b = new StringBuilder("latq-polar-lattice-design-v1\n");
        b.append("n=").append(n).append('\n');
        b.append("sigma=").append(String.format("%016x", Double.doubleToLongBits(sigma))).append('\n');
        b.append("levels=").append(sets.length).append('\n');
        for (int i = 0; i < sets.length; i++) {
            b.append('A').append(i + 1).append('=');
            Json.joinInts(b, sets[i]);
            b.append('\n');
        }
        return b.toString();
    }

    /** Lower-case hex SHA-256 of {@link #canonicalForm()}. */
    public String sha256() {
        return Json.sha256Hex(canonicalForm());
    }

    /** Pretty JSON with the keys listed in the class comment. */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
        b.append("  \"version\": ").append(seeds.legacy() ? 1 : 2).append(",\n");
        b.append("  \"n\": ").append(n).append(",\n");
        b.append("  \"sigma\": ").append(Double.toString(sigma)).append(",\n");
        if (construction != null) {
            b.append("  \"construction\": ").append(Json.quote(construction)).append(",\n");
        }
        b.append("  \"list_size\": ").append(listSize).append(",\n");
        b.append("  \"log2_volume\": ").append(log2Volume()).append(",\n");
        b.append("  \"levels\": [\n");
        for (int i = 0; i < sets.length; i++) {
            b.append("    {\"level\": ").append(i + 1)
                    .append(", \"noise\": ").append(Double.toString(levelNoise(i + 1)))
                    .append(", \"capacity\": ").append(Double.isFinite(capacities[i])
                            ? Double.toString(capacities[i]) : "null")
                    .append(", \"k\": ").append(sets[i].length)
                    .append(",\n     \"information_set\": [");
            Json.joinInts(b, sets[i]);
            b.append("]}").append(i + 1 < sets.length ? ",\n" : "\n");
        }
        b.append("  ],\n");
        if (!seeds.legacy()) {
            b.append("  \"optimizer_seeds\": {\"search\": ").append(seeds.search() == null ? "null" : seeds.search())
                    .append(", \"ranking\": ").append(seeds.ranking() == null ? "null" : seeds.ranking())
                    .append("},\n");
        }
        if (notes != null) {
            b.append("  \"notes\": ").append(Json.quote(notes)).append(",\n");
        }
        b.append("  \"sha256\": ").append(Json.quote(sha256())).append('\n');
        b.append("}\n");
        return b.toString();
    }

    /**
     * Reads and validates a design written by {@link #toJson()}. Unknown keys are ignored.
     *
     * @throws IllegalArgumentException with a one-line message on malformed JSON, a wrong format, missing keys, bad
     *                                  sizes, unsorted or non-nested sets, a {@code k} that does not match, or a
     *                                  hash mismatch
     */
    public static PolarLatticeDesign fromJson(String text) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("design: " + e.getMessage());
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("design: the JSON must be an object");
        }
        Map<?, ?> m = (Map<?, ?>) root;
        Object format = m.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("design: format must be \"" + FORMAT + "\", got "
                    + shown(format));
        }
        int version = m.get("version") == null ? 1 : integer(m.get("version"), "version");
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("design: unsupported version " + shown(m.get("version")));
        }
        OptimizerSeeds seeds = version == 1 ? OptimizerSeeds.LEGACY : seeds(m.get("optimizer_seeds"));
        int n = integer(m.get("n"), "n");
        double sigma = number(m.get("sigma"), "sigma");
        Object lv = m.get("levels");
        if (!(lv instanceof List) || ((List<?>) lv).isEmpty()) {
            throw new IllegalArgumentException("design: 'levels' must be a non-empty array");
        }
        List<?> levels = (List<?>) lv;
        int[][] sets = new int[levels.size()][];
        double[] caps = new double[levels.size()];
        for (int i = 0; i < sets.length; i++) {
            if (!(levels.get(i) instanceof Map)) {
                throw new IllegalArgumentException("design: level " + (i + 1) + " must be an object");
            }
            Map<?, ?> l = (Map<?, ?>) levels.get(i);
            if (l.get("level") != null && integer(l.get("level"), "level") != i + 1) {
                throw new IllegalArgumentException("design: levels out of order: entry " + (i + 1) + " says level "
                        + shown(l.get("level")));
            }
            Object is = l.get("information_set");
            if (!(is instanceof List)) {
                throw new IllegalArgumentException("design: level " + (i + 1) + " lacks an 'information_set' array");
            }
            List<?> list = (List<?>) is;
            int[] a = new int[list.size()];
            for (int j = 0; j < a.length; j++) {
                a[j] = integer(list.get(j), "information_set");
                if (j > 0 && a[j] <= a[j - 1]) {
                    throw new IllegalArgumentException("design: level " + (i + 1)
                            + " information_set is not strictly increasing at entry " + j + " (" + a[j - 1] + ", "
                            + a[j] + ")");
                }
            }
            if (l.get("k") != null && integer(l.get("k"), "k") != a.length) {
                throw new IllegalArgumentException("design: level " + (i + 1) + " says k = " + shown(l.get("k"))
                        + " but its information_set has " + a.length + " entries");
            }
            sets[i] = a;
            caps[i] = l.get("capacity") == null ? Double.NaN : number(l.get("capacity"), "capacity");
        }
        Object construction = m.get("construction");
        Object notes = m.get("notes");
        int list = m.get("list_size") == null ? 1 : integer(m.get("list_size"), "list_size");
        PolarLatticeDesign d = new PolarLatticeDesign(n, sigma, sets, caps,
                construction == null ? null : construction.toString(), list, notes == null ? null : notes.toString(),
                seeds);
        Object hash = m.get("sha256");
        if (hash != null && !d.sha256().equals(hash)) {
            throw new IllegalArgumentException("design: sha256 mismatch: file says " + shown(hash)
                    + ", content hashes to "
                    + d.sha256());
        }
        return d;
    }

    private static OptimizerSeeds seeds(Object v) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("design: version 2 needs an 'optimizer_seeds' object, got "
                    + shown(v));
        }
        Map<?, ?> o = (Map<?, ?>) v;
        return new OptimizerSeeds(seed(o.get("search"), "search"), seed(o.get("ranking"), "ranking"), false);
    }

    private static Long seed(Object v, String key) {
        if (v == null) {
            return null;
        }
        double d = number(v, "optimizer_seeds." + key);
        // seeds are recorded below 2^53, where a JSON number is exact
        if (d != Math.rint(d) || Math.abs(d) > 0x1p53) {
            throw new IllegalArgumentException("design: 'optimizer_seeds." + key + "' must be an integer, got "
                    + shown(v));
        }
        return (long) d;
    }

    /** A JSON value for a one-line message: numbers as they are, strings cut short, containers by their kind. */
    private static String shown(Object v) {
        if (v instanceof java.util.Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v instanceof String ? "\"" + BoundedFiles.excerpt((String) v, 80) + "\"" : String.valueOf(v);
    }

    private static double number(Object v, String key) {
        if (!(v instanceof Double)) {
            throw new IllegalArgumentException("design: '" + key + "' must be a number, got " + shown(v));
        }
        return (Double) v;
    }

    private static int integer(Object v, String key) {
        double d = number(v, key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("design: '" + key + "' must be an integer, got " + shown(v));
        }
        return (int) d;
    }

    /** The K_i as "K1/K2/..." for names and tables. */
    public String kString() {
        List<String> parts = new ArrayList<>();
        for (int[] a : sets) {
            parts.add(Integer.toString(a.length));
        }
        return String.join("/", parts);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolarLatticeDesign)) {
            return false;
        }
        PolarLatticeDesign d = (PolarLatticeDesign) o;
        return n == d.n && Double.doubleToLongBits(sigma) == Double.doubleToLongBits(d.sigma)
                && Arrays.deepEquals(sets, d.sets);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * n + Double.hashCode(sigma)) + Arrays.deepHashCode(sets);
    }

    @Override
    public String toString() {
        return "PolarLatticeDesign(N=" + n + ", sigma=" + sigma + ", K=" + kString() + ")";
    }
}
