package io.latq.ecdq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression lock on the file format and the entropy model: small fixed inputs are compressed and decompressed, and
 * the SHA-256 of the compressed file and of the decoded output must equal the recorded values.
 *
 * <p>The expected hashes were produced by the code as it was at commit 44d54c4 (before the model speed-ups of branch
 * ecdq3), by running this test with the expected values blank and copying the printed hashes. A speed-up of the
 * model or the coder must not change a single output bit, so these hashes must never be edited to make the test
 * pass, only when the format or the model is changed on purpose (then bump the format version).
 *
 * <p>The inputs are generated here with SplitMix64 and Box–Muller in {@link StrictMath}, so they are the same on
 * every JVM. They cover Z1, E8, D4 and a dense non-triangular generator read through {@code gen:file}; float64 and
 * float32 files; MSE targets 0.01 and 0.25, SNR and rate targets (rate search and model fit); fine quantization
 * (the bucket-plus-offset path), very coarse quantization (a window of 3 cells); Cauchy outliers that force escapes,
 * NaN with a payload and ±∞ carried with keep-nonfinite; several blocks and a padded last vector; 1 and 2 threads.
 */
class GoldenFilesTest {
    @TempDir
    Path dir;

    /** The dense lattice's spec as it appears in the header; the resolver maps it to the file in the temp dir. */
    private static final String DENSE_SPEC = "gen:file=golden-dense5.txt";
    private static final String DENSE_ROWS = ""
            + "2.0 0.5 -0.25 0.75 0.125\n"
            + "0.3 1.75 0.6 -0.4 0.2\n"
            + "-0.5 0.25 2.25 0.1 -0.3\n"
            + "0.7 -0.6 0.35 1.5 0.45\n"
            + "0.15 0.4 -0.55 0.65 1.9\n";

