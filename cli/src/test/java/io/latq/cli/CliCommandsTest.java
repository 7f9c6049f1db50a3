package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.lattice.LatticeSpecs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliCommandsTest {
    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command run. */
    record Run(int code, String out, String err) {
    }

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CliSupport.configure(new CommandLine(command));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), CliRunner.visible(err.toString()));
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private void assertOneLineError(Run r, int code, String fragment) {
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().startsWith("latq: "), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(fragment), r.err() + " lacks " + fragment);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    private void assertNoTempFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(q -> q.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void generateCompressInspectDecompress() throws Exception {
        Run g = run(new GenerateCommand(), "gaussian", "--samples", "20000", "--sigma", "2", "--seed", "9", "-o",
                p("x.npy"));
        assertEquals(0, g.code(), g.err());
        Run c = run(new CompressCommand(), "-i", p("x.npy"), "-o", p("x.lq"), "--mse", "0.04",
                "--lattice", "E8", "--threads", "2");
        assertEquals(0, c.code(), c.err());
        assertEquals(1, c.out().lines().count());
        for (String key : List.of("samples=20000", "bits/sample=", "mse=", "rmse=", "snr_db=", "max_abs_error=",
                "rd_process=", "gap=", "rd_iid=", "transform=")) {
            assertTrue(c.out().contains(key), c.out());
        }
        Run j = run(new CompressCommand(), "-i", p("x.npy"), "-o", p("x.lq"), "--snr", "20",
                "--json", "--force", "--no-progress");
        assertEquals(0, j.code(), j.err());
        assertEquals("", j.err(), "no progress bar");
        for (String key : List.of("\"samples\":", "\"bytes\":", "\"bits_per_sample\":", "\"mse\":", "\"snr_db\":",
                "\"max_abs_error\":", "\"rd_process_bits_per_sample\":", "\"gap_bits_per_sample\":",
                "\"rd_iid_bits_per_sample\":", "\"transform\":",
                "\"ecdq_bound_bits_per_sample\":", "\"model_bits_per_sample\":")) {
            assertTrue(j.out().contains(key), j.out());
        }
        assertTrue(j.out().trim().startsWith("{") && j.out().trim().endsWith("}"));
        Run i = run(new InspectCommand(), p("x.lq"));
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("integrity: ok"), i.out());
        assertTrue(i.out().contains("npy <f8 shape [20000]"), i.out());
        Run ij = run(new InspectCommand(), p("x.lq"), "--json");
        assertTrue(ij.out().contains("\"integrity\":\"ok\""), ij.out());
        Run d = run(new DecompressCommand(), "-i", p("x.lq"), "-o", p("y.npy"), "--no-progress");
        assertEquals(0, d.code(), d.err());
        assertEquals("", d.err(), "no progress bar");
        byte[] x = Files.readAllBytes(dir.resolve("x.npy"));
        byte[] y = Files.readAllBytes(dir.resolve("y.npy"));
        assertEquals(x.length, y.length);
        assertArrayEquals(java.util.Arrays.copyOf(x, 128), java.util.Arrays.copyOf(y, 128), "same .npy header");
    }

    @Test
    void errorsAreOneLineWithExitCodesAndNoPartialOutput() throws Exception {
        assertOneLineError(run(new CompressCommand(), "-i", p("missing.f64"), "-o", p("o.lq"),
                "--mse", "0.1"), 1, "no such file");
        run(new GenerateCommand(), "gaussian", "--samples", "1000", "-o", p("x.f64"));
        Files.write(dir.resolve("o.lq"), new byte[] {7});
        assertOneLineError(run(new CompressCommand(), "-i", p("x.f64"), "-o", p("o.lq"),
                "--mse", "0.1"), 1, "already exists");
        assertOneLineError(run(new CompressCommand(), "-i", p("x.f64"), "-o", p("p.lq"),
                "--mse", "0.1", "--snr", "3"), 2, "mutually exclusive");
        assertOneLineError(run(new CompressCommand(), "-i", p("x.f64"), "-o", p("p.lq"),
                "--mse", "-1"), 2, "MSE");
        assertOneLineError(run(new CompressCommand(), "-i", p("x.f64"), "-o", p("p.lq"),
                "--mse", "0.1", "--lattice", "Q7"), 2, "Q7");
        assertOneLineError(run(new CompressCommand(), "-i", p("x.f64"), "-o", p("p.lq"),
                "--mse", "0.1", "--lattice", "gen:file=" + p("no-such-rows.txt")), 1, "no such file");
        assertFalse(Files.exists(dir.resolve("p.lq")));
        // corrupt file: refused in one line, no output
        run(new CompressCommand(), "-i", p("x.f64"), "-o", p("c.lq"), "--mse", "0.1");
        byte[] b = Files.readAllBytes(dir.resolve("c.lq"));
        b[b.length / 2] ^= 0x10;
        Files.write(dir.resolve("c.lq"), b);
        assertOneLineError(run(new DecompressCommand(), "-i", p("c.lq"), "-o", p("c.f64")), 1,
                "corrupt");
        assertFalse(Files.exists(dir.resolve("c.f64")));
        Run ins = run(new InspectCommand(), p("c.lq"));
        assertEquals(1, ins.code());
        assertTrue(ins.out().contains("integrity: FAILED"), ins.out());
        // non-finite input
        java.nio.ByteBuffer nan = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        nan.putDouble(1).putDouble(Double.NaN).putDouble(2);
        Files.write(dir.resolve("nan.f64"), nan.array());
        assertOneLineError(run(new CompressCommand(), "-i", p("nan.f64"), "-o", p("n.lq"),
                "--mse", "0.1"), 1, "sample 1 is NaN");
        assertEquals(0, run(new CompressCommand(), "-i", p("nan.f64"), "-o", p("n.lq"),
                "--mse", "0.1", "--keep-nonfinite").code());
        // the default constructor resolves specs with LatticeSpecs
        assertEquals(0, run(new CompressCommand(), "-i", p("x.f64"), "-o", p("q.lq"), "--mse", "0.1").code());
        assertNoTempFiles();
    }

    @Test
    void rdSweepWritesCsvAndSvg() throws Exception {
        Run r = run(new RdCommand(LatticeSpecs::parse), "--lattice", "Z1,E8", "--mse", "0.1..0.001", "--points",
                "3", "--samples", "8192", "--csv", p("rd.csv"), "--plot", p("rd.svg"), "--no-progress");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("rd.csv"));
        assertEquals(7, rows.size());
        assertTrue(rows.get(0).startsWith("lattice,nsm,target_mse,mse,bits_per_sample"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double target = Double.parseDouble(f[2]);
            double mse = Double.parseDouble(f[3]);
            assertTrue(Math.abs(mse / target - 1) < 0.1, row); // 8192 samples: relative SE ≈ 1.6%
            assertTrue(Double.parseDouble(f[4]) > Double.parseDouble(f[5]), "rate above R(D): " + row);
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("rd.svg").toFile());
        String svg = Files.readString(dir.resolve("rd.svg"));
        assertTrue(svg.contains("E8 measured") && svg.contains("Z1 ECDQ bound"));
    }
}
