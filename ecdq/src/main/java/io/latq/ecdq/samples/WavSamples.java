package io.latq.ecdq.samples;

import io.latq.common.LatqFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RIFF WAVE files, and RIFX (the same with big-endian integers and samples). Reads format tags 1 (PCM of 1 to 64 valid
 * bits in a container of blockAlign/channels bytes, 1 to 8; the valid bits are the high bits; 8-bit and narrower is
 * unsigned), 3 (IEEE float: 32 or 64 bits), 6 (A-law), 7 (μ-law) and 0xFFFE (WAVE_FORMAT_EXTENSIBLE with a PCM or
 * float sub-format GUID, valid bits from its wValidBitsPerSample), any channel count; samples are interleaved and
 * delivered in file order. Chunks other than {@code fmt } and {@code data} are skipped. Every chunk size is checked
 * against the file size before it is used.
 */
public final class WavSamples {
    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int ALAW = 6;
    static final int MULAW = 7;
    static final int EXTENSIBLE = 0xFFFE;
    /** The tail shared by the KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT GUIDs (bytes 2..15). */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private WavSamples() {
    }

    static SampleReader open(Path path) throws IOException {
        long size = Files.size(path);
        String name = String.valueOf(path.getFileName());
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            byte[] riff = in.readNBytes(12);
            if (riff.length < 12 || riff[0] != 'R' || riff[1] != 'I' || riff[2] != 'F'
                    || (riff[3] != 'F' && riff[3] != 'X')
                    || riff[8] != 'W' || riff[9] != 'A' || riff[10] != 'V' || riff[11] != 'E') {
                throw new LatqFormatException(name + ": not a RIFF WAVE file");
            }
            boolean be = riff[3] == 'X';
            long pos = 12;
            int formatTag = -1;
            int channels = 0;
            int rate = 0;
            int blockAlign = 0;
            int bits = 0;
            int validBits = 0;
            int channelMask = 0;
            int subFormat = -1;
            while (true) {
                byte[] ch = in.readNBytes(8);
                if (ch.length < 8) {
                    throw new LatqFormatException(name + ": WAV file has no data chunk");
                }
                pos += 8;
                String id = new String(ch, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                long chunkSize = u32(ch, 4, be);
                if (chunkSize > size - pos) {
                    throw new LatqFormatException(name + ": WAV chunk '" + id + "' claims " + chunkSize
                            + " bytes but only " + (size - pos) + " remain");
                }
                if (id.equals("fmt ")) {
                    if (chunkSize < 16 || chunkSize > 4096) {
                        throw new LatqFormatException(name + ": WAV fmt chunk has bad size " + chunkSize);
                    }
                    byte[] f = in.readNBytes((int) chunkSize);
                    if (f.length != chunkSize) {
                        throw new LatqFormatException(name + ": truncated WAV fmt chunk");
                    }
                    formatTag = u16(f, 0, be);
                    channels = u16(f, 2, be);
                    rate = (int) u32(f, 4, be);
                    blockAlign = u16(f, 12, be);
                    bits = u16(f, 14, be);
                    if (formatTag == EXTENSIBLE) {
                        if (chunkSize < 40) {
                            throw new LatqFormatException(name + ": WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
                        }
                        validBits = u16(f, 18, be);
                        channelMask = (int) u32(f, 20, be);
                        subFormat = u16(f, 24, be);
                        for (int i = 0; i < GUID_TAIL.length; i++) {
                            if (f[26 + i] != GUID_TAIL[i]) {
                                throw new LatqFormatException(name + ": unsupported WAV sub-format GUID");
                            }
                        }
                    }
                    skipPad(in, chunkSize);
                    pos += chunkSize + (chunkSize & 1);
                } else if (id.equals("data")) {
                    if (formatTag < 0) {
                        throw new LatqFormatException(name + ": WAV data chunk before fmt chunk");
                    }
                    if (channels < 1) {
                        throw new LatqFormatException(name + ": WAV file declares " + channels + " channels");
                    }
                    if (blockAlign == 0 || blockAlign % channels != 0) {
                        throw new LatqFormatException(name + ": WAV block align " + blockAlign
                                + " is not a whole number of bytes per sample for " + channels + " channels");
                    }
                    int width = blockAlign / channels;
                    boolean ext = formatTag == EXTENSIBLE;
                    int effective = ext ? subFormat : formatTag;
                    int valid = ext && effective == PCM ? (validBits == 0 ? bits : validBits) : bits;
                    if (ext && effective == PCM && (valid > bits || bits > 8 * width)) {
                        throw new LatqFormatException(name + ": WAV valid bits " + valid + " exceed the "
                                + bits + "-bit sample in " + width + "-byte containers");
                    }
                    SampleType type = sampleType(name, effective, valid, width);
                    if (chunkSize % blockAlign != 0) {
                        throw new LatqFormatException(name + ": WAV data size " + chunkSize
                                + " is not a whole number of frames");
                    }
                    int keptValid = type.isPcm() && valid < 8 * width ? valid : 0;
                    if (ext && type.isPcm() && bits != 8 * width) {
                        throw new LatqFormatException(name + ": WAV extensible sample size " + bits
                                + " bits does not match its " + width + "-byte containers");
                    }
                    SampleFormat format = SampleFormat.wav(type, be, keptValid, channels, rate, formatTag,
                            channelMask, chunkSize / width);
                    return new BinarySampleReader(in, format);
                } else {
                    long skip = chunkSize + (chunkSize & 1);
                    in.skipNBytes(skip);
                    pos += skip;
                }
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            if (e instanceof java.io.EOFException) {
                throw new LatqFormatException(name + ": truncated WAV file");
            }
            throw e;
        }
    }

    private static void skipPad(InputStream in, long chunkSize) throws IOException {
        if ((chunkSize & 1) != 0) {
            in.skipNBytes(1);
        }
    }

    private static SampleType sampleType(String name, int tag, int bits, int width) throws LatqFormatException {
        if (tag == PCM) {
            if (bits < 1 || bits > 64) {
                throw new LatqFormatException(name + ": unsupported WAV PCM depth " + bits + " bits (1 to 64)");
            }
            if (width > 8 || width < (bits + 7) / 8) {
                throw new LatqFormatException(name + ": WAV block align gives " + width + "-byte samples, which "
                        + "cannot hold " + bits + "-bit PCM");
            }
            return SampleType.pcmOfWidth(width);
        }
        if (tag == IEEE_FLOAT) {
            if ((bits == 32 || bits == 64) && width == bits / 8) {
                return bits == 32 ? SampleType.F32 : SampleType.F64;
            }
            throw new LatqFormatException(name + ": unsupported WAV float layout: " + bits + " bits in " + width
                    + "-byte samples");
        }
        if (tag == ALAW || tag == MULAW) {
            if (bits != 8 || width != 1) {
                throw new LatqFormatException(name + ": WAV " + (tag == ALAW ? "A-law" : "mu-law")
                        + " must be 8 bits in 1-byte samples, not " + bits + " bits in " + width);
            }
            return tag == ALAW ? SampleType.ALAW : SampleType.ULAW;
        }
        throw new LatqFormatException(name + ": unsupported WAV format tag " + tag
                + " (supported: PCM, IEEE float, A-law, mu-law, extensible)");
    }

    private static int u16(byte[] b, int p, boolean be) {
        return be ? (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF) : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p, boolean be) {
        if (be) {
            return (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFFL) << 16 | (b[p + 2] & 0xFFL) << 8 | (b[p + 3] & 0xFFL);
        }
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }

    /** Writes the RIFF (or RIFX)/fmt/data headers for {@code f} and returns a writer for the interleaved samples. */
    static SampleWriter writer(OutputStream out, SampleFormat f) throws IOException {
        SampleType type = f.type();
        int width = type.bytes();
        long dataBytes = f.sampleCount() * width;
        boolean ext = f.wavFormatTag() == EXTENSIBLE;
        boolean pcm = type.isPcm();
        int fmtSize = ext ? 40 : (pcm ? 16 : 18);
        long riffSize = 4 + (8 + fmtSize) + (pcm || ext ? 0 : 12) + 8 + dataBytes + (dataBytes & 1);
        if (riffSize > 0xFFFFFFFFL) {
            throw new LatqFormatException("output too large for a WAV file (" + dataBytes + " data bytes)");
        }
        int tag = pcm ? PCM : type == SampleType.ULAW ? MULAW : type == SampleType.ALAW ? ALAW : IEEE_FLOAT;
        int frame = f.channels() * width;
        boolean be = f.bigEndian();
        java.io.ByteArrayOutputStream h = new java.io.ByteArrayOutputStream();
        h.write(new byte[] {'R', 'I', 'F', (byte) (be ? 'X' : 'F')});
        put(h, riffSize, 4, be);
        h.write(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        put(h, fmtSize, 4, be);
        put(h, ext ? EXTENSIBLE : tag, 2, be);
        put(h, f.channels(), 2, be);
        put(h, f.sampleRate() & 0xFFFFFFFFL, 4, be);
        put(h, (f.sampleRate() & 0xFFFFFFFFL) * frame, 4, be);
        put(h, frame, 2, be);
        put(h, ext ? width * 8 : f.effectiveBits(), 2, be);
        if (ext) {
            put(h, 22, 2, be);
            put(h, f.effectiveBits(), 2, be);
            put(h, f.channelMask() & 0xFFFFFFFFL, 4, be);
            put(h, tag, 2, be);
            h.write(GUID_TAIL);
        } else if (!pcm) {
            put(h, 0, 2, be); // cbSize
            h.write(new byte[] {'f', 'a', 'c', 't'});
            put(h, 4, 4, be);
            put(h, f.channels() == 0 ? 0 : f.sampleCount() / f.channels(), 4, be);
        }
        h.write(new byte[] {'d', 'a', 't', 'a'});
        put(h, dataBytes, 4, be);
        out.write(h.toByteArray());
        return new BinarySampleWriter(out, type, be, f.sampleCount(), f.validBits()) {
            @Override
            public void finish() throws IOException {
                if ((dataBytes & 1) != 0) {
                    out.write(0);
                }
                super.finish();
            }
        };
    }

    private static void put(java.io.ByteArrayOutputStream h, long v, int bytes, boolean be) {
        for (int i = 0; i < bytes; i++) {
            h.write((int) (v >>> (8 * (be ? bytes - 1 - i : i))) & 0xFF);
        }
    }
}
