package io.latq.ecdq.samples;

import java.util.Arrays;

/**
 * Everything needed to write samples back in their original container: container kind, sample type, byte order,
 * NumPy shape, WAV channels / rate / format tag / channel mask, CSV values per line, and the sample count.
 *
 * @param container    the container kind
 * @param type         the sample type
 * @param bigEndian    byte order of the samples (RAW, NPY, and WAV: true for RIFX); false for CSV
 * @param shape        NumPy shape (C order), empty for a 0-d array; for other containers {@code {count}}
 * @param channels     WAV channels (1 for other containers)
 * @param sampleRate   WAV sample rate in Hz (0 for other containers)
 * @param wavFormatTag WAV format tag: 1 PCM, 3 IEEE float, 6 A-law, 7 μ-law, 0xFFFE extensible (0 otherwise)
 * @param channelMask  WAV_FORMAT_EXTENSIBLE channel mask (0 otherwise)
 * @param csvColumns   CSV values per line when all lines had the same count, else 0 (one per line on output)
 * @param sampleCount  total number of samples
 * @param validBits    WAV PCM valid bits when fewer than the container's (kept in the high bits), else 0
 * @param fortranOrder a .npy saved with {@code fortran_order: True}; {@code shape} is then the shape of the data in
 *                     the order it is stored (the NumPy shape reversed), and the writer reverses it back
 * @param csvPreamble  CSV: the lines before the first line of numbers (comments, blank lines, a header row), each
 *                     ending in a newline, written back verbatim; "" otherwise
 */
