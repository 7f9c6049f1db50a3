package io.latq.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the latq CLI in-process and captures stdout, stderr and the exit code. */
final class CliRunner {
    final int exitCode;
    final String out;
    final String err;

    private CliRunner(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRunner run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRunner(code, out.toString(), visible(err.toString()));
    }

    /**
     * What a terminal shows of {@code text}: on each line only what follows the last carriage return (the progress
     * bar redraws and finally erases itself with '\r'), and no blank lines.
     */
    static String visible(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String shown = line.substring(line.lastIndexOf('\r') + 1);
            if (!shown.isBlank()) {
                sb.append(shown).append('\n');
            }
        }
        return sb.toString();
    }

    /** The error output is exactly one line with the latq prefix and no stack trace. */
    boolean isOneLineError() {
        String e = err.strip();
        return exitCode != 0 && e.startsWith("latq: ") && !e.contains("\n") && !e.contains("\tat ");
    }
}
