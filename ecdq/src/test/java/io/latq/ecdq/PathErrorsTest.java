package io.latq.ecdq;

import io.latq.common.LatqException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.samples.SampleComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a missing output directory was reported through the name of the temporary file that could not be
 * created ("no such file: …/.x.lq.1f2e….part"), and a directory given as input as a bare "Is a directory" I/O error.
 */
class PathErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingOutputDirectoryIsNamedAndNothingIsLeftBehind() throws Exception {
        Path in = TestData.writeF64(dir.resolve("x.f64"), TestData.gaussian(100, 0, 1, 1));
        Path out = dir.resolve("missing").resolve("x.lq");
        LatqException e = assertThrows(LatqException.class, () -> EcdqCompressor.compress(in, null, out,
                EcdqOptions.mse(0.1)));
        assertEquals("cannot write " + out + ": directory " + dir.resolve("missing") + " does not exist",
                e.getMessage());
        Path lq = dir.resolve("x.lq");
        EcdqCompressor.compress(in, null, lq, EcdqOptions.mse(0.1));
        Path notDir = dir.resolve("x.f64").resolve("y.f64"); // parent is a regular file
        e = assertThrows(LatqException.class, () -> EcdqDecompressor.decompress(lq, notDir, TestData.dec(false, 1)));
        assertTrue(e.getMessage().endsWith(dir.resolve("x.f64") + " is not a directory"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files");
        }
    }

    @Test
    void directoryAsInputIsRefusedByName() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("data.f64"));
        LatqException c = assertThrows(LatqException.class, () -> EcdqCompressor.compress(sub, null,
                dir.resolve("o.lq"), EcdqOptions.mse(0.1)));
        assertEquals("input " + sub + " is a directory, not a sample file", c.getMessage());
        LatqException d = assertThrows(LatqException.class,
                () -> EcdqDecompressor.decompress(sub, dir.resolve("o.f64"), TestData.dec(false, 1)));
        assertEquals("input " + sub + " is a directory, not a latq file", d.getMessage());
        assertThrows(LatqException.class, () -> EcdqInspector.inspect(sub));
        assertThrows(LatqException.class, () -> SampleComparison.compare(sub, "f64", sub, "f64"));
    }
}
