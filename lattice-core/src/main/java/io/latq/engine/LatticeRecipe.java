package io.latq.engine;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.polar.list.ListNodes;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polarlattice.ListSelection;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeDesign;
import io.latq.polarlattice.PolarQuantizerOptions;

import java.io.Serializable;
import java.util.Objects;

/**
 * How to build a lattice, in a form that travels: a spec string or a polar-lattice design as JSON. Lattice objects
 * hold caches and thread-local workspaces and are not serializable; a recipe is a few strings and numbers, and every
 * worker (a cluster executor, say) rebuilds the same lattice from it with {@link #build()}.
 *
 * <p>A recipe must rebuild an identical lattice wherever it is built: the spec parser and the design reader are
 * deterministic, and the design's JSON carries every double in round-trip form (its sha256 is checked on reading).
 * A spec that names a file ({@code gen:file=...}) needs that file at the same path on every worker.
 *
 * <p>A recipe made from a lattice that already exists keeps it (in a transient field), so the machine that made the
 * recipe does not build the lattice a second time; a deserialized copy builds its own.
 */
public abstract sealed class LatticeRecipe implements Serializable permits LatticeRecipe.Spec, LatticeRecipe.Polar {
    private static final long serialVersionUID = 1L;

    private transient volatile Lattice built;

    private LatticeRecipe(Lattice built) {
        this.built = built;
    }

    /**
     * The lattice: the one this recipe was made from or built before in this JVM, else a new one built from the
     * recipe. Lattices are safe to share between threads.
     */
    public final Lattice build() {
        Lattice l = built;
        if (l == null) {
            l = rebuild();
            built = l;
        }
        return l;
    }

    /** Builds a new lattice from the recipe alone. */
    protected abstract Lattice rebuild();

    /** A short human-readable description, for messages. */
    public abstract String describe();

    /** The lattice of a spec accepted by {@link LatticeSpecs#parse(String)}, such as {@code E8} or {@code polar:n=64}.
     */
    public static LatticeRecipe ofSpec(String spec) {
        return ofSpec(spec, null);
    }

    /** As {@link #ofSpec(String)}, where {@code parsed} is {@code LatticeSpecs.parse(spec)} made already (or null). */
    public static LatticeRecipe ofSpec(String spec, Lattice parsed) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty lattice spec");
        }
        return new Spec(spec, parsed);
    }

    /** The polar lattice of {@code design} with the quantizer {@code options}; the design travels as its JSON. */
    public static LatticeRecipe ofPolar(PolarLatticeDesign design, PolarQuantizerOptions options) {
        return new Polar(design.toJson(), options, null);
    }

    /** The recipe of an existing polar lattice (its design and quantizer options). */
    public static LatticeRecipe of(PolarLattice lattice) {
        return new Polar(lattice.design().toJson(), lattice.options(), lattice);
    }

    /** A lattice spec string. */
    static final class Spec extends LatticeRecipe {
        private static final long serialVersionUID = 1L;
        private final String spec;

        Spec(String spec, Lattice built) {
            super(built);
            this.spec = spec;
        }

        @Override
        protected Lattice rebuild() {
            return LatticeSpecs.parse(spec);
        }

        @Override
        public String describe() {
            return spec;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec s && s.spec.equals(spec);
        }

        @Override
        public int hashCode() {
            return spec.hashCode();
        }
    }

    /** A polar-lattice design (JSON) and its quantizer options. */
    static final class Polar extends LatticeRecipe {
        private static final long serialVersionUID = 1L;
        private final String designJson;
        private final int listSize;
        private final ListSelection selection;
        private final CheckNodeKernel kernel;
        private final ListNodes listNodes;

        Polar(String designJson, PolarQuantizerOptions options, Lattice built) {
            super(built);
            this.designJson = designJson;
            this.listSize = options.listSize();
            this.selection = options.selection();
            this.kernel = options.kernel();
            this.listNodes = options.listNodes();
        }

        @Override
        protected Lattice rebuild() {
            return new PolarLattice(PolarLatticeDesign.fromJson(designJson),
                    new PolarQuantizerOptions(listSize, selection, kernel, listNodes));
        }

        @Override
        public String describe() {
            return "polar design (list " + listSize + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Polar p && p.designJson.equals(designJson) && p.listSize == listSize
                    && p.selection == selection && p.kernel == kernel && p.listNodes == listNodes;
        }

        @Override
        public int hashCode() {
            return Objects.hash(designJson, listSize, selection, kernel, listNodes);
        }
    }
}
