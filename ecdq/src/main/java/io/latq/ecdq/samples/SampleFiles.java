package io.latq.ecdq.samples;

import io.latq.common.LatqException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Entry points: open a sample file by type name or extension, and create a writer for a {@link SampleFormat}. */
public final class SampleFiles {
    /** The type names accepted by {@link #open}. */
    public static final String TYPES = "f64, f32, f64be, f32be, npy, wav, csv";

    private SampleFiles() {
    }

    /**
     * The type name implied by the file extension (.f64 .f32 .f64be .f32be .npy .wav .csv; .raw and .bin mean f64),
     * or null.
     */
    public static String typeForExtension(Path path) {
        String n = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = n.substring(dot + 1);
        switch (ext) {
            case "f64":
            case "f32":
            case "f64be":
            case "f32be":
            case "npy":
            case "wav":
            case "csv":
                return ext;
            case "raw":
            case "bin":
                return "f64";
            default:
                return null;
        }
    }

    /**
     * Opens {@code path} as the given type ({@value #TYPES}); when {@code type} is null the extension decides.
     *
     * @throws LatqException for an unknown type or a malformed file
     */
    public static SampleReader open(Path path, String type) throws IOException {
        if (Files.isDirectory(path)) {
            throw new LatqException("input " + path + " is a directory, not a sample file");
        }
        String t = type != null ? type.toLowerCase(Locale.ROOT) : typeForExtension(path);
        if (t == null) {
            throw new LatqException("cannot tell the sample type of " + path.getFileName()
                    + " from its extension; use --type (" + TYPES + ")");
        }
        switch (t) {
            case "f64":
                return RawSamples.open(path, SampleType.F64, false);
            case "f32":
                return RawSamples.open(path, SampleType.F32, false);
            case "f64be":
                return RawSamples.open(path, SampleType.F64, true);
            case "f32be":
                return RawSamples.open(path, SampleType.F32, true);
            case "npy":
                return NpySamples.open(path);
            case "wav":
                return WavSamples.open(path);
            case "csv":
                return CsvSamples.open(path);
            default:
                throw new LatqException("unknown sample type '" + type + "' (known: " + TYPES + ")");
        }
    }

    /** Writes the container header (if any) for {@code format} and returns a writer for its samples. */
    public static SampleWriter create(OutputStream out, SampleFormat format) throws IOException {
        switch (format.container()) {
            case RAW:
                return RawSamples.writer(out, format);
            case NPY:
                return NpySamples.writer(out, format);
            case WAV:
                return WavSamples.writer(out, format);
            default:
                return CsvSamples.writer(out, format);
        }
    }

    /** The format a file of this type name gets when samples are generated (WAV: mono float64 at 48 kHz). */
    public static SampleFormat formatForGenerated(String type, long count) throws LatqException {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "f64":
                return SampleFormat.raw(SampleType.F64, false, count);
            case "f32":
                return SampleFormat.raw(SampleType.F32, false, count);
            case "f64be":
                return SampleFormat.raw(SampleType.F64, true, count);
            case "f32be":
                return SampleFormat.raw(SampleType.F32, true, count);
            case "npy":
                return SampleFormat.npy(SampleType.F64, false, new long[] {count});
            case "wav":
                return SampleFormat.wav(SampleType.F64, 1, 48000, WavSamples.IEEE_FLOAT, 0, count);
            case "csv":
                return SampleFormat.csv(1, count);
            default:
                throw new LatqException("unknown sample type '" + type + "' (known: " + TYPES + ")");
        }
    }
}
