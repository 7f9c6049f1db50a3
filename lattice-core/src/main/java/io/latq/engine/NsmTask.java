package io.latq.engine;

import java.io.Serializable;

/**
 * One NSM estimate to run: a lattice (as a recipe), a number of vectors and a seed. {@link NsmEngine#estimateAll}
 * takes a list of them, so that an engine can run the batches of many estimates (the points of a goodness sweep) as
 * one job and keep a whole cluster busy even when each estimate has only a few batches.
 *
 * @param recipe  the lattice
 * @param samples the number of vectors (≥ 2)
 * @param seed    the seed
 */
public record NsmTask(LatticeRecipe recipe, long samples, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    public NsmTask {
        if (recipe == null) {
            throw new IllegalArgumentException("recipe must not be null");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2, got " + samples);
        }
    }
}
