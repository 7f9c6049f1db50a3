package io.latq.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader and string escaper, shared by latq's data files (frozen sets, polar-lattice designs) (RFC 8259 subset that is enough for latq's data files): objects become
 * {@link LinkedHashMap}, arrays {@link ArrayList}, numbers {@link Double}, plus String, Boolean and null.
 */
public final class Json {

    /** Longest text accepted, in chars (16 Mi). */
    public static final int MAX_LENGTH = 16 << 20;

    /** Deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = 64;

    /**
     * Most values (numbers, strings, literals, objects and arrays) in one text; each costs a few dozen bytes as a
     * Java object, so this bounds the memory a text can claim (the largest polar design, N = 65536 with 16 levels,
     * has about 10^6).
     */
    public static final int MAX_VALUES = 1 << 22;

    private final String s;
    private int pos;
    private int values;

    private Json(String s) {
        this.s = s;
    }

    /**
     * Parses one JSON value, within {@link #MAX_LENGTH}, {@link #MAX_DEPTH} and {@link #MAX_VALUES}; the parser is
     * not recursive, so no input can overflow the stack.
     *
     * @throws IllegalArgumentException with a one-line message on malformed input or input beyond the limits
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("malformed JSON: null text");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("JSON text longer than " + MAX_LENGTH + " characters");
        }
        Json p = new Json(text);
        p.skipWs();
        Object v = p.value();
        p.skipWs();
        if (p.pos != p.s.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    /** A JSON string literal for {@code v}, quotes included. */
    public static String quote(String v) {
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    /** A JSON number for a double; non-finite values become strings "Infinity", "-Infinity", "NaN". */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return quote(Double.toString(v));
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + what);
    }

    private void skipWs() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    /**
     * One JSON value, without recursion: open objects and arrays live on an explicit stack of at most
     * {@link #MAX_DEPTH}, and pending object keys on a parallel stack.
     */
    private Object value() {
        Deque<Object> open = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        while (true) {
            skipWs();
            Object v;
            char c = peek();
            if (c == '{' || c == '[') {
                if (open.size() >= MAX_DEPTH) {
                    throw error("nested deeper than " + MAX_DEPTH);
                }
                pos++;
                count();
                skipWs();
                if (c == '{' ? peek() == '}' : peek() == ']') {
                    pos++;
                    v = c == '{' ? new LinkedHashMap<String, Object>() : new ArrayList<Object>();
                } else {
                    if (c == '{') {
                        open.push(new LinkedHashMap<String, Object>());
                        keys.push(key());
                    } else {
                        open.push(new ArrayList<Object>());
                    }
                    continue; // parse the first member
                }
            } else {
                v = scalar(c);
                count();
            }
            // v is complete: store it in its container, closing containers as they end
            while (true) {
                if (open.isEmpty()) {
                    return v;
                }
                Object top = open.peek();
                if (top instanceof List) {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) top;
                    list.add(v);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) top;
                    map.put(keys.pop(), v);
                }
                skipWs();
                char d = peek();
                pos++;
                if (d == ',') {
                    if (top instanceof Map) {
                        keys.push(key());
                    }
                    break; // parse the next member
                }
                if (d != (top instanceof List ? ']' : '}')) {
                    pos--;
                    throw error(top instanceof List ? "expected ',' or ']'" : "expected ',' or '}'");
                }
                v = open.pop();
            }
        }
    }

    /** An object key and its ':'. */
    private String key() {
        skipWs();
        if (peek() != '"') {
            throw error("expected a key");
        }
        String k = string();
        skipWs();
        if (peek() != ':') {
            throw error("expected ':'");
        }
        pos++;
        return k;
    }

    private void count() {
        if (++values > MAX_VALUES) {
            throw error("more than " + MAX_VALUES + " values");
        }
    }

    private Object scalar(char c) {
        switch (c) {
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return v;
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = peek();
                pos++;
                switch (e) {
                    case 'n':
                        b.append('\n');
                        break;
                    case 't':
                        b.append('\t');
                        break;
                    case 'r':
                        b.append('\r');
                        break;
                    case 'b':
                        b.append('\b');
                        break;
                    case 'f':
                        b.append('\f');
                        break;
                    case 'u':
                        if (pos + 4 > s.length()) {
                            throw error("bad escape");
                        }
                        int u = 0;
                        for (int q = pos; q < pos + 4; q++) {
                            int h = Character.digit(s.charAt(q), 16);
                            if (h < 0) {
                                throw error("bad escape");
                            }
                            u = u * 16 + h;
                        }
                        b.append((char) u);
                        pos += 4;
                        break;
                    default:
                        b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private Double number() {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            char c = s.charAt(pos);
            throw error(c >= 0x20 && c < 0x7f ? "unexpected character '" + c + "'"
                    : String.format("unexpected character U+%04X", (int) c));
        }
        try {
            return Double.valueOf(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}: the content hash of latq's data files. */
    public static String sha256Hex(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(64);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Appends the integers of {@code a} separated by commas (no spaces), as in the canonical forms. */
    public static void joinInts(StringBuilder b, int[] a) {
        for (int j = 0; j < a.length; j++) {
            if (j > 0) {
                b.append(',');
            }
            b.append(a[j]);
        }
    }
}
