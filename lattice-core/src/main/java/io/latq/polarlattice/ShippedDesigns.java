package io.latq.polarlattice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optimized designs shipped with latq, one per block length N = 2^6 … 2^16 and tuned list size, as resources
 * {@code io/latq/polarlattice/designs/polar-n<N>-L<list>.json}. How they were made (the exact {@code latq design}
 * commands) is recorded in each file's {@code notes} and in docs/results.md.
 */
public final class ShippedDesigns {

    /** The block lengths with a shipped design. */
    public static final int MIN_LOG_N = 6;
    public static final int MAX_LOG_N = 16;

    private static final Map<String, PolarLatticeDesign> CACHE = new ConcurrentHashMap<>();

    private ShippedDesigns() {
    }

    /** The list sizes designs are tuned for (not every N need have all of them). */
    static final int[] TUNED_LISTS = {1, 8, 32};

    /**
     * The shipped design for N tuned for list size {@code list}; if none ships for that list size, the one tuned for
     * the nearest list size on a log scale (ties: the smaller list).
     *
     * @throws IllegalArgumentException if no design ships for N
     */
    public static PolarLatticeDesign forN(int n, int list) {
        PolarLatticeDesign d = load(n, list);
        if (d == null) {
            double best = Double.POSITIVE_INFINITY;
            for (int l : TUNED_LISTS) {
                double dist = Math.abs(StrictMath.log((double) l / list));
                PolarLatticeDesign c = dist < best ? load(n, l) : null;
                if (c != null) {
                    best = dist;
                    d = c;
                }
            }
        }
        if (d == null) {
            throw new IllegalArgumentException("polar: no shipped design for n=" + n + " (shipped: " + available()
                    + "); make one with 'latq design polar --n " + n
                    + " -o design.json' and use polar:file=design.json");
        }
        return d;
    }

    /**
     * Every design shipped for N, one per tuned list size ({@link #TUNED_LISTS} order). A file records a shipped
     * polar lattice by its spec ({@code polar:n=1024,list=8}) and its generator hash; when a later release ships a
     * design that the spec now resolves to, the decoder finds the file's design among these by the hash.
     */
    public static List<PolarLatticeDesign> allFor(int n) {
        List<PolarLatticeDesign> out = new ArrayList<>();
        for (int l : TUNED_LISTS) {
            PolarLatticeDesign d = load(n, l);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** The N with a shipped SC design, ascending, as text. */
    public static String available() {
        List<String> ns = new ArrayList<>();
        for (int m = MIN_LOG_N; m <= MAX_LOG_N; m++) {
            if (load(1 << m, 1) != null) {
                ns.add(Integer.toString(1 << m));
            }
        }
        return ns.isEmpty() ? "none" : String.join(", ", ns);
    }

    private static PolarLatticeDesign load(int n, int list) {
        String name = "designs/polar-n" + n + "-L" + list + ".json";
        PolarLatticeDesign cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = ShippedDesigns.class.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            PolarLatticeDesign d = PolarLatticeDesign.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (d.n() != n) {
                throw new IllegalStateException("shipped design " + name + " has n = " + d.n());
            }
            CACHE.put(name, d);
            return d;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped design " + name, e);
        }
    }
}
