package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    private Path f64(String name, double... x) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            b.putDouble(v);
        }
        return Files.write(dir.resolve(name), b.array());
    }

    private Path f32(String name, float... x) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            b.putFloat(v);
        }
        return Files.write(dir.resolve(name), b.array());
    }

    @Test
    void matchesAHandComputationAcrossTypes() throws Exception {
        // reference 1,2,3,4,NaN: mean 2.5, variance 1.25; errors +0.5, 0, -0.25, +1 -> mse 1.3125/4
        Path a = f64("a.f64", 1, 2, 3, 4, Double.NaN);
        Path b = f32("b.f32", 1.5f, 2, 2.75f, 5, Float.NaN);
        CliRunner r = CliRunner.run("compare", a.toString(), b.toString(), "--json");
        assertEquals(0, r.exitCode, r.err);
        double mse = 1.3125 / 4;
        String expected = "{\"samples\":5,\"mse\":" + mse + ",\"rmse\":" + Math.sqrt(mse)
                + ",\"snr_db\":" + 10 * StrictMath.log10(1.25 / mse) + ",\"max_abs_error\":1.0,\"non_finite\":1"
                + ",\"reference_mean\":2.5,\"reference_variance\":1.25}";
        assertEquals(expected, r.out.strip());
        CliRunner line = CliRunner.run("compare", a.toString(), b.toString());
        assertTrue(line.out.startsWith("samples=5 mse=0.328125 rmse="), line.out);
    }

    @Test
    void refusesMismatchesInOneLine() throws Exception {
        Path a = f64("a.f64", 1, 2, 3);
        CliRunner shorter = CliRunner.run("compare", a.toString(), f64("s.f64", 1, 2).toString());
        assertTrue(shorter.isOneLineError() && shorter.err.contains("fewer samples"), shorter.err);
        CliRunner longer = CliRunner.run("compare", a.toString(), f64("l.f64", 1, 2, 3, 4).toString());
        assertTrue(longer.isOneLineError() && longer.err.contains("more samples"), longer.err);
        CliRunner nan = CliRunner.run("compare", a.toString(), f64("n.f64", 1, Double.NaN, 3).toString());
        assertTrue(nan.isOneLineError() && nan.err.contains("sample 1 is 2.0"), nan.err);
        CliRunner empty = CliRunner.run("compare", f64("e.f64").toString(), f64("e2.f64").toString());
        assertTrue(empty.isOneLineError(), empty.err);
    }
}
