package io.latq.common.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary directory that is removed with everything in it on {@link #close()}, and by a shutdown hook if
 * the process ends first (Ctrl-C, SIGTERM). For spooled pipes, scratch files of a sweep and the Java API's arrays.
 */
public final class TempDirectory implements AutoCloseable {
    private final Path dir;
    private final Thread cleanup;

    private TempDirectory(Path dir) {
        this.dir = dir;
        this.cleanup = new Thread(() -> deleteQuietly(dir), "latq-temp-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Creates a directory named {@code prefix…} in the system's temporary directory. */
    public static TempDirectory create(String prefix) throws IOException {
        return new TempDirectory(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() {
        deleteQuietly(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
    }

    private static void deleteQuietly(Path d) {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a temporary directory
        }
    }
}
