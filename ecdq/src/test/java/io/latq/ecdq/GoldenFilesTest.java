package io.latq.ecdq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latq.ecdq.file.FileHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression lock on format versions 2 and 3 and their models: small fixed inputs are compressed with fixed seeds and
 * decompressed, and the SHA-256 of the compressed file and of the decoded output must equal the recorded values.
 * The files themselves are kept under {@code src/test/resources/golden/v2} and {@code …/v3} (run with
 * {@code -Dlatq.golden.save=…/golden/v2} to write them; version-3 files go to the sibling {@code v3}), and
 * {@link GoldenDecodeTest} decodes every stored file of every version, so a file any landed version wrote keeps
 * decoding to the same bytes.
 *
 * <p>A speed-up must not change a single output bit: these hashes are only edited when the format or a model
 * changes on purpose, and then the format version is bumped and the old files stay in the resources.
 *
 * <p>The inputs are generated here with SplitMix64 and Box–Muller in {@link StrictMath}, so they are the same on
 * every JVM. They cover Z1, E8, D4, A2, 0.5*E8, the default polar lattice and a dense generator embedded from a
 * {@code gen:file}; float64 and float32; MSE, SNR and rate targets; the identity and DCT transforms (AR(1) data);
 * fine and coarse quantization, outliers that force escapes, NaN with a payload and ±∞ carried with keep-nonfinite;
 * several blocks, edge tiles and padded vectors; 1 and 2 threads.
 */
class GoldenFilesTest {
    @TempDir
    Path dir;

    /** Marks the dense lattice; the test writes its rows to a file in the temp dir and compresses with it. */
    private static final String DENSE_SPEC = "gen:file=golden-dense5.txt";
    private static final String DENSE_ROWS = ""
            + "2.0 0.5 -0.25 0.75 0.125\n"
            + "0.3 1.75 0.6 -0.4 0.2\n"
            + "-0.5 0.25 2.25 0.1 -0.3\n"
            + "0.7 -0.6 0.35 1.5 0.45\n"
            + "0.15 0.4 -0.55 0.65 1.9\n";