public record SampleFormat(ContainerType container, SampleType type, boolean bigEndian, long[] shape, int channels,
                           int sampleRate, int wavFormatTag, int channelMask, int csvColumns, long sampleCount,
                           int validBits, boolean fortranOrder, String csvPreamble) {

    /** The longest CSV preamble kept, in UTF-8 bytes. */
    public static final int MAX_PREAMBLE = 1 << 16;

    public SampleFormat {
        shape = shape.clone();
        csvPreamble = csvPreamble == null ? "" : csvPreamble;
    }

    /** A format without a CSV preamble. */
    public SampleFormat(ContainerType container, SampleType type, boolean bigEndian, long[] shape, int channels,
                        int sampleRate, int wavFormatTag, int channelMask, int csvColumns, long sampleCount,
                        int validBits, boolean fortranOrder) {
        this(container, type, bigEndian, shape, channels, sampleRate, wavFormatTag, channelMask, csvColumns,
                sampleCount, validBits, fortranOrder, "");
    }

    /** A format without reduced valid bits. */
    public SampleFormat(ContainerType container, SampleType type, boolean bigEndian, long[] shape, int channels,
                        int sampleRate, int wavFormatTag, int channelMask, int csvColumns, long sampleCount) {
        this(container, type, bigEndian, shape, channels, sampleRate, wavFormatTag, channelMask, csvColumns,
                sampleCount, 0, false);
    }

    /** A Fortran-order .npy whose NumPy shape is {@code numpyShape}: the data are stored as its reverse in C order. */
    public static SampleFormat npyFortran(SampleType type, boolean bigEndian, long[] numpyShape) {
        long[] rev = new long[numpyShape.length];
        for (int i = 0; i < rev.length; i++) {
            rev[i] = numpyShape[numpyShape.length - 1 - i];
        }
        SampleFormat c = npy(type, bigEndian, rev);
        return new SampleFormat(ContainerType.NPY, type, bigEndian, rev, 1, 0, 0, 0, 0, c.sampleCount(), 0, true);
    }

    /** The shape as NumPy reports it (the stored shape reversed for Fortran order). */
    public long[] numpyShape() {
        long[] rev = shape.clone();
        if (fortranOrder) {
            for (int i = 0; i < rev.length; i++) {
                rev[i] = shape[shape.length - 1 - i];
            }
        }
        return rev;
    }

    /** The value that reading back {@code v} after writing it in this format yields. */
    public double roundTrip(double v) {
        return type.roundTrip(v, validBits);
    }

    /** Bits per sample that carry the value: the valid bits, or the container width. */
    public int effectiveBits() {
        return validBits > 0 ? validBits : type.bytes() * 8;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** A headerless raw file of {@code count} samples. */
    public static SampleFormat raw(SampleType type, boolean bigEndian, long count) {
        return new SampleFormat(ContainerType.RAW, type, bigEndian, new long[] {count}, 1, 0, 0, 0, 0, count);
    }

    /** A one-dimensional .npy array. */
    public static SampleFormat npy(SampleType type, boolean bigEndian, long[] shape) {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        return new SampleFormat(ContainerType.NPY, type, bigEndian, shape, 1, 0, 0, 0, 0, count);
    }

    /** A WAV file; {@code count} counts samples over all channels. */
    public static SampleFormat wav(SampleType type, int channels, int sampleRate, int formatTag, int channelMask,
                                   long count) {
        return new SampleFormat(ContainerType.WAV, type, false, new long[] {count}, channels, sampleRate, formatTag,
                channelMask, 0, count);
    }

    /**
     * A WAV file of any supported layout: {@code bigEndian} for RIFX, {@code validBits} (0 = the container width)
     * for PCM narrower than its container.
     */
    public static SampleFormat wav(SampleType type, boolean bigEndian, int validBits, int channels, int sampleRate,
                                   int formatTag, int channelMask, long count) {
        return new SampleFormat(ContainerType.WAV, type, bigEndian, new long[] {count}, channels, sampleRate,
                formatTag, channelMask, 0, count, validBits, false);
    }

    /** A CSV file. */
    public static SampleFormat csv(int columns, long count) {
        return csv(columns, count, "");
    }

    /** A CSV file whose first lines (comments, a header row) are {@code preamble}. */
    public static SampleFormat csv(int columns, long count, String preamble) {
        return new SampleFormat(ContainerType.CSV, SampleType.F64, false, new long[] {count}, 1, 0, 0, 0, columns,
                count, 0, false, preamble);
    }

    /** A short description such as {@code npy <f4 shape (3, 4)} or {@code wav pcm16 2ch 44100Hz}. */
    public String describe() {
        switch (container) {
            case RAW:
                return "raw " + RawSamples.typeName(type, bigEndian);
            case NPY:
                return "npy " + (bigEndian ? ">" : "<") + "f" + type.bytes() + " shape "
                        + Arrays.toString(numpyShape()) + (fortranOrder ? " Fortran order" : "");
            case WAV:
                return "wav " + type.name().toLowerCase(java.util.Locale.ROOT)
                        + (validBits > 0 ? " (" + validBits + " valid bits)" : "") + " " + channels + "ch "
                        + sampleRate + "Hz" + (wavFormatTag == 0xFFFE ? " extensible" : "")
                        + (bigEndian ? " RIFX" : "");
            default:
                return "csv " + (csvColumns > 0 ? csvColumns + " per line" : "ragged lines")
                        + (csvPreamble.isEmpty() ? "" : ", " + csvPreamble.lines().count() + " header lines");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SampleFormat)) {
            return false;
        }
        SampleFormat f = (SampleFormat) o;
        return container == f.container && type == f.type && bigEndian == f.bigEndian
                && Arrays.equals(shape, f.shape) && channels == f.channels && sampleRate == f.sampleRate
                && wavFormatTag == f.wavFormatTag && channelMask == f.channelMask && csvColumns == f.csvColumns
                && sampleCount == f.sampleCount && validBits == f.validBits && fortranOrder == f.fortranOrder
                && csvPreamble.equals(f.csvPreamble);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Long.hashCode(sampleCount);
    }

    @Override
    public String toString() {
        return describe() + ", " + sampleCount + " samples";
    }
}
