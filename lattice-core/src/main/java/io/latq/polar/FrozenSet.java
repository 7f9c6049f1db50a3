package io.latq.polar;

import io.latq.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A polar code's frozen set as data: block length N, the sorted information set A (|A| = K), optionally the full
 * reliability order it was taken from (most reliable first) with the reliability values, and provenance strings.
 *
 * <p>The content hash {@link #sha256()} identifies the code, not how it was obtained: it is the SHA-256 of the UTF-8
 * bytes of the canonical text
 * <pre>
 * latq-polar-frozen-set-v1\n
 * n=&lt;N&gt;\n
 * information_set=&lt;a1&gt;,&lt;a2&gt;,...\n
 * reliability_order=&lt;r1&gt;,&lt;r2&gt;,...\n      (empty list when absent)
 * </pre>
 * with decimal integers and no spaces. Method, channel and reliability values are metadata outside the hash (the
 * decimal rendering of doubles is not stable across Java versions). The JSON schema is documented in
 * {@code docs/polar-codes.md}; {@link #fromJson} verifies the hash when present.
 *
 * <p>Immutable.
 */
public final class FrozenSet {

    /** The value of the JSON {@code format} key. */
    public static final String FORMAT = "latq-polar-frozen-set";

    private final int n;
    private final int[] informationSet;
    private final int[] reliabilityOrder;
    private final double[] reliability;
    private final String method;
    private final String channel;

    /**
     * @param n                block length, a power of two
     * @param informationSet   information positions (any order, no duplicates); stored sorted
     * @param reliabilityOrder permutation of 0..N−1, most reliable first, or null
     * @param reliability      per-position reliability values (larger = more reliable), or null
     * @param method           construction method name, or null
     * @param channel          channel description, or null
     */
    public FrozenSet(int n, int[] informationSet, int[] reliabilityOrder, double[] reliability, String method,
                     String channel) {
        PolarTransform.log2(n);
        this.n = n;
        int[] a = informationSet.clone();
        Arrays.sort(a);
        for (int j = 0; j < a.length; j++) {
            if (a[j] < 0 || a[j] >= n) {
                throw new IllegalArgumentException("information index " + a[j] + " out of range 0.." + (n - 1));
            }
            if (j > 0 && a[j] == a[j - 1]) {
                throw new IllegalArgumentException("duplicate information index " + a[j]);
            }
        }
        this.informationSet = a;
        if (reliabilityOrder != null) {
            if (reliabilityOrder.length != n) {
                throw new IllegalArgumentException("reliability order has length " + reliabilityOrder.length
                        + ", expected " + n);
            }
            boolean[] seen = new boolean[n];
            for (int t : reliabilityOrder) {
                if (t < 0 || t >= n || seen[t]) {
                    throw new IllegalArgumentException("reliability order is not a permutation of 0.." + (n - 1));
                }
                seen[t] = true;
            }
        }
        if (reliability != null && reliability.length != n) {
            throw new IllegalArgumentException("reliability has length " + reliability.length + ", expected " + n);
        }
        this.reliabilityOrder = reliabilityOrder == null ? null : reliabilityOrder.clone();
        this.reliability = reliability == null ? null : reliability.clone();
        this.method = method;
        this.channel = channel;
    }

    /** A frozen set with only an information set. */
    public static FrozenSet of(int n, int[] informationSet) {
        return new FrozenSet(n, informationSet, null, null, null, null);
    }

    /** Block length N. */
    public int n() {
        return n;
    }

    /** K = |A|. */
    public int k() {
        return informationSet.length;
    }

    /** The sorted information set (a copy). */
    public int[] informationSet() {
        return informationSet.clone();
    }

    /** The frozen mask: true at frozen positions (a fresh array). */
    public boolean[] frozenMask() {
        boolean[] f = new boolean[n];
        Arrays.fill(f, true);
        for (int t : informationSet) {
            f[t] = false;
        }
        return f;
    }

    /** The reliability order (most reliable first), or null. */
    public int[] reliabilityOrder() {
        return reliabilityOrder == null ? null : reliabilityOrder.clone();
    }

    /** Per-position reliability values, or null. */
    public double[] reliability() {
        return reliability == null ? null : reliability.clone();
    }

    /** Construction method, or null. */
    public String method() {
        return method;
    }

    /** Channel description, or null. */
    public String channel() {
        return channel;
    }

    /** The canonical text that {@link #sha256()} hashes. */
    public String canonicalForm() {
        StringBuilder b = new StringBuilder();
        b.append("latq-polar-frozen-set-v1\n");
        b.append("n=").append(n).append('\n');
        b.append("information_set=");
        Json.joinInts(b, informationSet);
        b.append("\nreliability_order=");
        if (reliabilityOrder != null) {
            Json.joinInts(b, reliabilityOrder);
        }
        b.append('\n');
        return b.toString();
    }

    /** Lower-case hex SHA-256 of {@link #canonicalForm()}. */
    public String sha256() {
        return Json.sha256Hex(canonicalForm());
    }

    /** Pretty JSON with the keys of the documented schema (see class Javadoc and docs/polar-codes.md). */
    public String toJson() {
        return toJson(java.util.Collections.emptyMap());
    }

    /**
     * As {@link #toJson()}, with extra per-position numeric arrays (e.g. error bounds) written under the given keys
     * before {@code sha256}; they are metadata, ignored by {@link #fromJson} and not hashed.
     */
    public String toJson(Map<String, double[]> extraArrays) {
        StringBuilder b = new StringBuilder();
        b.append("{\n");
        b.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
        b.append("  \"version\": 1,\n");
        b.append("  \"n\": ").append(n).append(",\n");
        b.append("  \"k\": ").append(k()).append(",\n");
        if (method != null) {
            b.append("  \"method\": ").append(Json.quote(method)).append(",\n");
        }
        if (channel != null) {
            b.append("  \"channel\": ").append(Json.quote(channel)).append(",\n");
        }
        b.append("  \"information_set\": [");
        Json.joinInts(b, informationSet);
        b.append("],\n");
        if (reliabilityOrder != null) {
            b.append("  \"reliability_order\": [");
            Json.joinInts(b, reliabilityOrder);
            b.append("],\n");
        }
        if (reliability != null) {
            b.append("  \"reliability\": [");
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    b.append(',');
                }
                b.append(Json.number(reliability[j]));
            }
            b.append("],\n");
        }
        for (Map.Entry<String, double[]> e : extraArrays.entrySet()) {
            b.append("  ").append(Json.quote(e.getKey())).append(": [");
            double[] a = e.getValue();
            for (int j = 0; j < a.length; j++) {
                if (j > 0) {
                    b.append(',');
                }
                b.append(Json.number(a[j]));
            }
            b.append("],\n");
        }
        b.append("  \"sha256\": ").append(Json.quote(sha256())).append('\n');
        b.append("}\n");
        return b.toString();
    }

    /**
     * Reads the JSON written by {@link #toJson()}. Unknown keys are ignored.
     *
     * @throws IllegalArgumentException if the text is malformed, inconsistent, or its {@code sha256} does not match
     */
    public static FrozenSet fromJson(String text) {
        Object root = Json.parse(text);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("frozen set JSON must be an object");
        }
        Map<?, ?> m = (Map<?, ?>) root;
        Object format = m.get("format");
        if (format != null && !FORMAT.equals(format)) {
            throw new IllegalArgumentException("unexpected format '" + format + "', expected " + FORMAT);
        }
        int n = intValue(m.get("n"), "n");
        int[] info = intArray(m.get("information_set"), "information_set");
        int[] order = m.containsKey("reliability_order") ? intArray(m.get("reliability_order"), "reliability_order")
                : null;
        double[] rel = null;
        if (m.get("reliability") != null) {
            List<?> l = list(m.get("reliability"), "reliability");
            rel = new double[l.size()];
            for (int j = 0; j < rel.length; j++) {
                Object v = l.get(j);
                rel[j] = v instanceof String ? Double.parseDouble((String) v) : doubleValue(v, "reliability");
            }
        }
        FrozenSet fs = new FrozenSet(n, info, order, rel, (String) m.get("method"), (String) m.get("channel"));
        if (m.get("k") != null && intValue(m.get("k"), "k") != fs.k()) {
            throw new IllegalArgumentException("k = " + m.get("k") + " but information_set has " + fs.k() + " entries");
        }
        Object hash = m.get("sha256");
        if (hash != null && !fs.sha256().equals(hash)) {
            throw new IllegalArgumentException("sha256 mismatch: file says " + hash + ", content hashes to "
                    + fs.sha256());
        }
        return fs;
    }

    private static List<?> list(Object v, String key) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("'" + key + "' must be an array");
        }
        return (List<?>) v;
    }

    private static double doubleValue(Object v, String key) {
        if (!(v instanceof Double)) {
            throw new IllegalArgumentException("'" + key + "' must be a number");
        }
        return (Double) v;
    }

    private static int intValue(Object v, String key) {
        double d = doubleValue(v, key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' must be an integer");
        }
        return (int) d;
    }

    private static int[] intArray(Object v, String key) {
        List<?> l = list(v, key);
        int[] a = new int[l.size()];
        for (int j = 0; j < a.length; j++) {
            a[j] = intValue(l.get(j), key);
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FrozenSet)) {
            return false;
        }
        FrozenSet f = (FrozenSet) o;
        return n == f.n && Arrays.equals(informationSet, f.informationSet)
                && Arrays.equals(reliabilityOrder, f.reliabilityOrder);
    }

    @Override
    public int hashCode() {
        return 31 * n + Arrays.hashCode(informationSet);
    }

    @Override
    public String toString() {
        return "FrozenSet(N=" + n + ", K=" + k() + (method == null ? "" : ", " + method) + ")";
    }
}
