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

    /** The type name of a format's container as {@link #open} spells it (f64, f32be, npy, wav, csv, …). */
    public static String typeName(SampleFormat f) {
        switch (f.container()) {
            case RAW:
                return RawSamples.typeName(f.type(), f.bigEndian());
            case NPY:
                return "npy";
            case WAV:
                return "wav";
            default:
                return "csv";
        }
    }

    /**
     * The format decompression writes to {@code output}: the original {@code source} when the file name has no
     * container extension (.f64 .f32 .f64be .f32be .npy .wav .csv; .bin, .raw and others name none) or names the
     * original one, else the source converted to the named container when that keeps every value (raw and .npy
     * of the same float type or f64, WAV IEEE float, CSV); otherwise refused in one line.
     */
    public static SampleFormat outputFormat(SampleFormat source, Path output) throws LatqException {
        // a container extension names a target; .bin and .raw (f64 for input) and anything else keep the original
        String n = String.valueOf(output.getFileName()).toLowerCase(Locale.ROOT);
        String want = typeForExtension(output);
        if (want == null || n.endsWith(".raw") || n.endsWith(".bin")) {
            return source;
        }
        String have = typeName(source);
        if (want.equals(have)) {
            return source;
        }
        SampleType t = source.type();
        boolean isFloat = t == SampleType.F64 || t == SampleType.F32;
        long count = source.sampleCount();
        int cols = columnsOf(source);
        String refuse = "cannot write " + source.describe() + " as ." + want;
        switch (want) {
            case "f64":
                return SampleFormat.raw(SampleType.F64, false, count);
            case "f64be":
                return SampleFormat.raw(SampleType.F64, true, count);
            case "f32":
            case "f32be":
                if (t == SampleType.F64) {
                    throw new LatqException(refuse + ": float32 would round its float64 samples; use .f64"
                            + (have.equals("f64") ? "" : " or the original ." + have));
                }
                return SampleFormat.raw(SampleType.F32, want.equals("f32be"), count);
            case "npy": {
                SampleType nt = t == SampleType.F32 ? SampleType.F32 : SampleType.F64;
                boolean be = source.container() == ContainerType.RAW && source.bigEndian();
                long[] shape = cols > 1 ? new long[] {count / cols, cols} : new long[] {count};
                return SampleFormat.npy(nt, be, shape);
            }
            case "wav":
                if (!isFloat) {
                    throw new LatqException(refuse);
                }
                if (source.container() == ContainerType.NPY && source.shape().length > 2) {
                    throw new LatqException(refuse + ": a WAV file holds frames of channels, not a "
                            + source.shape().length + "-d array");
                }
                return SampleFormat.wav(t, cols > 1 && cols <= 65535 ? cols : 1, 48000, WavSamples.IEEE_FLOAT, 0,
                        count);
            default:
                return SampleFormat.csv(cols > 1 ? cols : 1, count);
        }
    }

    /** Values per frame or row: WAV channels, the last axis of a 2-d .npy, CSV columns; 1 otherwise. */
    private static int columnsOf(SampleFormat f) {
        switch (f.container()) {
            case WAV:
                return f.channels();
            case NPY: {
                long[] s = f.shape();
                return s.length == 2 && s[1] > 0 && s[1] <= 65535 && !f.fortranOrder() ? (int) s[1] : 1;
            }
            case CSV:
                return Math.max(f.csvColumns(), 1);
            default:
                return 1;
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
