package io.latq.ecdq;

import io.latq.common.LatqException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file that appears only when complete: data go to a temporary file in the target's directory, which is
 * synced and renamed onto the target with {@link StandardCopyOption#ATOMIC_MOVE} by {@link #commit()}. Closing
 * without a commit deletes the temporary file. An existing target is never replaced unless {@code force}.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final boolean force;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, boolean force, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.force = force;
        this.channel = channel;
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** Checks that {@code target} may be written and opens the temporary file next to it. */
    public static AtomicOutput create(Path target, boolean force) throws IOException {
        checkTarget(target, force);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path temp = createTemp(dir, abs.getFileName().toString());
        try {
            FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new AtomicOutput(abs, temp, force, ch);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Creates {@code .NAME.<random>.part} in {@code dir} with CREATE_NEW; unlike Files.createTempFile this keeps the
     * default (umask) permissions, so the final file gets the same permissions as any other new file.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        java.security.SecureRandom rnd = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + name + "." + Long.toHexString(rnd.nextLong() & Long.MAX_VALUE) + ".part");
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Refuses an existing target unless {@code force}, a target that is a directory, and a target whose directory
     * does not exist (named as such, rather than through the temporary file that could not be created).
     */
    public static void checkTarget(Path target, boolean force) throws LatqException {
        if (Files.isDirectory(target)) {
            throw new LatqException("output " + target + " is a directory");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new LatqException("cannot write " + target + ": " + (Files.exists(dir) ? dir + " is not a directory"
                    : "directory " + dir + " does not exist"));
        }
        if (!force && Files.exists(target)) {
            throw new LatqException("output " + target + " already exists (use --force to overwrite)");
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically (temp file, sync, rename). */
    public static void writeString(Path target, String text, boolean force) throws IOException {
        try (AtomicOutput o = create(target, force)) {
            o.stream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            o.commit();
        }
    }

    public OutputStream stream() {
        return stream;
    }

    /** Bytes written so far (after flushing). */
    public long size() throws IOException {
        stream.flush();
        return channel.size();
    }

    /** Flushes, syncs and renames the temporary file onto the target. */
    public void commit() throws IOException {
        stream.flush();
        channel.force(true);
        stream.close();
        checkTarget(target, force);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new LatqException("cannot rename atomically onto " + target + ": " + e.getMessage());
        }
        committed = true;
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the temporary file is deleted below either way
            }
            Files.deleteIfExists(temp);
        }
    }
}
