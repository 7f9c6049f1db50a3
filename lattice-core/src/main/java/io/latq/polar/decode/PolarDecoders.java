package io.latq.polar.decode;

import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.Crc;
import io.latq.polar.NodeKind;

import java.util.EnumSet;

/** Builds decoders from short specifications such as {@code sc}, {@code fast-ssc} or {@code scl:8}. */
public final class PolarDecoders {

    private PolarDecoders() {
    }

    /**
     * Creates a decoder.
     *
     * @param spec   {@code sc}, {@code fast-ssc} (all special nodes), {@code fast-ssc-nospc}, or {@code scl:L}
     * @param frozen frozen mask (frozen bits 0)
     * @param rule   check-node rule
     * @param crc    CRC for SCL selection, or null (ignored by SC and Fast-SSC)
     * @throws IllegalArgumentException for an unknown or malformed spec
     */
    public static PolarDecoder create(String spec, boolean[] frozen, CheckNodeKernel rule, Crc crc) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("sc")) {
            return new PolarScDecoder(frozen, rule);
        }
        if (s.equals("fast-ssc")) {
            return new FastSscDecoder(frozen, null, rule,
                    EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1, NodeKind.REPETITION, NodeKind.SPC));
        }
        if (s.equals("fast-ssc-nospc")) {
            return new FastSscDecoder(frozen, null, rule,
                    EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1, NodeKind.REPETITION));
        }
        if (s.startsWith("scl:")) {
            int l;
            try {
                l = Integer.parseInt(s.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad list size in decoder spec '" + spec + "'");
            }
            if (l < 1) {
                throw new IllegalArgumentException("list size must be >= 1 in decoder spec '" + spec + "'");
            }
            return new PolarSclDecoder(frozen, null, l, rule, crc);
        }
        throw new IllegalArgumentException("unknown decoder '" + spec
                + "' (use sc, fast-ssc, fast-ssc-nospc or scl:L)");
    }
}
