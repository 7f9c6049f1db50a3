package io.latq.polar.construct;

/**
 * A method that ranks the N bit channels of the polar transform for a fixed binary-input memoryless symmetric channel
 * (given to the implementation's constructor). Natural order: bit channel t sees the channel transforms chosen by the
 * bits of t, most significant bit first (0 = the "minus"/check-node transform, 1 = the "plus"/variable-node one).
 */
public interface FrozenSetConstruction {

    /** A short method name, e.g. {@code bec}, {@code ga}, {@code tv}, {@code mc}. */
    String name();

    /**
     * Computes the bit-channel reliabilities for block length N.
     *
     * @throws IllegalArgumentException if N is not a power of two
     */
    BitChannelReliabilities construct(int n);
}
