package io.latq.ecdq.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latq.ecdq.TestData;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.file.FileHeader;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleType;
import io.latq.ecdq.transform.TransformPlan;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link TransformBlockCoder#encodePart}: the rows of a block coded as a block of that many rows. */
class EncodePartTest {

    private static TransformBlockCoder coder(Lattice lat, long count, TransformPlan plan) {
        return coder(lat, header(lat, count, plan));
    }

    private static TransformBlockCoder coder(Lattice lat, FileHeader h) {
        return new TransformBlockCoder(lat, TriangularBasis.of(lat.generator()), h);
    }

    private static FileHeader header(Lattice lat, long count, TransformPlan plan) {
        return new FileHeader(SampleFormat.raw(SampleType.F64, false, count), new byte[FileHeader.ID_BYTES],
                new byte[] {1}, lat.dimension(), EcdqHeader.generatorHash(lat.generator()), lat.log2Volume(),
                0.0716821, 7L, 0, 0.01, 1.0, false, 0, plan, new double[] {0.5}, new double[] {1.0},
                new double[] {0.01}, 0, FileHeader.CODER_PHASE_TABLE, 1.0);
    }

    @Test
    void sharedTrialPointsGiveTheBytesOfAFreshQuantization() throws Exception {
        Lattice e8 = LatticeSpecs.parse("E8");
        double[] x = TestData.gaussian(4096, 0.5, 1.0, 12);
        TransformPlan plan = new TransformPlan(new long[] {4096}, 1, 1, new int[] {64}, 4096, null);
        FileHeader base = header(e8, 4096, plan);
        TransformBlockCoder.TrialPoints shared = new TransformBlockCoder.TrialPoints();
        // headers that differ only in the model share the points; one with another water level does not
        FileHeader[] trials = {base, base.withDesign(base.theta(), 0.25),
            base.withCoder(FileHeader.CODER_EXACT_GAUSSIAN, 1.0), base.withDesign(base.theta(), 0.5),
            base.withDesign(new double[] {0.02}, 1.0)};
        for (FileHeader h : trials) {
            for (int rows : new int[] {4096, 1000}) {
                assertArrayEquals(coder(e8, h).encodePart(0, x, rows).bytes(),
                        coder(e8, h).encodePart(0, x, rows, shared).bytes(), h + " rows " + rows);
            }
        }
        assertSame(shared.pointsOf(base), shared.pointsOf(trials[2]));
        assertNotSame(shared.pointsOf(base), shared.pointsOf(trials[4]));
        assertEquals(2, shared.pointsOf(base).size()); // (block 0, 4096 rows) and (block 0, 1000 rows)
        // the polar coder checks coefficients against its own limit: its trials share points among themselves only
        FileHeader polar = base.withCoder(FileHeader.CODER_POLAR_LEVELS, 0.5);
        assertNotSame(shared.pointsOf(base), shared.pointsOf(polar));
        assertSame(shared.pointsOf(polar), shared.pointsOf(polar.withCoarseScale(0.8)));
    }

    @Test
    void allRowsAreTheBlockAndFewerRowsAreTheShorterBlockOfAnotherPlan() throws Exception {
        Lattice e8 = LatticeSpecs.parse("E8");
        double[] x = TestData.gaussian(4096, 0.5, 1.0, 11);
        TransformPlan plan = new TransformPlan(new long[] {4096}, 1, 1, new int[] {64}, 4096, null);
        TransformBlockCoder c = coder(e8, 4096, plan);
        assertArrayEquals(c.encode(0, x, 4096, 0, null).bytes(), c.encodePart(0, x, 4096).bytes());
        // 1000 rows of the 4096-row block code as the only block of a 1000-sample file would
        TransformPlan shortPlan = new TransformPlan(new long[] {1000}, 1, 1, new int[] {64}, 1000, null);
        byte[] whole = coder(e8, 1000, shortPlan).encode(0, Arrays.copyOf(x, 1000), 1000, 0, null).bytes();
        byte[] part = c.encodePart(0, x, 1000).bytes();
        // block bytes carry the block's sample count and the header's file id, both equal here
        assertEquals(whole.length, part.length);
        assertArrayEquals(whole, part);
        assertThrows(IllegalArgumentException.class, () -> c.encodePart(0, x, 0));
        assertThrows(IllegalArgumentException.class, () -> c.encodePart(0, x, 4097));
    }
}
