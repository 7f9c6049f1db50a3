package io.latq.ecdq.samples;

import io.latq.common.LatqFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy .npy files (format 1.0, 2.0 and 3.0): magic {@code \x93NUMPY}, major and minor version bytes, header length
 * (u16 little-endian for version 1, u32 for 2 and 3), then a Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}, then the raw data. Accepted dtypes: {@code <f8 <f4 >f8 >f4}. A
 * Fortran-order array is read in its stored order as the C-order array of the reversed shape and written back with
 * {@code 'fortran_order': True} and its own shape, the data in the same order.
 */
public final class NpySamples {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Larger headers are refused before anything is allocated for them. */
    static final int MAX_HEADER = 1 << 20;

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private NpySamples() {
    }

    static SampleReader open(Path path) throws IOException {
        long size = Files.size(path);
        String name = String.valueOf(path.getFileName());
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            byte[] pre = in.readNBytes(8);
            if (pre.length < 8 || !startsWith(pre, MAGIC)) {
                throw new LatqFormatException(name + ": not a NumPy .npy file (bad magic)");
            }
            int major = pre[6] & 0xFF;
            long headerLen;
            int preamble;
            if (major == 1) {
                byte[] l = in.readNBytes(2);
                if (l.length < 2) {
                    throw new LatqFormatException(name + ": truncated .npy header");
                }
                headerLen = (l[0] & 0xFF) | (l[1] & 0xFF) << 8;
                preamble = 10;
            } else if (major == 2 || major == 3) {
                byte[] l = in.readNBytes(4);
                if (l.length < 4) {
                    throw new LatqFormatException(name + ": truncated .npy header");
                }
                headerLen = (l[0] & 0xFFL) | (l[1] & 0xFFL) << 8 | (l[2] & 0xFFL) << 16 | (l[3] & 0xFFL) << 24;
                preamble = 12;
            } else {
                throw new LatqFormatException(name + ": unsupported .npy format version " + major);
            }
            if (headerLen > size - preamble) {
                throw new LatqFormatException(name + ": .npy header claims " + headerLen + " bytes but the file has "
                        + (size - preamble) + " after the preamble");
            }
            if (headerLen > MAX_HEADER) {
                throw new LatqFormatException(name + ": .npy header of " + headerLen + " bytes is too large");
            }
            byte[] hb = in.readNBytes((int) headerLen);
            if (hb.length != headerLen) {
                throw new LatqFormatException(name + ": truncated .npy header");
            }
            String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            SampleFormat format = parseHeader(name, header);
            long dataBytes;
            try {
                dataBytes = Math.multiplyExact(format.sampleCount(), format.type().bytes());
            } catch (ArithmeticException e) {
                throw new LatqFormatException(name + ": .npy shape is too large");
            }
            long available = size - preamble - headerLen;
            if (dataBytes != available) {
                throw new LatqFormatException(name + ": .npy shape needs " + dataBytes + " data bytes but the file has "
                        + available);
            }
            return new BinarySampleReader(in, format);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static SampleFormat parseHeader(String name, String header) throws LatqFormatException {
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new LatqFormatException(name + ": .npy header lacks descr, fortran_order or shape");
        }
        String descr = d.group(1);
        SampleType type;
        boolean big;
        switch (descr) {
            case "<f8":
                type = SampleType.F64;
                big = false;
                break;
            case "<f4":
                type = SampleType.F32;
                big = false;
                break;
            case ">f8":
                type = SampleType.F64;
                big = true;
                break;
            case ">f4":
                type = SampleType.F32;
                big = true;
                break;
            default:
                throw new LatqFormatException(name + ": unsupported .npy dtype '" + descr
                        + "' (supported: <f8 <f4 >f8 >f4)");
        }
        boolean fortran = f.group(1).equals("True");
        if (!fortran && !f.group(1).equals("False")) {
            throw new LatqFormatException(name + ": bad fortran_order value '" + f.group(1) + "'");
        }
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                throw new LatqFormatException(name + ": bad .npy shape entry '" + p + "'");
            }
        }
        if (dims.size() > 32) {
            throw new LatqFormatException(name + ": .npy array has more than 32 dimensions");
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        try {
            return fortran ? SampleFormat.npyFortran(type, big, shape) : SampleFormat.npy(type, big, shape);
        } catch (ArithmeticException e) {
            throw new LatqFormatException(name + ": .npy shape is too large");
        }
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The header dict NumPy would write, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}. */
    static String headerDict(SampleFormat f) {
        StringBuilder shape = new StringBuilder("(");
        long[] dims = f.numpyShape();
        for (int i = 0; i < dims.length; i++) {
            shape.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        if (dims.length == 1) {
            shape.append(',');
        }
        shape.append(')');
        return "{'descr': '" + (f.bigEndian() ? ">" : "<") + "f" + f.type().bytes()
                + "', 'fortran_order': " + (f.fortranOrder() ? "True" : "False") + ", 'shape': " + shape + ", }";
    }

    static SampleWriter writer(OutputStream out, SampleFormat f) throws IOException {
        byte[] dict = headerDict(f).getBytes(StandardCharsets.ISO_8859_1);
        int version = dict.length + 1 + 10 <= 65535 ? 1 : 2;
        int preamble = version == 1 ? 10 : 12;
        int total = preamble + dict.length + 1;
        int padded = (total + 63) / 64 * 64; // NumPy aligns the data to 64 bytes
        int headerLen = padded - preamble;
        out.write(MAGIC);
        out.write(version);
        out.write(0);
        out.write(headerLen & 0xFF);
        out.write((headerLen >>> 8) & 0xFF);
        if (version == 2) {
            out.write((headerLen >>> 16) & 0xFF);
            out.write((headerLen >>> 24) & 0xFF);
        }
        out.write(dict);
        for (int i = dict.length; i < headerLen - 1; i++) {
            out.write(' ');
        }
        out.write('\n');
        return new BinarySampleWriter(out, f.type(), f.bigEndian(), f.sampleCount());
    }
}
