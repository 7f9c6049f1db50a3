package io.latq.ecdq;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Exactly known normalized second moments G = E‖e‖²/(n·V^(2/n)) of classical lattices (Conway &amp; Sloane,
 * "Sphere Packings, Lattices and Groups", ch. 21), looked up by lattice name. G is scale invariant, so a name of the
 * form {@code c*NAME} resolves like {@code NAME}.
 */
public final class KnownNsm {
    private KnownNsm() {
    }

    /** G for Z^n (any n), A2, D4 or E8; empty for anything else. */
    public static OptionalDouble lookup(String name) {
        String s = name.trim();
        int star = s.lastIndexOf('*');
        if (star >= 0) {
            s = s.substring(star + 1).trim();
        }
        s = s.toUpperCase(Locale.ROOT);
        if (s.matches("Z\\d+")) {
            return OptionalDouble.of(1.0 / 12.0);
        }
        switch (s) {
            case "A2":
                return OptionalDouble.of(5.0 / (36.0 * Math.sqrt(3.0)));
            case "D4":
                return OptionalDouble.of(0.0766032);
            case "E8":
                return OptionalDouble.of(929.0 / 12960.0);
            default:
                return OptionalDouble.empty();
        }
    }
}
