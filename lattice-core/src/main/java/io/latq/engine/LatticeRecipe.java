package io.latq.engine;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polarlattice.ListSelection;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeDesign;
import io.latq.polarlattice.PolarQuantizerOptions;

import java.io.Serializable;

/**
 * How to build a lattice, in a form that travels: a spec string or a polar-lattice design as JSON. Lattice objects
 * hold caches and thread-local workspaces and are not serializable; a recipe is a few strings and numbers, and every
 * worker (a cluster executor, say) rebuilds the same lattice from it with {@link #build()}.
 *
 * <p>A recipe must rebuild an identical lattice wherever it is built: the spec parser and the design reader are
 * deterministic, and the design's JSON carries every double in round-trip form (its sha256 is checked on reading).
 * A spec that names a file ({@code gen:file=...}) needs that file at the same path on every worker.
 */
public interface LatticeRecipe extends Serializable {

    /** Builds the lattice (a new object on every call). */
    Lattice build();

    /** A short human-readable description, for messages. */
    String describe();

    /** The lattice of a spec accepted by {@link LatticeSpecs#parse(String)}, such as {@code E8} or {@code polar:n=64}. */
    static LatticeRecipe ofSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty lattice spec");
        }
        return new Spec(spec);
    }

    /** The polar lattice of {@code design} with the quantizer {@code options}; the design travels as its JSON. */
    static LatticeRecipe ofPolar(PolarLatticeDesign design, PolarQuantizerOptions options) {
        return new Polar(design.toJson(), options.listSize(), options.selection(), options.kernel());
    }

    /** The recipe of an existing polar lattice. */
    static LatticeRecipe of(PolarLattice lattice) {
        return ofPolar(lattice.design(), lattice.options());
    }

    /** A lattice spec string. */
    record Spec(String spec) implements LatticeRecipe {
        private static final long serialVersionUID = 1L;

        @Override
        public Lattice build() {
            return LatticeSpecs.parse(spec);
        }

        @Override
        public String describe() {
            return spec;
        }
    }

    /** A polar-lattice design (JSON) and its quantizer options. */
    record Polar(String designJson, int listSize, ListSelection selection, CheckNodeKernel kernel)
            implements LatticeRecipe {
        private static final long serialVersionUID = 1L;

        @Override
        public Lattice build() {
            return new PolarLattice(PolarLatticeDesign.fromJson(designJson),
                    new PolarQuantizerOptions(listSize, selection, kernel));
        }

        @Override
        public String describe() {
            return "polar design (list " + listSize + ")";
        }
    }
}
