package io.latq.ecdq.samples;

import io.latq.common.LatqFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Headerless sample files: f64, f32 (little-endian) and f64be, f32be (big-endian). */
public final class RawSamples {
    private RawSamples() {
    }

    /** The type name used on the command line, e.g. {@code f32be}. */
    public static String typeName(SampleType type, boolean bigEndian) {
        return (type == SampleType.F64 ? "f64" : "f32") + (bigEndian ? "be" : "");
    }

    static SampleReader open(Path path, SampleType type, boolean bigEndian) throws IOException {
        long size = Files.size(path);
        if (size % type.bytes() != 0) {
            throw new LatqFormatException(path.getFileName() + ": size " + size + " is not a multiple of "
                    + type.bytes() + " bytes (" + typeName(type, bigEndian) + ")");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return new BinarySampleReader(in, SampleFormat.raw(type, bigEndian, size / type.bytes()));
    }

    static SampleWriter writer(OutputStream out, SampleFormat f) {
        return new BinarySampleWriter(out, f.type(), f.bigEndian(), f.sampleCount());
    }
}
