package io.latq.ecdq;

import io.latq.common.LatqException;
import io.latq.ecdq.block.TransformBlockCoder;
import io.latq.ecdq.file.FileHeader;
import io.latq.ecdq.transform.TransformPlan;
import io.latq.ecdq.index.TriangularBasis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleType;
import io.latq.lattice.LatticeSpecs;
import io.latq.lattice.Lattice;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcdqRoundTripTest {
    @TempDir
    Path dir;

    /** Gaussian body with Cauchy outliers (forcing escapes) and, optionally, non-finite values. */
    static double[] awkwardData(int count, long seed, boolean nonFinite) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = TestData.gaussian(count, 3.0, 2.0, seed);
        for (int i = 0; i < count; i += 37) {
            x[i] = 3.0 + 50.0 * Math.tan(Math.PI * (r.nextDouble() - 0.5)); // heavy tail
        }
        if (nonFinite) {
            x[5] = Double.NaN;
            x[6] = Double.longBitsToDouble(0x7FF0_0000_0000_1234L); // signalling NaN with payload
            x[count - 1] = Double.POSITIVE_INFINITY;
            x[count / 2] = Double.NEGATIVE_INFINITY;
        }
        return x;
    }

    private static FileHeader header(Lattice lat, double mse, boolean keep, long count, TransformPlan plan) {
        int c = plan.channels();
        double[] mean = new double[c];
        double[] scale = new double[c];
        double[] theta = new double[c];
        java.util.Arrays.fill(mean, 3.0);
        java.util.Arrays.fill(scale, 1.0);
        java.util.Arrays.fill(theta, mse);
        return new FileHeader(SampleFormat.raw(SampleType.F64, false, count), new byte[FileHeader.ID_BYTES],
                new byte[] {1}, lat.dimension(), EcdqHeader.generatorHash(lat.generator()), lat.log2Volume(),
                1.0 / 12, 99L, 0, mse, 1.0, keep, 0, plan, mean, scale, theta, 0, FileHeader.CODER_EXACT_GAUSSIAN,
                1.0);
    }

    @ParameterizedTest
    @CsvSource({"Z1,1", "Z3,1", "D4,64", "E8,1", "E8,64", "DENSE6,1", "DENSE6,16", "E8,1024"})
    void decoderReproducesTheEncodersTrackedReconstructionBitForBit(String spec, int tile) throws Exception {
        Lattice lat = spec.equals("DENSE6") ? denseLattice() : LatticeSpecs.parse(spec);
        int count = 4099; // not a multiple of the dimension or the tile: padded vector and edge tiles
        double[] x = awkwardData(count, spec.hashCode(), true);
        TransformPlan plan = new TransformPlan(new long[] {count}, 1, 1, new int[] {tile}, count, null);
        FileHeader h = header(lat, 0.003, true, count, plan);
        TriangularBasis basis = TriangularBasis.of(lat.generator());
        TransformBlockCoder enc = new TransformBlockCoder(lat, basis, h);
        double[] tracked = new double[count];
        TransformBlockCoder.Encoded e = enc.encode(0, x, count, 0, tracked);
        BlockFormat.Block blk = BlockFormat.read(new ByteArrayInputStream(e.bytes()), 0, count,
                plan.cellsPerBlock(), h.maxPayload(0), e.bytes().length, h.fileId());
        assertEquals(4, blk.nonFiniteOffsets().length);
        double[] decoded = new double[count];
        new TransformBlockCoder(lat, basis, h).decode(blk, decoded);
        long[] a = new long[count];
        long[] b = new long[count];
        for (int i = 0; i < count; i++) {
            a[i] = Double.doubleToRawLongBits(tracked[i]);
            b[i] = Double.doubleToRawLongBits(decoded[i]);
        }
        assertArrayEquals(a, b);
        assertEquals(Double.doubleToRawLongBits(x[6]), b[6], "NaN payload carried exactly");
        // the outliers are reconstructed within the quantizer's reach, i.e. escapes work
        for (int i = 0; i < count; i += 37) {
            assertTrue(Math.abs(decoded[i] - x[i]) < 0.05 * Math.abs(x[i] - 3.0) + 1.0, "sample " + i);
        }
    }

    @Test
    void fileRoundTripMatchesReportedStatisticsExactly() throws Exception {
        int count = 20_000;
        double[] x = TestData.gaussian(count, -1.5, 0.7, 3);
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        EcdqOptions opt = EcdqOptions.mse(0.001).withLattice("E8").withBlockRows(2400);
        CompressionReport r = EcdqCompressor.compress(in, null, dir.resolve("x.lq"), opt);
        EcdqDecompressor.decompress(dir.resolve("x.lq"), dir.resolve("y.f64"), TestData.dec(false, 1));
        double[] y = TestData.readF64(dir.resolve("y.f64"));
        assertEquals(count, y.length);
        // recompute the error statistics in the encoder's summation order: per block, then blocks in order
        int spb = 300 * 8;
        double sse = 0;
        double max = 0;
        for (int start = 0; start < count; start += spb) {
            double blockSse = 0;
            for (int i = start; i < Math.min(count, start + spb); i++) {
                double e = y[i] - x[i];
                blockSse += e * e;
                max = Math.max(max, Math.abs(e));
            }
            sse += blockSse;
        }
        assertEquals(r.mse(), sse / count, 0.0);
        assertEquals(r.maxAbsError(), max, 0.0);
        assertEquals(Files.size(dir.resolve("x.lq")), r.bytes());
    }

    @Test
    void outputIsIdenticalForAnyThreadCount() throws Exception {
        double[] x = awkwardData(50_000, 11, true);
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        EcdqOptions opt = EcdqOptions.mse(0.01).withLattice("E8").withBlockRows(2000).withKeepNonFinite(true)
                .withSeed(11L);
        EcdqCompressor.compress(in, null, dir.resolve("t1.lq"), opt.withThreads(1));
        EcdqCompressor.compress(in, null, dir.resolve("t4.lq"), opt.withThreads(4));
        assertArrayEquals(Files.readAllBytes(dir.resolve("t1.lq")), Files.readAllBytes(dir.resolve("t4.lq")));
        EcdqDecompressor.decompress(dir.resolve("t1.lq"), dir.resolve("d1.f64"), TestData.dec(false, 1));
        EcdqDecompressor.decompress(dir.resolve("t1.lq"), dir.resolve("d3.f64"), TestData.dec(false, 3));
        assertArrayEquals(Files.readAllBytes(dir.resolve("d1.f64")), Files.readAllBytes(dir.resolve("d3.f64")));
    }

    /** The rate search and the model fit code the subsample on all threads; the chosen design must not change. */
    @Test
    void rateTargetOutputIsIdenticalForAnyThreadCount() throws Exception {
        double[] x = awkwardData(30_000, 12, false);
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        for (String lattice : new String[] {"Z1", "E8"}) {
            EcdqOptions opt = EcdqOptions.mse(0).withTarget(EcdqOptions.Target.RATE, 2.5).withLattice(lattice)
                    .withBlockRows(4000).withForce(true).withSeed(12L);
            CompressionReport r1 = EcdqCompressor.compress(in, null, dir.resolve("r1.lq"), opt.withThreads(1));
            CompressionReport r3 = EcdqCompressor.compress(in, null, dir.resolve("r3.lq"), opt.withThreads(3));
            assertArrayEquals(Files.readAllBytes(dir.resolve("r1.lq")), Files.readAllBytes(dir.resolve("r3.lq")),
                    lattice);
            assertEquals(r1.line(), r3.line());
        }
    }

    @Test
    void zeroRateWhenTheTargetExceedsTheVariance() throws Exception {
        double[] x = TestData.gaussian(1000, 2.0, 0.5, 5);
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        CompressionReport r = EcdqCompressor.compress(in, null, dir.resolve("x.lq"), EcdqOptions.mse(1.0));

        assertTrue(r.bytes() < 300, "zero-rate file is only headers: " + r.bytes());
        EcdqDecompressor.decompress(dir.resolve("x.lq"), dir.resolve("y.f64"), TestData.dec(false, 1));
        double[] y = TestData.readF64(dir.resolve("y.f64"));
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        for (double v : y) {
            assertEquals(mean / x.length, v, 1e-12);
        }
        assertEquals(0.25, r.mse(), 0.25 * 4 * Math.sqrt(2.0 / x.length)); // MSE = σ² at zero rate
    }

    @Test
    void snrAndRateTargets() throws Exception {
        double[] x = TestData.gaussian(40_000, 0, 1, 8);
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        CompressionReport s = EcdqCompressor.compress(in, null, dir.resolve("s.lq"),
                EcdqOptions.mse(0).withTarget(EcdqOptions.Target.SNR_DB, 20));
        assertEquals(20.0, s.snrDb(), 0.15); // relative MSE SE ≈ 0.7% → 0.03 dB; 0.15 dB is about 5 SE
        CompressionReport r = EcdqCompressor.compress(in, null, dir.resolve("r.lq"),
                EcdqOptions.mse(0).withTarget(EcdqOptions.Target.RATE, 3.0).withLattice("E8"));
        // the subsample estimate has SE ≈ 1 bit/√65536 ≈ 0.004; allow a few SE
        assertEquals(3.0, r.bitsPerSample(), 0.03, r.line());
    }

    @Test
    void constantAndHugeInputsAreHandled() throws Exception {
        double[] c = new double[500];
        java.util.Arrays.fill(c, 4.25);
        Path in = TestData.writeF64(dir.resolve("c.f64"), c);
        CompressionReport r = EcdqCompressor.compress(in, null, dir.resolve("c.lq"),
                EcdqOptions.mse(1e-6).withLattice("E8"));
        assertEquals(0.0, r.mse());
        EcdqDecompressor.decompress(dir.resolve("c.lq"), dir.resolve("c.out.f64"), TestData.dec(false, 1));
        assertArrayEquals(c, TestData.readF64(dir.resolve("c.out.f64")));
        double[] h = {1e300, -1e300, 1e300};
        Path hin = TestData.writeF64(dir.resolve("h.f64"), h);
        LatqException e = org.junit.jupiter.api.Assertions.assertThrows(LatqException.class,
                () -> EcdqCompressor.compress(hin, null, dir.resolve("h.lq"), EcdqOptions.mse(1)));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }

    /** A lattice with a dense, non-triangular generator (exact closest point by sphere decoding). */
    private static Lattice denseLattice() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(12345L);
        double[][] rows = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                rows[i][j] = (i == j ? 2.0 : 0.0) + rnd.nextDouble() - 0.5;
            }
        }
        return new io.latq.lattice.search.GeneratorMatrixLattice("DENSE6", rows);
    }
}
