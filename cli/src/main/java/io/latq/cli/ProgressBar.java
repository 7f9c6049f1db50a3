package io.latq.cli;

import java.io.PrintWriter;

/**
 * A progress bar on stderr for long runs. It stays silent for the first second, so short runs print nothing, and
 * redraws at most five times a second. Thread-safe: workers may report from any thread. The total may be revised
 * while running ({@link #update(long, long)}); while it is unknown (negative) the bar shows the count only.
 */
public final class ProgressBar implements AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;
    private int drawnLength;

    /**
     * A bar that draws only when {@code enabled}, stderr is a terminal ({@link #onTerminal()}), {@code -q} is not
     * given and {@code LATQ_NO_PROGRESS} is not set: logs and redirected stderr get no {@code \r} frames.
     */
    public ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
        this(err, label, total, enabled, onTerminal());
    }

    /** As above, with the terminal check given (tests). */
    ProgressBar(PrintWriter err, String label, long total, boolean enabled, boolean terminal) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled && terminal && !Verbosity.quiet() && System.getenv("LATQ_NO_PROGRESS") == null;
    }

    /**
     * Whether progress may be drawn: the JVM has a console (stdin and stdout on a terminal, the usual proxy for
     * stderr, which Java cannot query), or {@code LATQ_PROGRESS=1} forces bars on.
     */
    static boolean onTerminal() {
        return "1".equals(System.getenv("LATQ_PROGRESS")) || System.console() != null;
    }

    /** Reports that {@code done} of the total units are complete. */
    public synchronized void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS || (drawn && now - lastDraw < REDRAW_NANOS && (total < 0 || done < total))) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double elapsed = (now - start) * 1e-9;
        String line;
        if (total < 0) {
            line = String.format("%s %,d done  %.0fs elapsed ", label, done, elapsed);
        } else {
            double frac = total > 0 ? Math.min(1.0, (double) done / total) : 0;
            int fill = (int) Math.round(frac * WIDTH);
            double eta = frac > 0 ? elapsed * (1 - frac) / frac : Double.NaN;
            line = String.format("%s [%s%s] %5.1f%%  %.0fs elapsed, ~%.0fs left ", label, "#".repeat(fill),
                    " ".repeat(WIDTH - fill), 100 * frac, elapsed, eta);
        }
        // pad over the remains of a longer previous line
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        drawnLength = line.length();
        err.flush();
    }

    /** Reports that {@code done} units are complete out of a total that may have changed (negative: unknown). */
    public synchronized void update(long done, long total) {
        this.total = total;
        update(done);
    }

    /**
     * Erases the bar from its line, so that the next output starts on a clean line; the bar is redrawn by the next
     * update.
     */
    public synchronized void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawn = false;
            drawnLength = 0;
        }
    }

    @Override
    public synchronized void close() {
        // Erase the bar, so that what follows on stderr (an error line, say) stands alone.
        clear();
    }
}
