package io.latq.cli;

/**
 * The global {@code -q}/{@code --quiet} and {@code -v}/{@code --verbose} options, accepted before or after the
 * command name. Quiet: no progress bars and no informational messages (lines such as {@code wrote ...}), only the
 * command's result and errors. Verbose: the elapsed time on stderr at the end, and a stack trace with an error.
 */
final class Verbosity {
    private static volatile boolean quiet;
    private static volatile boolean verbose;

    private Verbosity() {
    }

    static boolean quiet() {
        return quiet;
    }

    static boolean verbose() {
        return verbose;
    }

    static void set(boolean q, boolean v) {
        quiet = q;
        verbose = v;
    }
}
