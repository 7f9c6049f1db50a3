package io.latq.ecdq;

import io.latq.ecdq.testlattices.TestLattices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeRateTest {
    @TempDir
    Path dir;

    @Test
    void smoke() throws Exception {
        int n = Integer.getInteger("smoke.n", 1 << 16);
        double[] x = TestData.gaussian(n, 0, 1, 1);
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        for (String lat : new String[] {"Z1", "E8", "D4", "BABAI8"}) {
            EcdqOptions o = EcdqOptions.mse(0.01).withLattice(lat).withThreads(2);
            if (lat.equals("BABAI8")) {
                o = o.withNsm(1.0 / 12);
            } else if (lat.equals("D4")) {
                o = o.withNsm(0.0766032);
            }
            long t0 = System.nanoTime();
            CompressionReport r = EcdqCompressor.compress(in, null, dir.resolve(lat + ".lq"), o,
                    TestLattices.resolver());
            long t1 = System.nanoTime();
            EcdqDecompressor.decompress(dir.resolve(lat + ".lq"), dir.resolve(lat + ".out.f64"), false, 2,
                    TestLattices.resolver());
            long t2 = System.nanoTime();
            System.out.println(lat + " " + r.line() + String.format(" enc %.2fs dec %.2fs", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9));
        }
    }
}
