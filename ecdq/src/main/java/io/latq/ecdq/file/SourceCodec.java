package io.latq.ecdq.file;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.samples.ContainerType;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The source description shared by every header version (docs/file-format.md, "Source"): container, sample type,
 * byte order, sample count, shape, WAV fields and CSV columns. Read is validated before anything is allocated
 * from it (ndim ≤ 32, shape product equals the count without overflow).
 */
final class SourceCodec {
    static final int MAX_NDIM = 32;

    private SourceCodec() {
    }

    static int size(SampleFormat s) {
        int preamble = s.csvPreamble().isEmpty() ? 0 : 4 + s.csvPreamble().getBytes(StandardCharsets.UTF_8).length;
        return 4 + 8 + 1 + 8 * s.shape().length + 4 + 4 + 2 + 4 + 4 + preamble;
    }

    /** The layout byte: .npy Fortran order, WAV valid bits, CSV 1 when a preamble follows. */
    private static int layout(SampleFormat s) {
        switch (s.container()) {
            case NPY:
                return s.fortranOrder() ? 1 : 0;
            case CSV:
                return s.csvPreamble().isEmpty() ? 0 : 1;
            default:
                return s.validBits();
        }
    }

    static void write(ByteBuffer b, SampleFormat s) {
        long[] shape = s.shape();
        b.put((byte) s.container().code());
        b.put((byte) s.type().code());
        b.put((byte) (s.bigEndian() ? 1 : 0));
        b.put((byte) layout(s));
        b.putLong(s.sampleCount());
        b.put((byte) shape.length);
        for (long d : shape) {
            b.putLong(d);
        }
        b.putInt(s.channels());
        b.putInt(s.sampleRate());
        b.putShort((short) s.wavFormatTag());
        b.putInt(s.channelMask());
        b.putInt(s.csvColumns());
        if (!s.csvPreamble().isEmpty()) {
            byte[] text = s.csvPreamble().getBytes(StandardCharsets.UTF_8);
            b.putInt(text.length);
            b.put(text);
        }
    }

    static SampleFormat read(LittleEndian r) throws LatqFormatException {
        ContainerType container = ContainerType.ofCode(r.u8());
        SampleType type = SampleType.ofCode(r.u8());
        int order = r.u8();
        int layout = r.u8();
        long count = r.i64();
        int ndim = r.u8();
        if (container == null || type == null || order > 1 || count < 0 || ndim > MAX_NDIM) {
            throw new LatqFormatException("header has an invalid source description");
        }
        long[] shape = new long[ndim];
        for (int i = 0; i < ndim; i++) {
            shape[i] = r.i64();
        }
        int channels = (int) r.u32();
        int rate = (int) r.u32();
        int tag = r.u16();
        int mask = (int) r.u32();
        int csvColumns = (int) r.u32();
        boolean npy = container == ContainerType.NPY;
        boolean csv = container == ContainerType.CSV;
        if ((npy || csv) && layout > 1) {
            throw new LatqFormatException("header has an invalid layout byte");
        }
        String preamble = "";
        if (csv && layout == 1) {
            long len = r.u32();
            if (len < 1 || len > SampleFormat.MAX_PREAMBLE || len > r.remaining()) {
                throw new LatqFormatException("header has an invalid CSV preamble length");
            }
            byte[] text = r.bytes((int) len);
            try {
                preamble = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(text)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new LatqFormatException("header has a CSV preamble that is not UTF-8");
            }
        }
        SampleFormat source = new SampleFormat(container, type, order == 1, shape, channels, rate, tag, mask,
                csvColumns, count, npy || csv ? 0 : layout, npy && layout == 1, preamble);
        validate(source);
        return source;
    }

    static void validate(SampleFormat s) throws LatqFormatException {
        long prod = 1;
        try {
            for (long d : s.shape()) {
                if (d < 0) {
                    throw new LatqFormatException("header has a negative shape entry");
                }
                prod = Math.multiplyExact(prod, d);
            }
        } catch (ArithmeticException e) {
            throw new LatqFormatException("header shape overflows");
        }
        if (prod != s.sampleCount()) {
            throw new LatqFormatException("header shape does not match its sample count");
        }
        if (s.container() == ContainerType.WAV) {
            if (s.channels() < 1 || s.channels() > 65535 || s.sampleCount() % s.channels() != 0) {
                throw new LatqFormatException("header has an invalid WAV channel count");
            }
        }
        if ((s.container() == ContainerType.NPY || s.container() == ContainerType.RAW)
                && (s.type().isPcm() || s.type().isCompanded())) {
            throw new LatqFormatException("header has a PCM sample type outside WAV");
        }
        if (s.validBits() != 0 && (s.container() != ContainerType.WAV || !s.type().isPcm()
                || s.validBits() >= s.type().bytes() * 8)) {
            throw new LatqFormatException("header has invalid valid bits " + s.validBits());
        }
        if (s.container() == ContainerType.CSV && s.type() != SampleType.F64) {
            throw new LatqFormatException("header has a non-f64 CSV");
        }
        if (s.csvColumns() < 0 || s.csvColumns() > 1 << 20) {
            throw new LatqFormatException("header has an invalid CSV column count");
        }
    }
}