    record Case(String name, String lattice, String type, EcdqOptions.Target target, double value, double nsm,
                boolean keepNonFinite, boolean outliers, int count, int blockRows, int threads, String transform,
                String fileSha, String decodedSha, int coder) {
        /** A version-2 case (exact Gaussian coder). */
        Case(String name, String lattice, String type, EcdqOptions.Target target, double value, double nsm,
             boolean keepNonFinite, boolean outliers, int count, int blockRows, int threads, String transform,
             String fileSha, String decodedSha) {
            this(name, lattice, type, target, value, nsm, keepNonFinite, outliers, count, blockRows, threads,
                    transform, fileSha, decodedSha, FileHeader.CODER_EXACT_GAUSSIAN);
        }

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
                        2, "none",



                        "0a3963825cdb2f7d45e22c00a09d87926ab69c097a155ccba1187930f52f119b",
                        "0a1f6f37e86dd4938c4a8fc9666fa3ecc3cb38c892893285e749099cebdf5de9"),
                new Case("Z1 f32 rate 3", "Z1", "f32", rate, 3.0, known, false, false, 5000, 0, 1, "auto",



                        "9961b9973ce99a8565df477f4dcb483eb5cc91e3a150cbff9978915840017d3c",
                        "99258b7cfc4d89e9ac53abe4077ad0126b4b29bf52c840d01fee004a6325b494"),
                new Case("Z1 f64 mse 1e-9 fine", "Z1", "f64", mse, 1e-9, known, true, true, 4000, 700, 2, "none",



                        "acb5fa906e33344a484da62d9d28c91316f5c2102fcfebb589bc4688e36ab401",
                        "f3aec75dce24afc4a623f824b2ad2217753c681be620e639cab8b683551dae98"),
                new Case("Z1 f64 mse 0.9 coarse", "Z1", "f64", mse, 0.9 * 1.7 * 1.7, known, false, false, 3000, 0, 1,
                        "none",



                        "a228e4746de4289bbea55e08de2e911397b60e24cca24360685370c5c7304a96",
                        "642fce896cd67229e263197e7b4765f627b0a1ee7c80425baf301fbbed2e0de7"),
                new Case("E8 f64 mse 0.01 nonfinite outliers", "E8", "f64", mse, 0.01, known, true, true, 6001, 2048,
                        2, "none",



                        "3762e95049e5f05df175a2e4275630db4e39491996495570ecc46768ff9edeb3",
                        "0d0335093df3537479a479a7b8c6061009de3ea2ee85201716003d67bf1d850a"),
                new Case("E8 f32 snr 12", "E8", "f32", snr, 12.0, known, true, true, 3000, 0, 1, "auto",



                        "b145a90fac32f4da5f764f0d078592aafeccfddc61504f2d06dcc2f96bf6074f",
                        "671d8491cb11166c8355261c4919dc46c32343ac000ac6edad0ba96f8529907c"),
                new Case("E8 f64 ar1 dct64 mse 0.001", "E8", "ar1", mse, 0.001, known, false, false, 5000, 1024, 2,
                        "dct:64",



                        "fc95fb5813e136c5f94cfdae23aa5c413dbd931706ffdc6301b7a39ae7adfe71",
                        "d71c1ceaa740b2fe5d9d7f1973712844642e2d4dcfda95cffd48d9ab0a1b5b2f"),
                new Case("D4 f32 ar1 dct16 mse 0.01 nonfinite", "D4", "ar1f32", mse, 0.01, known, true, false,
                        4000, 0, 2, "dct:16",



                        "a6d78bbe10582157cedbb1988ba39d51344395c7426b5c25caedc1eceefd5712",
                        "448cf7479cdb7b99522047d594ddc47ddbb529954f848b47ed1512a29665de90"),
                new Case("A2 f64 mse 0.01", "A2", "f64", mse, 0.01, known, false, true, 3000, 0, 1, "none",



                        "995b5df5cf1661a10899ed060a58135c7e859018480788bf8b339bb33552a20c",
                        "79d89504f1af800ea8264ffeed39ff5a3f5defc863f9e0aac1eea790616050eb"),
                new Case("half-E8 f32 mse 0.05", "0.5*E8", "f32", mse, 0.05, known, false, false, 3000, 0, 1, "none",




                        "ee0a8986a49d53c2a4fd73d7f5f4e5a8b31ad5ce41bf1ae569508b25157a5be8",
                        "c3bd5e7567eed7599910cbf0499940b93dcb7fc2e09482ef2c3bdb5824d8e8e6"),
                new Case("polar-n1024 ar1 mse 0.001", "polar:n=1024", "ar1", mse, 0.001, 0.0605, false, false, 5000,
                        0, 2, "auto",



                        "3823be0b69005b5d39e78ebdbde1f5f5361acc164f0d393459faca3f361b8f77",
                        "a296e38d9363b9be11898b21c188b00f9dd12976b6067373ed0338b08df3d4ef"),
                new Case("polar-n1024 estimated G f64 mse 0.01", "polar:n=1024", "f64", mse, 0.01, known, false,
                        false, 4096, 0, 2, "none",


                        "ed4dce840b8580d92b38ee1d519980c37b4aa553f5789a3d26416ce8384b14e7",
                        "c9dbaa4860e7bc62592140cb4f4e3bf0591d1bbb18438b2dd555886424ea9bf2"),
                new Case("dense5 f64 mse 0.01 nonfinite outliers", DENSE_SPEC, "f64", mse, 0.01, 0.08, true, true,
                        4003, 0, 2, "none",



                        "102443f25151a4e431ffdd308dd49bb869cc13dc53f2f2552da947d9fd42ea15",
                        "193d36364715c8e4df152930acb36b999efcd8382ba4262ab3784191758a126b"),
                // version 3: the phase-table coder
                new Case("v3 Z1 f64 mse 0.01 nonfinite outliers", "Z1", "f64", mse, 0.01, known, true, true, 6000,
                        1024, 2, "none",
                        "9f0e029e68aebe438e852e8d945fa16d76b0acd668a69bb7419c786ee069ab3c",
                        "e857a08e48938d231778e235e69670cf09c0db2269a8c4df3f0e651421d11d5a",
                        FileHeader.CODER_PHASE_TABLE),
                new Case("v3 E8 f64 ar1 dct mse 0.001", "E8", "ar1", mse, 0.001, known, false, false, 5000, 1024, 2,
                        "auto",
                        "d4d047d3bdf8e76ffdc48ad2524ee761843903746344705026754456bb167bb1",
                        "58deb280de4ef333272e625352a3328fbc5a8964f2175c0d9488bebac1c73e88",
                        FileHeader.CODER_PHASE_TABLE),
                new Case("v3 A2 f32 snr 12", "A2", "f32", snr, 12.0, known, false, true, 3000, 0, 1, "none",
                        "8be31c1c84ff40c10201cc1f1fccf30bb977a087ae08d76d1fff24693fae37b1",
                        "a93bf24dfddfaae47bf2f04058c87aa81b11302e9a370836a916d97b887e82fb",
                        FileHeader.CODER_PHASE_TABLE),
                new Case("v3 polar-n1024 f64 mse 0.01", "polar:n=1024", "f64", mse, 0.01, known, false, false, 4096, 0,
                        2, "none",
                        "9f913040b28387f02f3f5c57487ae5a28beff1b38f322fb9f0cf366aa26bd10c",
                        "8afda0b00f31b007d33e07d93fd99e6ec976c6755cbb366eeabe714dd7220cf8",
                        FileHeader.CODER_PHASE_TABLE),
                new Case("v3 polar-n1024 ar1 mse 0.4 coarse", "polar:n=1024", "ar1", mse, 0.4, known, false, false,
                        5000, 0, 1, "auto",
                        "59ccca853d3271af7a73f1ac59ebba78acc9ea9d2aa67e68116ff28ef8920a7a",
                        "c58447491ea4fa2d780b39da5d11cf03ad908704b5b9494c9f9dbebe9e01c0d9",
                        FileHeader.CODER_PHASE_TABLE),
                // version 3: the polar-lattice point coder (κ_c chosen by trial encodings)
                new Case("v3 polar-levels n1024 f64 mse 0.4", "polar:n=1024", "f64", mse, 0.4, known, false, false,
                        6000, 0, 2, "none",
                        "b5d9d04985f3a902337e14ab4e8277af4a09550c7536ca82680af71784f6609f",
                        "fd3cac3a687c3ce648e41a07f33dd3564b80f14d01b2eaca664758d1c20d0d8b",
                        FileHeader.CODER_POLAR_LEVELS),
                new Case("v3 polar-levels n256 ar1 mse 0.1", "polar:n=256", "ar1", mse, 0.1, known, false,
                        false, 5000, 0, 1, "auto",
                        "b2620f0d7195737382a600572823f9229643fc7af1a464039759fe1e322e1961",
                        "ed19dd5dd90dd658fc1475d498d068c0276f30434f5e538cea63b68977f7a652",
                        FileHeader.CODER_POLAR_LEVELS)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compressedAndDecodedFilesMatchTheRecordedHashes(Case c) throws Exception {
        Files.writeString(dir.resolve("golden-dense5.txt"), DENSE_ROWS);
        String lattice = c.lattice().equals(DENSE_SPEC) ? "gen:file=" + dir.resolve("golden-dense5.txt")
                : c.lattice();
        boolean ar1 = c.type().startsWith("ar1");
        String type = c.type().equals("ar1") ? "f64" : c.type().equals("ar1f32") ? "f32" : c.type();
        Path in = dir.resolve("x." + type);
        double[] data = ar1 ? ar1(c.count(), c.name().hashCode(), 0.95) : samples(c.count(), c.name().hashCode(),
                c.outliers(), c.keepNonFinite());
        if (ar1 && c.keepNonFinite()) {
            data[7] = Double.NaN;
            data[c.count() - 3] = Double.POSITIVE_INFINITY;
        }
        writeSamples(in, type, data);
        EcdqOptions opt = EcdqOptions.mse(0).withTarget(c.target(), c.value()).withLattice(lattice)
                .withNsm(c.nsm()).withKeepNonFinite(c.keepNonFinite()).withBlockRows(c.blockRows())
                .withThreads(c.threads()).withTransform(c.transform()).withSeed((long) c.name().hashCode())
                .withCoder(c.coder());
        Path lq = dir.resolve("x.lq");
        EcdqCompressor.compress(in, null, lq, opt);
        Path out = dir.resolve("y." + type);
        EcdqDecompressor.decompress(lq, out, TestData.dec(false, c.threads()));
        String got = sha256(lq) + " " + sha256(out);
        String save = System.getProperty("latq.golden.save");
        if (save != null) {
            // version-2 files go to DIR, version-3 files to DIR/../v3
            Path d = c.coder() == FileHeader.CODER_EXACT_GAUSSIAN ? Path.of(save) : Path.of(save).resolveSibling("v3");
            Files.createDirectories(d);
            String slug = c.name().replaceAll("[^A-Za-z0-9.]+", "-");
            Files.copy(lq, d.resolve(slug + ".lq"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(d.resolve(slug + ".sha256"), sha256(out) + "\n");
            System.out.println("GOLDEN " + c.name() + " " + got);
        }
        assertEquals(c.fileSha() + " " + c.decodedSha(), got, c.name() + ": file and decoded SHA-256 changed");
    }

    /** AR(1) with correlation rho and unit variance, innovations from {@link #samples}. */
    static double[] ar1(int count, long seed, double rho) {
        double[] e = samples(count, seed, false, false);
        double[] x = new double[count];
        double s = StrictMath.sqrt(1 - rho * rho);
        double prev = (e[0] - 0.4) / 1.7;
        x[0] = prev;
        for (int i = 1; i < count; i++) {
            prev = rho * prev + s * (e[i] - 0.4) / 1.7;
            x[i] = prev;
        }
        return x;
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
