package io.latq.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an output file atomically: the data go to a temporary file in the target's directory, which is forced to
 * disk and then moved over the target with ATOMIC_MOVE, so a reader never sees a partial file and a failure leaves no
 * file behind. Without {@code force} an existing target is refused before anything is written.
 * (Note for the lead: io.latq.ecdq's AtomicOutput may replace this once the branches meet.)
 */
final class AtomicFiles {

    /** Writes the data through a channel. */
    interface ChannelWriter {
        void write(FileChannel ch) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Refuses an existing target unless {@code force}. */
    static void checkTarget(Path target, boolean force) throws IOException {
        if (!force && Files.exists(target)) {
            throw new FileAlreadyExistsException(target + " (use --force to overwrite)");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new java.nio.file.NoSuchFileException(parent + " (the output directory)");
        }
    }

    /** Writes text (UTF-8). */
    static void writeString(Path target, String text, boolean force) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(target, force, ch -> {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        });
    }

    /** Writes through {@code writer}, then moves the temporary file into place. */
    static void write(Path target, boolean force, ChannelWriter writer) throws IOException {
        checkTarget(target, force);
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(ch);
                ch.force(true);
            }
            if (!force && Files.exists(target)) {
                throw new FileAlreadyExistsException(target + " (use --force to overwrite)");
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** An OutputStream view of a channel (unbuffered; wrap it). */
    static OutputStream stream(FileChannel ch) {
        return java.nio.channels.Channels.newOutputStream(ch);
    }
}
