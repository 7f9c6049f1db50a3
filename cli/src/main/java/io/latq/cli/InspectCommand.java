package io.latq.cli;

import io.latq.ecdq.EcdqInspector;
import io.latq.ecdq.file.EcdqHeader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code latq inspect FILE [--json]}: prints the header, the blocks and the result of the integrity checks (all CRCs,
 * sizes, trailer) without entropy decoding. Exit code 1 if the integrity check fails.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a latq file's header and blocks and check its integrity without decoding.")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A latq ECDQ file.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--blocks", defaultValue = "8", description = "Blocks to list individually in text output "
            + "(default ${DEFAULT-VALUE}; all in JSON).")
    int listBlocks;

    @Override
    public Integer call() {
        return CliSupport.run(spec.commandLine().getErr(), this::inspect);
    }

    private int inspect() throws IOException {
        EcdqInspector.Inspection ins = EcdqInspector.inspect(file);
        EcdqHeader h = ins.header();
        PrintWriter out = spec.commandLine().getOut();
        long payload = 0;
        for (EcdqInspector.BlockInfo b : ins.blocks()) {
            payload += b.payloadBytes();
        }
        double bps = 8.0 * ins.fileSize() / h.sampleCount();
        if (json) {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "{\"file_bytes\":%d,\"header_bytes\":%d,\"version\":%d,"
                    + "\"samples\":%d,\"source\":\"%s\",\"container\":\"%s\",\"dtype\":\"%s\",\"big_endian\":%b,"
                    + "\"shape\":%s,\"channels\":%d,\"sample_rate\":%d,\"lattice\":\"%s\",\"dimension\":%d,"
                    + "\"generator_sha256\":\"%s\",\"nsm\":%s,\"seed\":%d,\"mean\":%s,\"sigma\":%s,\"alpha\":%s,"
                    + "\"beta\":%s,\"zero_rate\":%b,\"model_spread\":%s,\"vectors_per_block\":%d,"
                    + "\"keep_nonfinite\":%b,\"nonfinite\":%d,\"bits_per_sample\":%s,\"payload_bytes\":%d,"
                    + "\"block_count\":%d,\"blocks\":[",
                    ins.fileSize(), ins.headerBytes(), EcdqHeader.VERSION, h.sampleCount(),
                    esc(h.source().describe()), h.source().container().name().toLowerCase(Locale.ROOT),
                    h.source().type().name().toLowerCase(Locale.ROOT), h.source().bigEndian(),
                    java.util.Arrays.toString(h.source().shape()), h.source().channels(), h.source().sampleRate(),
                    esc(h.latticeSpec()), h.dimension(), HexFormat.of().formatHex(h.generatorHash()), num(h.nsm()),
                    h.seed(), num(h.mean()), num(h.sigma()), num(h.alpha()), num(h.beta()), h.zeroRate(),
                    num(h.modelSpread()), h.vectorsPerBlock(), h.keepNonFinite(), h.nonFiniteCount(), num(bps),
                    payload, h.blockCount()));
            for (int i = 0; i < ins.blocks().size(); i++) {
                EcdqInspector.BlockInfo b = ins.blocks().get(i);
                s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"index\":%d,\"samples\":%d,\"nonfinite\":%d,\"payload_bytes\":%d,\"stored_bytes\":%d}",
                        b.index(), b.samples(), b.nonFinite(), b.payloadBytes(), b.storedBytes()));
            }
            s.append("],\"integrity\":").append(ins.ok() ? "\"ok\"" : "\"" + esc(ins.problem()) + "\"").append('}');
            out.println(s);
        } else {
            out.printf(Locale.ROOT, "file: %s (%d bytes, %.6f bits/sample)%n", file, ins.fileSize(), bps);
            out.printf(Locale.ROOT, "format: latq ECDQ version %d, header %d bytes%n", EcdqHeader.VERSION,
                    ins.headerBytes());
            out.printf(Locale.ROOT, "source: %s, %d samples%n", h.source().describe(), h.sampleCount());
            out.printf(Locale.ROOT, "lattice: %s (n=%d, log2 V=%s, G=%s, generator sha256 %s)%n", h.latticeSpec(),
                    h.dimension(), num(h.log2Volume()), num(h.nsm()),
                    HexFormat.of().formatHex(h.generatorHash()).substring(0, 16) + "…");
            out.printf(Locale.ROOT, "scales: mean=%s sigma=%s alpha=%s beta=%s%s%n", num(h.mean()), num(h.sigma()),
                    num(h.alpha()), num(h.beta()), h.zeroRate() ? " (zero rate: no payload)" : "");
            out.printf(Locale.ROOT, "design: predicted mse=%s, seed=%d, model=successive discretized Gaussian "
                    + "(spread %s lattice units)%n", num(predictedMse(h)), h.seed(), num(h.modelSpread()));
            out.printf(Locale.ROOT, "non-finite: %s, %d carried%n", h.keepNonFinite() ? "kept" : "refused",
                    h.nonFiniteCount());
            out.printf(Locale.ROOT, "blocks: %d of %d vectors (%d samples), %d payload bytes%n", h.blockCount(),
                    h.vectorsPerBlock(), h.samplesPerBlock(), payload);
            int shown = Math.min(ins.blocks().size(), Math.max(0, listBlocks));
            for (int i = 0; i < shown; i++) {
                EcdqInspector.BlockInfo b = ins.blocks().get(i);
                out.printf(Locale.ROOT, "  block %d: %d samples, %d non-finite, %d payload bytes (%.4f bits/sample)%n",
                        b.index(), b.samples(), b.nonFinite(), b.payloadBytes(), 8.0 * b.payloadBytes() / b.samples());
            }
            if (ins.blocks().size() > shown) {
                out.printf(Locale.ROOT, "  … %d more blocks%n", ins.blocks().size() - shown);
            }
            out.println("integrity: " + (ins.ok() ? "ok (header, " + ins.blocks().size()
                    + " block CRC32Cs and trailer verified)" : "FAILED: " + ins.problem()));
        }
        out.flush();
        if (!ins.ok()) {
            return CliSupport.fail(spec.commandLine().getErr(), ins.problem(), CliSupport.DATA_ERROR);
        }
        return 0;
    }

    private static double predictedMse(EcdqHeader h) {
        if (h.zeroRate()) {
            return h.sigma() * h.sigma();
        }
        double v2n = StrictMath.pow(2.0, 2.0 * h.log2Volume() / h.dimension());
        double sq = h.alpha() * h.alpha() * h.nsm() * v2n;
        double var = h.sigma() * h.sigma();
        return var * sq / (var + sq); // Wiener-scaled ECDQ: σ²σ_q²/(σ²+σ_q²), σ_q² = α²·G·V^(2/n)
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
