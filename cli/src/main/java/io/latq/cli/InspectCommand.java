package io.latq.cli;

import io.latq.ecdq.EcdqInspector;
import io.latq.ecdq.file.FileLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
@Command(name = "inspect", footer = {"%nExamples:",
                "  latq inspect x.lq",
                "  latq inspect x.lq --json --blocks 4"},
        mixinStandardHelpOptions = true,
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
        FileLayout h = ins.header();
        PrintWriter out = spec.commandLine().getOut();
        long payload = 0;
        for (EcdqInspector.BlockInfo b : ins.blocks()) {
            payload += b.payloadBytes();
        }
        double bps = 8.0 * ins.fileSize() / h.sampleCount();
        Map<String, Object> fields = EcdqInspector.describe(h);
        if (json) {
            Map<String, Object> j = JsonOutput.object();
            j.put("file_bytes", ins.fileSize());
            j.put("header_bytes", ins.headerBytes());
            j.putAll(fields);
            j.put("bits_per_sample", bps);
            j.put("payload_bytes", payload);
            List<Object> blocks = new ArrayList<>();
            for (EcdqInspector.BlockInfo b : ins.blocks()) {
                Map<String, Object> o = JsonOutput.object();
                o.put("index", b.index());
                o.put("samples", b.samples());
                o.put("nonfinite", b.nonFinite());
                o.put("payload_bytes", b.payloadBytes());
                o.put("stored_bytes", b.storedBytes());
                blocks.add(o);
            }
            j.put("blocks", blocks);
            j.put("integrity", ins.ok() ? "ok" : ins.problem());
            out.println(JsonOutput.line(j));
        } else {
            out.printf(Locale.ROOT, "file: %s (%d bytes, %.6f bits/sample)%n", file, ins.fileSize(), bps);
            out.printf(Locale.ROOT, "format: latq ECDQ version %d, header %d bytes%n", h.version(),
                    ins.headerBytes());
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                Object v = e.getValue();
                String text = v instanceof double[] a ? Arrays.toString(a) : String.valueOf(v);
                out.printf(Locale.ROOT, "%s: %s%n", e.getKey(), text);
            }
            out.printf(Locale.ROOT, "payload: %d bytes in %d blocks%n", payload, ins.blocks().size());
            int shown = Math.min(ins.blocks().size(), Math.max(0, listBlocks));
            for (int i = 0; i < shown; i++) {
                EcdqInspector.BlockInfo b = ins.blocks().get(i);
                out.printf(Locale.ROOT, "  block %d: %d samples, %d non-finite, %d payload bytes (%.4f bits/sample)%n",
                        b.index(), b.samples(), b.nonFinite(), b.payloadBytes(), 8.0 * b.payloadBytes() / b.samples());
            }
            if (ins.blocks().size() > shown) {
                out.printf(Locale.ROOT, "  ... %d more blocks%n", ins.blocks().size() - shown);
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

}
