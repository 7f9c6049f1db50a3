package io.latq.lattice;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Placeholder until the self-contained description lands: a built-in spec string that reads no file.
 */
public final class LatticeDescription {
    private final String spec;

    private LatticeDescription(String spec) {
        this.spec = spec;
    }

    public static LatticeDescription of(String trustedSpec) {
        if (trustedSpec.toLowerCase(Locale.ROOT).contains("file=")) {
            throw new IllegalArgumentException("lattice specs that read files cannot be embedded yet");
        }
        return new LatticeDescription(trustedSpec);
    }

    public byte[] toBytes() {
        byte[] s = spec.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + s.length];
        out[0] = 0;
        System.arraycopy(s, 0, out, 1, s.length);
        return out;
    }

    public static LatticeDescription fromBytes(byte[] data, int off, int len) {
        if (len < 1 || data[off] != 0 || len > 4097) {
            throw new IllegalArgumentException("invalid lattice description");
        }
        return of(new String(data, off + 1, len - 1, StandardCharsets.UTF_8));
    }

    public Lattice build() {
        return LatticeSpecs.parse(spec);
    }

    public String displaySpec() {
        return spec;
    }
}
