package io.latq.ecdq.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.EcdqDecompressor;
import io.latq.ecdq.EcdqOptions;
import io.latq.ecdq.TestData;
import io.latq.ecdq.file.FileHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused Z1 kernel ({@code forEachIntegerCell}: a cell per call, the single-coordinate form of the successive coder)
 * against its oracle, the general per-vector walk: the same file bytes and the same decoded samples, over transforms,
 * uncoded cells, split models (fine steps), escapes (outliers), non-finite samples and both successive coders.
 */
class TransformBlockCoderScalarTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Z1", "none", 0.01, false, FileHeader.CODER_PHASE_TABLE),
                Arguments.of("Z1", "dct:64", 0.3, false, FileHeader.CODER_PHASE_TABLE),
                Arguments.of("Z1", "auto", 1e-9, true, FileHeader.CODER_PHASE_TABLE),
                Arguments.of("Z1", "none", 2.0, true, FileHeader.CODER_EXACT_GAUSSIAN),
                Arguments.of("Z1", "dct:16", 0.05, false, FileHeader.CODER_EXACT_GAUSSIAN));
    }

    @ParameterizedTest(name = "{0} {1} mse {2} outliers {3} coder {4}")
    @MethodSource("cases")
    void sameBytesAndSamplesAsTheGeneralWalk(String lattice, String transform, double mse, boolean outliers,
                                             int coder) throws Exception {
        double[] x = TestData.gaussian(20000, 3.0, 2.0, 17);
        for (int i = 1; i < x.length; i++) {
            x[i] = 0.9 * x[i - 1] + 0.4 * x[i]; // some memory, so transforms leave cells under water
        }
        if (outliers) {
            x[5] = 1e12;
            x[700] = -3e9;
            x[901] = Double.NaN;
        }
        Path in = TestData.writeF64(dir.resolve("x.f64"), x);
        EcdqOptions opt = EcdqOptions.mse(mse).withLattice(lattice).withTransform(transform).withSeed(5L)
                .withThreads(1).withKeepNonFinite(true).withCoder(coder).withForce(true);
        byte[][] files = new byte[2][];
        byte[][] decoded = new byte[2][];
        for (int generic = 0; generic < 2; generic++) {
            TransformBlockCoder.GENERIC_WALK.set(generic == 1);
            try {
                Path lq = dir.resolve("x" + generic + ".lq");
                EcdqCompressor.compress(in, null, lq, opt);
                Path out = dir.resolve("y" + generic + ".f64");
                EcdqDecompressor.decompress(lq, out, TestData.dec(true, 1));
                files[generic] = Files.readAllBytes(lq);
                decoded[generic] = Files.readAllBytes(out);
            } finally {
                TransformBlockCoder.GENERIC_WALK.remove();
            }
        }
        assertArrayEquals(files[1], files[0], "file bytes");
        assertArrayEquals(decoded[1], decoded[0], "decoded samples");
    }
}
