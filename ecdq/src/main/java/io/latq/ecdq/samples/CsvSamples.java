package io.latq.ecdq.samples;

import io.latq.common.LatqFormatException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text files of numbers, one or more per line. A line that holds a comma or a semicolon outside double quotes is
 * split at those; any other line at runs of white space. Fields are trimmed, and a field in double quotes has them
 * removed ({@code ""} inside stands for one quote). An empty field ({@code 3,,4}, a trailing comma) is refused with
 * its line and column. Numbers use Java's {@link Double#parseDouble} syntax; {@code nan}, {@code inf} and
 * {@code -inf} are accepted in any case.
 *
 * <p>The lines before the first line of numbers are the preamble, kept verbatim and written back on output: blank
 * lines, lines starting with {@code #}, and one header row (the first other line, when one of its fields is
 * neither empty nor a number). After the first line of numbers, blank and {@code #} lines are skipped and not
 * restored. On output every value is written with {@link Double#toString}, which reads back to the same double,
 * with the original number of values per line when it was constant. The reader holds one line at a time.
 */
public final class CsvSamples {
    private CsvSamples() {
    }

    static SampleReader open(Path path) throws IOException {
        return new Reader(path);
    }

    /**
     * The fields of a line: split at commas and semicolons outside quotes if it has any, else at white space; trimmed
     * and unquoted. Empty fields are kept (as "") for the caller to judge.
     */
    static List<String> fields(String line) {
        boolean delimited = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ',' || c == ';')) {
                delimited = true;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
                any = true;
            } else if (!quoted && (delimited ? c == ',' || c == ';' : Character.isWhitespace(c))) {
                if (delimited || any || f.length() > 0) {
                    out.add(f.toString().strip());
                }
                f.setLength(0);
                any = false;
            } else {
                f.append(c);
            }
        }
        if (delimited || any || f.length() > 0) {
            out.add(f.toString().strip());
        }
        return out;
    }

    private static final class Reader implements SampleReader {
        private final String name;
        private final BufferedReader in;
        private final StringBuilder preamble = new StringBuilder();
        private long lineNo;
        private String[] pending = new String[0];
        private int pendingPos;
        private long count;
        private int columns = -1;
        private boolean done;
        private boolean dataStarted;
        private boolean headerSeen;

        Reader(Path path) throws IOException {
            this.name = String.valueOf(path.getFileName());
            this.in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        }

        @Override
        public SampleFormat format() {
            return SampleFormat.csv(Math.max(columns, 0), count, preamble.toString());
        }

        @Override
        public int read(double[] dst, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                if (pendingPos == pending.length) {
                    if (done || !nextLine()) {
                        break;
                    }
                    continue;
                }
                int col = pendingPos;
                String tok = pending[pendingPos++];
                dst[off + n++] = parse(tok, col);
            }
            count += n;
            return n == 0 && len > 0 ? -1 : n;
        }

        private boolean nextLine() throws IOException {
            String line;
            try {
                line = in.readLine();
            } catch (java.nio.charset.MalformedInputException e) {
                throw new LatqFormatException(name + ": line " + (lineNo + 1) + " is not valid UTF-8 text");
            }
            if (line == null) {
                done = true;
                return false;
            }
            lineNo++;
            if (line.length() > (1 << 20)) {
                throw new LatqFormatException(name + ": line " + lineNo + " is longer than 1 MiB");
            }
            String t = line.strip();
            pending = new String[0];
            pendingPos = 0;
            if (t.isEmpty() || t.startsWith("#")) {
                if (!dataStarted) {
                    keep(line);
                }
                return true;
            }
            List<String> f = fields(t);
            if (!dataStarted && !headerSeen && isHeader(f)) {
                headerSeen = true;
                keep(line);
                return true;
            }
            dataStarted = true;
            pending = f.toArray(new String[0]);
            if (columns < 0) {
                columns = pending.length;
            } else if (columns != pending.length) {
                columns = 0;
            }
            return true;
        }

        private void keep(String line) throws LatqFormatException {
            preamble.append(line).append('\n');
            if (preamble.length() > SampleFormat.MAX_PREAMBLE / 4) { // ≤ 4 UTF-8 bytes a char
                throw new LatqFormatException(name + ": line " + lineNo + ": more than "
                        + SampleFormat.MAX_PREAMBLE / 4 + " characters of comments and header before the numbers");
            }
        }

        private static boolean isHeader(List<String> f) {
            for (String tok : f) {
                if (!tok.isEmpty() && !isNumber(tok)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isNumber(String tok) {
            try {
                value(tok);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static double value(String tok) {
            String s = tok.toLowerCase(Locale.ROOT);
            switch (s) {
                case "nan":
                    return Double.NaN;
                case "inf":
                case "+inf":
                case "infinity":
                case "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                case "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    return Double.parseDouble(tok);
            }
        }

        private double parse(String tok, int col) throws LatqFormatException {
            if (tok.isEmpty()) {
                throw new LatqFormatException(name + ": line " + lineNo + ", column " + (col + 1) + ": empty field");
            }
            try {
                return value(tok);
            } catch (NumberFormatException e) {
                String shown = tok.length() > 40 ? tok.substring(0, 40) + "…" : tok;
                throw new LatqFormatException(name + ": line " + lineNo + ": not a number: '" + shown + "'");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static SampleWriter writer(OutputStream out, SampleFormat f) {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        int perLine = f.csvColumns() > 0 ? f.csvColumns() : 1;
        return new SampleWriter() {
            private long written;
            private boolean started;

            @Override
            public void write(double[] src, int off, int len) throws IOException {
                start();
                for (int i = 0; i < len; i++) {
                    long col = written % perLine;
                    if (col > 0) {
                        w.write(',');
                    }
                    w.write(Double.toString(src[off + i]));
                    written++;
                    if (written % perLine == 0) {
                        w.write('\n');
                    }
                }
            }

            private void start() throws IOException {
                if (!started) {
                    started = true;
                    w.write(f.csvPreamble());
                }
            }

            @Override
            public void finish() throws IOException {
                start();
                if (written % perLine != 0) {
                    w.write('\n');
                }
                if (written != f.sampleCount()) {
                    throw new IllegalStateException("wrote " + written + " samples, expected " + f.sampleCount());
                }
                w.flush();
            }
        };
    }
}