    record Case(String name, String lattice, String type, EcdqOptions.Target target, double value, double nsm,
                boolean keepNonFinite, boolean outliers, int count, int vectorsPerBlock, int threads,
                String fileSha, String decodedSha) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        EcdqOptions.Target mse = EcdqOptions.Target.MSE;
        EcdqOptions.Target rate = EcdqOptions.Target.RATE;
        EcdqOptions.Target snr = EcdqOptions.Target.SNR_DB;
        double known = Double.NaN;
        return Stream.of(
                new Case("Z1 f64 mse 0.01 nonfinite outliers", "Z1", "f64", mse, 0.01, known, true, true, 6000, 1024,
                        2,
                        "c6d71a7ea6c2ab932fe776f4678c474e3f23312fe4772a4eedd49570d3d04acc",
                        "5f15a03e60501fd433f669691afff6cb5167c55d8b0aa31d8921b2d3e587e23d"),
                new Case("Z1 f64 mse 0.25 outliers", "Z1", "f64", mse, 0.25, known, false, true, 6000, 0, 1,
                        "683c78b55fe9fabc96ce8d5b85e9fb23d754c0f0c071ad57d4c52f8ed647aeb0",
                        "95f5a3a3ee61d769489ae737c8aa725059ea9acb1249e18621bb1e589824c317"),
                new Case("Z1 f32 rate 3", "Z1", "f32", rate, 3.0, known, false, false, 5000, 0, 1,
                        "6d286a2d25945d65720e632870af96d81b4975826ece891f8cc3d1240547b561",
                        "001164c4a00af5a0bcb3096a82a3db2b3626980ff52cdc6ad37a64c3a855829d"),
                new Case("Z1 f64 mse 1e-9 fine (bucket split)", "Z1", "f64", mse, 1e-9, known, true, true, 4000, 700,
                        2,
                        "cb9ca7d8fb4cd7372f438dc31529ccded3f85bd2eb83c33ae34edca220cea0db",
                        "79cd53df73b0c9e3d09064adb12dddfd433ecace07674886e7b715a23a4ac986"),
                new Case("Z1 f64 mse 0.9 coarse", "Z1", "f64", mse, 0.9 * 1.7 * 1.7, known, false, false, 3000, 0, 1,
                        "83d4efba98a86415464513e6d77f6c24766e7fdce3696c75bc50df3c8dd186ad",
                        "4081fd9062e78f76c69045ffeeea6a61079b07873b2e9fe79dab4526f4df8574"),
                new Case("E8 f64 mse 0.01 nonfinite outliers", "E8", "f64", mse, 0.01, known, true, true, 6001, 256,
                        2,
                        "aa1803cd4dc4e4d22f801e6937220fe15f9cc5cadfac19f117c78bf5b355b55a",
                        "38c1b53b5aa7918a8046b05e673890f49954878c52f21a5bf752fc5ddd2a5e51"),
                new Case("E8 f64 mse 0.25", "E8", "f64", mse, 0.25, known, false, false, 6000, 0, 1,
                        "41b9ba6b15facd05186d0becc5c663c153f36d32830520002b55087459602c77",
                        "c1169509b33bc6ea31ac8592a6249ec12467e3432d92c77425dd8c664f5fabf6"),
                new Case("E8 f32 rate 2", "E8", "f32", rate, 2.0, known, false, true, 4000, 200, 2,
                        "11be4799f5005a6ff4b6136318a3c6727c7ad9f91d7b8b475e8b6de43345c475",
                        "5d042d0ee4a0dcd70137f2742d62828668599a7736064adfb203168473127a2b"),
                new Case("E8 f64 mse 1e-8 fine (bucket split)", "E8", "f64", mse, 1e-8, known, false, true, 4000, 0,
                        1,
                        "41643e7de6a0d0031e53f583320f831b3694059f50ba5db2cf6f681283cdf677",
                        "86bc59845449948917b805d2aa0ffc0c7182c6fe0b7d2cf51a3c22f29a15d372"),
                new Case("E8 f32 snr 12", "E8", "f32", snr, 12.0, known, true, true, 3000, 0, 1,
                        "502522ad3b1da02c1b5e461b9e8e2cd646af2361a5e492ddabaa5fddc3d16b67",
                        "d58fad758cae7ab227b4db70a325da94f9159c11ea190ff2a0fd3fbb112b7239"),
                new Case("D4 f32 mse 0.01 nonfinite outliers", "D4", "f32", mse, 0.01, known, true, true, 5000, 300,
                        2,
                        "41395a22ba8a8ef3db7185e36c37b2d1dbabe555f0f1038d2e931de1feda8922",
                        "270ffbe278f1371e0e28d4d67ebabeb4e49e69c16f3f4c5364d54f0a2176785f"),
                new Case("D4 f64 mse 0.25", "D4", "f64", mse, 0.25, known, false, false, 4000, 0, 1,
                        "387296b9ccab295ff1af1ef935858e979b3adfd51fa20d200903f5738c0c0de3",
                        "83f9e062a31a186dca9333cca7307b5c50d481e2f84d2a286f8a53a5817a1fd4"),
                new Case("dense5 f64 mse 0.01 nonfinite outliers", DENSE_SPEC, "f64", mse, 0.01, 0.08, true, true,
                        4003, 200, 2,
                        "1d051f29d5ce49ba85a52ca20a4cb6c750e9cef6eed7423945e857345d886842",
                        "0fdc750d0fab99b8a991d3d91298e6dc4cdadddcb9c95fcd90c3080096f86f6e"),
                new Case("dense5 f32 mse 0.25", DENSE_SPEC, "f32", mse, 0.25, 0.08, false, false, 3000, 0, 1,
                        "43ad99d8f794e83a6650e151dc3e162d3eeeaa4610f8dbfac37b73ba16b678e3",
                        "70000e38b658796c8a11fbc142b95c969f264d6f03fc280b48a402cbef23037b")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compressedAndDecodedFilesMatchTheRecordedHashes(Case c) throws Exception {
        Files.writeString(dir.resolve("golden-dense5.txt"), DENSE_ROWS);
        Function<String, Lattice> resolver = spec -> spec.equals(DENSE_SPEC)
                ? LatticeSpecs.parse("gen:file=" + dir.resolve("golden-dense5.txt")) : LatticeSpecs.parse(spec);
        Path in = dir.resolve("x." + c.type());
        writeSamples(in, c.type(), samples(c.count(), c.name().hashCode(), c.outliers(), c.keepNonFinite()));
        EcdqOptions opt = EcdqOptions.mse(0).withTarget(c.target(), c.value()).withLattice(c.lattice())
                .withNsm(c.nsm()).withKeepNonFinite(c.keepNonFinite()).withVectorsPerBlock(c.vectorsPerBlock())
                .withThreads(c.threads());
        Path lq = dir.resolve("x.lq");
        EcdqCompressor.compress(in, null, lq, opt, resolver);
        Path out = dir.resolve("y." + c.type());
        EcdqDecompressor.decompress(lq, out, false, c.threads(), resolver);
        String got = sha256(lq) + " " + sha256(out);
        assertEquals(c.fileSha() + " " + c.decodedSha(), got, c.name() + ": file and decoded SHA-256 changed");
    }

    /**
     * N(0.4, 1.7²) from SplitMix64 + Box–Muller in StrictMath; optionally a Cauchy outlier (scale 5) every 97th
     * sample, and NaN with a payload, +∞ and −∞ at fixed places.
     */
    static double[] samples(int count, long seed, boolean outliers, boolean nonFinite) {
        long[] state = {seed};
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            double u1 = 1.0 - uniform(state);
            double u2 = uniform(state);
            x[i] = 0.4 + 1.7 * StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        }
        if (outliers) {
            for (int i = 13; i < count; i += 97) {
                x[i] = 0.4 + 5 * StrictMath.tan(StrictMath.PI * (uniform(state) - 0.5));
            }
        }
        if (nonFinite) {
            x[3] = Double.longBitsToDouble(0x7FF8_0000_00AB_CDEFL);
            x[count / 3] = Double.POSITIVE_INFINITY;
            x[count - 2] = Double.NEGATIVE_INFINITY;
        }
        return x;
    }

    private static double uniform(long[] state) {
        long z = (state[0] += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    private static void writeSamples(Path file, String type, double[] x) throws IOException {
        boolean f32 = type.equals("f32");
        ByteBuffer b = ByteBuffer.allocate((f32 ? 4 : 8) * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            if (f32) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        Files.write(file, b.array());
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
