package io.latq.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Text output for a terminal whose charset cannot show the symbols latq prints (for instance {@code LANG=C}, where
 * Java would print {@code ?}): the usual symbols become ASCII ({@code σ} to {@code sigma}, {@code ²} to {@code ^2},
 * {@code ≤} to {@code <=}, ...), anything else outside ASCII becomes {@code ?}.
 */
final class AsciiWriter extends FilterWriter {
    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('σ', "sigma"), Map.entry('μ', "mu"), Map.entry('π', "pi"), Map.entry('²', "^2"),
            Map.entry('½', "1/2"), Map.entry('≤', "<="), Map.entry('≥', ">="), Map.entry('±', "+-"),
            Map.entry('·', "*"), Map.entry('×', "x"), Map.entry('⊗', "(x)"), Map.entry('—', "-"),
            Map.entry('–', "-"), Map.entry('∓', "-+"), Map.entry('≈', "~"), Map.entry('∞', "inf"),
            Map.entry('‖', "||"), Map.entry('…', "..."), Map.entry('√', "sqrt"), Map.entry('Δ', "Delta"));

    AsciiWriter(Writer out) {
        super(out);
    }

    /** A writer for {@code stream}: plain UTF-8 when the charset is UTF-8, else this ASCII fallback. */
    static PrintWriter of(OutputStream stream, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        }
        return new PrintWriter(new AsciiWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /** The charset of standard output: {@code stdout.encoding} (Java 19+), else {@code native.encoding}. */
    static Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("native.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.US_ASCII;
        }
    }

    static String ascii(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            sb.append(ASCII.getOrDefault(c, "?"));
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(ascii(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(ascii(new String(cbuf, off, len)));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.write(ascii(str.substring(off, off + len)));
    }
}
