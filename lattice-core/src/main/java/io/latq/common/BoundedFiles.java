package io.latq.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reading small text files without trusting them to be small, and quoting untrusted text in one-line messages.
 */
public final class BoundedFiles {

    private BoundedFiles() {
    }

    /**
     * Reads a regular file of at most {@code maxBytes} bytes as strict UTF-8. The file type is checked before the
     * file is opened, so a FIFO (which would block) or a device such as /dev/zero (which never ends) is refused,
     * and at most {@code maxBytes + 1} bytes are ever read, whatever the file claims or grows to.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException         with a one-line message if it is not a regular file, is larger than
     *                             {@code maxBytes}, is not valid UTF-8 or cannot be read
     */
    public static String readUtf8(Path path, int maxBytes) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("not a regular file");
        }
        // start from the size the file claims (capped), grow as it turns out to be longer
        byte[] buf = new byte[(int) Math.min(Math.min(Files.size(path), maxBytes) + 1L, 1 << 16)];
        int len = 0;
        try (InputStream in = Files.newInputStream(path)) {
            while (true) {
                if (len == buf.length) {
                    if (len > maxBytes) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1L, 2L * len + 1));
                }
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) {
                    break;
                }
                len += r;
            }
        }
        if (len > maxBytes) {
            throw new IOException("larger than the limit of " + maxBytes + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8");
        }
    }

    /**
     * At most {@code max} chars of {@code s} (cut ones end in "..."), with control and line-break characters replaced
     * by '?', so that quoting untrusted text keeps a message on one line and short.
     */
    public static String excerpt(String s, int max) {
        if (s == null) {
            return "null";
        }
        boolean cut = s.length() > max;
        String t = cut ? s.substring(0, Math.max(0, max - 3)) : s;
        StringBuilder b = new StringBuilder(t.length() + 3);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 ? '?' : c);
        }
        return cut ? b.append("...").toString() : b.toString();
    }
}
