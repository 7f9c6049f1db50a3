package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keeps no class-data-sharing archive when a training step fails, which would only show as slower
 * starts: every step must succeed, and the training leaves its files in its own directory.
 */
class CdsTrainingTest {
    @TempDir
    Path dir;

    @Test
    void everyStepSucceeds() throws Exception {
        assertEquals(0, CdsTraining.train(dir));
        assertEquals(8L * 32768, Files.size(dir.resolve("u.f64")), "the decoded file");
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "t.f64, t.lq and u.f64 only");
        }
    }
}
