package io.latq.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind the launcher's class-data-sharing archive ({@code ./latq}, docs/cli.md): runs the common
 * commands once, in this one JVM, on a small generated file in {@code DIR}, so that
 * {@code java -XX:DumpLoadedClassList=classes.lst} lists the classes (and lambda forms) a run loads; the launcher
 * then dumps a static archive of them ({@code -Xshare:dump}). Later runs map those classes instead of loading,
 * verifying and linking them again. A static archive holds no trace of how this run executed (a dynamic one did:
 * docs/cli.md).
 *
 * <p>Not a command: {@code java -cp latq.jar io.latq.cli.CdsTraining DIR}. Prints nothing; exits 0 when every step
 * succeeded, 1 otherwise (the launcher then keeps no archive). What the steps compute does not matter, only which
 * classes they load.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: CdsTraining DIR (an existing directory)");
            System.exit(2);
        }
        System.exit(train(Path.of(args[0])) == 0 ? 0 : 1);
    }

    /** Runs the steps with their files in {@code dir}, printing nothing; returns how many failed. */
    static int train(Path dir) {
        String x = dir.resolve("t.f64").toString();
        String lq = dir.resolve("t.lq").toString();
        String y = dir.resolve("u.f64").toString();
        String[][] steps = {
            {"generate", "gaussian", "--samples", "32768", "--seed", "1", "-o", x, "--force"},
            {"compress", "-i", x, "-o", lq, "--mse", "0.01", "--seed", "1", "--force", "--no-progress"},
            {"decompress", "-i", lq, "-o", y, "--force", "--no-progress"},
            {"compress", "-i", x, "-o", lq, "--mse", "0.01", "--level", "fast", "--seed", "1", "--force",
                "--no-progress"},
            {"decompress", "-i", lq, "-o", y, "--force", "--no-progress"},
            {"inspect", lq},
            {"compare", x, y},
            {"nsm", "--lattice", "E8", "--samples", "2000", "--seed", "1", "--no-progress"},
        };
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        int failed = 0;
        System.setOut(none);
        System.setErr(none);
        try {
            for (String[] s : steps) {
                if (Main.run(s) != 0) {
                    failed++;
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return failed;
    }
}
