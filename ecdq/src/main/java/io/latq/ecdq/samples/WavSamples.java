package io.latq.ecdq.samples;

import io.latq.common.LatqFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RIFF WAVE files (little-endian). Reads format tags 1 (PCM: 16, 24 or 32 bits), 3 (IEEE float: 32 or 64 bits) and
 * 0xFFFE (WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format GUID), any channel count; samples are interleaved and
 * delivered in file order. Chunks other than {@code fmt } and {@code data} are skipped. Every chunk size is checked
 * against the file size before it is used.
 */
public final class WavSamples {
    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
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
            if (riff.length < 12 || riff[0] != 'R' || riff[1] != 'I' || riff[2] != 'F' || riff[3] != 'F'
                    || riff[8] != 'W' || riff[9] != 'A' || riff[10] != 'V' || riff[11] != 'E') {
                throw new LatqFormatException(name + ": not a RIFF WAVE file");
            }
            long pos = 12;
            int formatTag = -1;
            int channels = 0;
            int rate = 0;
            int blockAlign = 0;
            int bits = 0;
            int channelMask = 0;
            int subFormat = -1;
            while (true) {
                byte[] ch = in.readNBytes(8);
                if (ch.length < 8) {
                    throw new LatqFormatException(name + ": WAV file has no data chunk");
                }
                pos += 8;
                String id = new String(ch, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                long chunkSize = u32(ch, 4);
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
                    formatTag = u16(f, 0);
                    channels = u16(f, 2);
                    rate = (int) u32(f, 4);
                    blockAlign = u16(f, 12);
                    bits = u16(f, 14);
                    if (formatTag == EXTENSIBLE) {
                        if (chunkSize < 40) {
                            throw new LatqFormatException(name + ": WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
                        }
                        channelMask = (int) u32(f, 20);
                        subFormat = u16(f, 24);
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
                    int effective = formatTag == EXTENSIBLE ? subFormat : formatTag;
                    SampleType type = sampleType(name, effective, bits);
                    if (channels < 1) {
                        throw new LatqFormatException(name + ": WAV file declares " + channels + " channels");
                    }
                    if (blockAlign != channels * type.bytes()) {
                        throw new LatqFormatException(name + ": WAV block align " + blockAlign + " does not match "
                                + channels + " channels of " + bits + " bits");
                    }
                    if (chunkSize % blockAlign != 0) {
                        throw new LatqFormatException(name + ": WAV data size " + chunkSize
                                + " is not a whole number of frames");
                    }
                    SampleFormat format = SampleFormat.wav(type, channels, rate, formatTag, channelMask,
                            chunkSize / type.bytes());
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

    private static SampleType sampleType(String name, int tag, int bits) throws LatqFormatException {
        if (tag == PCM) {
            switch (bits) {
                case 16:
                    return SampleType.PCM16;
                case 24:
                    return SampleType.PCM24;
                case 32:
                    return SampleType.PCM32;
                default:
                    throw new LatqFormatException(name + ": unsupported WAV PCM depth " + bits
                            + " bits (supported: 16, 24, 32)");
            }
        }
        if (tag == IEEE_FLOAT) {
            if (bits == 32) {
                return SampleType.F32;
            }
            if (bits == 64) {
                return SampleType.F64;
            }
            throw new LatqFormatException(name + ": unsupported WAV float depth " + bits + " bits");
        }
        throw new LatqFormatException(name + ": unsupported WAV format tag " + tag + " (supported: PCM, IEEE float)");
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }

    /** Writes the RIFF/fmt/data headers for {@code f} and returns a writer for the interleaved samples. */
    static SampleWriter writer(OutputStream out, SampleFormat f) throws IOException {
        int width = f.type().bytes();
        long dataBytes = f.sampleCount() * width;
        boolean ext = f.wavFormatTag() == EXTENSIBLE;
        int fmtSize = ext ? 40 : (f.type().isPcm() ? 16 : 18);
        long riffSize = 4 + (8 + fmtSize) + (f.type().isPcm() || ext ? 0 : 12) + 8 + dataBytes + (dataBytes & 1);
        if (riffSize > 0xFFFFFFFFL) {
            throw new LatqFormatException("output too large for a WAV file (" + dataBytes + " data bytes)");
        }
        int tag = f.type().isPcm() ? PCM : IEEE_FLOAT;
        int frame = f.channels() * width;
        java.io.ByteArrayOutputStream h = new java.io.ByteArrayOutputStream();
        h.write(new byte[] {'R', 'I', 'F', 'F'});
        le(h, riffSize, 4);
        h.write(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        le(h, fmtSize, 4);
        le(h, ext ? EXTENSIBLE : tag, 2);
        le(h, f.channels(), 2);
        le(h, f.sampleRate() & 0xFFFFFFFFL, 4);
        le(h, (f.sampleRate() & 0xFFFFFFFFL) * frame, 4);
        le(h, frame, 2);
        le(h, width * 8, 2);
        if (ext) {
            le(h, 22, 2);
            le(h, width * 8, 2);
            le(h, f.channelMask() & 0xFFFFFFFFL, 4);
            le(h, tag, 2);
            h.write(GUID_TAIL);
        } else if (!f.type().isPcm()) {
            le(h, 0, 2); // cbSize
            h.write(new byte[] {'f', 'a', 'c', 't'});
            le(h, 4, 4);
            le(h, f.channels() == 0 ? 0 : f.sampleCount() / f.channels(), 4);
        }
        h.write(new byte[] {'d', 'a', 't', 'a'});
        le(h, dataBytes, 4);
        out.write(h.toByteArray());
        return new BinarySampleWriter(out, f.type(), false, f.sampleCount()) {
            @Override
            public void finish() throws IOException {
                if ((dataBytes & 1) != 0) {
                    out.write(0);
                }
                super.finish();
            }
        };
    }

    private static void le(java.io.ByteArrayOutputStream h, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            h.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}
