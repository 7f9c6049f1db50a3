package io.latq.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits lists of lattice specs such as {@code Z1,E8,polar:n=1024,list=32}. A comma-separated piece that looks like
 * {@code key=value} without its own {@code prefix:} continues the previous spec, so parameterised specs keep their
 * commas.
 */
final class SpecList {
    private SpecList() {
    }

    static List<String> split(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            for (String piece : arg.split(",")) {
                String p = piece.trim();
                if (p.isEmpty()) {
                    throw new IllegalArgumentException("empty lattice spec in '" + arg + "'");
                }
                boolean continuation = p.contains("=") && !p.contains(":") && !out.isEmpty();
                if (continuation) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + "," + p);
                } else {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
