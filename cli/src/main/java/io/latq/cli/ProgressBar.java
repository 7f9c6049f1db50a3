package io.latq.cli;

import java.io.PrintWriter;

/**
 * A progress bar on stderr for long runs. It stays silent for the first second, so short runs print nothing, and
 * redraws at most five times a second. Thread-safe: workers may report from any thread.
 */
public final class ProgressBar implements AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled && System.getenv("LATQ_NO_PROGRESS") == null;
    }

    /** Reports that {@code done} of the total units are complete. */
    public synchronized void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS || (drawn && now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double frac = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        int fill = (int) Math.round(frac * WIDTH);
        double elapsed = (now - start) * 1e-9;
        double eta = frac > 0 ? elapsed * (1 - frac) / frac : Double.NaN;
        err.printf("\r%s [%s%s] %5.1f%%  %.0fs elapsed, ~%.0fs left ", label, "#".repeat(fill),
                " ".repeat(WIDTH - fill), 100 * frac, elapsed, eta);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
