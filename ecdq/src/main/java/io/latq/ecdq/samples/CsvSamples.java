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
import java.util.Locale;

/**
 * Text files of numbers, one or more per line, separated by commas, semicolons or white space. Blank lines and lines
 * starting with {@code #} are skipped. Numbers use Java's {@link Double#parseDouble} syntax; {@code nan}, {@code inf}
 * and {@code -inf} are accepted in any case. On output every value is written with {@link Double#toString}, which
 * reads back to the same double, with the original number of values per line when it was constant.
 */
public final class CsvSamples {
    private CsvSamples() {
    }

    static SampleReader open(Path path) throws IOException {
        return new Reader(path);
    }

    private static final class Reader implements SampleReader {
        private final String name;
        private final BufferedReader in;
        private long lineNo;
        private String[] pending = new String[0];
        private int pendingPos;
        private long count;
        private int columns = -1;
        private boolean done;

        Reader(Path path) throws IOException {
            this.name = String.valueOf(path.getFileName());
            this.in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        }

        @Override
        public SampleFormat format() {
            return SampleFormat.csv(Math.max(columns, 0), count);
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
                String tok = pending[pendingPos++];
                dst[off + n++] = parse(tok);
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
            if (t.isEmpty() || t.startsWith("#")) {
                pending = new String[0];
                pendingPos = 0;
                return true;
            }
            pending = t.split("[,;\\s]+");
            pendingPos = 0;
            if (columns < 0) {
                columns = pending.length;
            } else if (columns != pending.length) {
                columns = 0;
            }
            return true;
        }

        private double parse(String tok) throws LatqFormatException {
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
                    break;
            }
            try {
                return Double.parseDouble(tok);
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

            @Override
            public void write(double[] src, int off, int len) throws IOException {
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

            @Override
            public void finish() throws IOException {
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
