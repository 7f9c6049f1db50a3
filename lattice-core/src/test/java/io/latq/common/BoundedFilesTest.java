package io.latq.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsSmallRegularUtf8Files() throws IOException {
        Path p = dir.resolve("a.txt");
        Files.writeString(p, "héllo");
        assertEquals("héllo", BoundedFiles.readUtf8(p, 6));
        assertTrue(assertThrows(IOException.class, () -> BoundedFiles.readUtf8(p, 5)).getMessage()
                .contains("larger than the limit of 5 bytes"));
        Files.write(p, new byte[] {'a', (byte) 0xC3});
        assertEquals("not valid UTF-8", assertThrows(IOException.class, () -> BoundedFiles.readUtf8(p, 100))
                .getMessage());
        assertThrows(NoSuchFileException.class, () -> BoundedFiles.readUtf8(dir.resolve("none"), 100));
    }

    @Test
    void devicesFifosAndDirectoriesAreRefusedWithoutBlocking() throws Exception {
        assertEquals("not a regular file", assertThrows(IOException.class, () -> BoundedFiles.readUtf8(dir, 100))
                .getMessage());
        if (Files.exists(Path.of("/dev/zero"))) {
            assertThrows(IOException.class, () -> BoundedFiles.readUtf8(Path.of("/dev/zero"), 100));
        }
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() == 0) {
            // opening a FIFO without a writer would block forever
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(IOException.class, () -> BoundedFiles.readUtf8(fifo, 100)));
            assertEquals("not a regular file", e.getMessage());
        }
    }

    @Test
    void excerptsAreShortAndOnOneLine() {
        assertEquals("a?b", BoundedFiles.excerpt("a\nb", 10));
        assertEquals("abcdefg...", BoundedFiles.excerpt("abcdefghijklmnop", 10));
        assertEquals("null", BoundedFiles.excerpt(null, 10));
        assertEquals("x?y?z", BoundedFiles.excerpt("x\u2028y\rz", 10));
    }
}
