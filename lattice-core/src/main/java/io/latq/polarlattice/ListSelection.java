package io.latq.polarlattice;

/** How the list quantizer picks one of its final L survivors. */
public enum ListSelection {
    /**
     * The survivor with the best path metric, Σ over all decisions of all levels of −log P(decision | decision LLR):
     * the most likely one under the test channel.
     */
    PATH_METRIC,
    /**
     * The survivor with the smallest true squared error ‖x − λ‖² (its lattice point after the final rounding).
     */
    DISTORTION
}
