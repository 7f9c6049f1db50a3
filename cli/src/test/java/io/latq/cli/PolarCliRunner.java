package io.latq.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the latq CLI in-process like {@link CliRunner}, with the polar-lattice commands (quantize, design, goodness)
 * added when Main does not register them yet, so their error handling is the real one.
 */
final class PolarCliRunner {
    final int exitCode;
    final String out;
    final String err;

    private PolarCliRunner(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static PolarCliRunner run(String... args) {
        CommandLine cl = Main.commandLine();
        if (!cl.getSubcommands().containsKey("quantize")) {
            cl.addSubcommand(new QuantizeCommand());
        }
        if (!cl.getSubcommands().containsKey("design")) {
            cl.addSubcommand(new DesignCommand());
        }
        if (!cl.getSubcommands().containsKey("goodness")) {
            cl.addSubcommand(new GoodnessCommand());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new PolarCliRunner(code, out.toString(), err.toString());
    }

    /** The error output is exactly one line with the latq prefix and no stack trace. */
    boolean isOneLineError() {
        String e = err.strip();
        return exitCode != 0 && e.startsWith("latq: ") && !e.contains("\n") && !e.contains("\tat ");
    }
}
