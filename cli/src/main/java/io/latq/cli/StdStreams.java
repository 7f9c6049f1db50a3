package io.latq.cli;

import io.latq.common.LatqException;
import io.latq.common.output.TempDirectory;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code -} for standard input and output. The ECDQ coders read their input several times (statistics, transform
 * choice, coding) and the decoder checks sizes against the file's length, so a pipe is spooled once to a private
 * temporary directory (one pass over the pipe, constant memory, disk as large as the data) and an output for
 * standard output is written there first and copied out when complete: nothing reaches stdout unless the command
 * succeeds. The directory is removed when the command ends, and by a shutdown hook on Ctrl-C or SIGTERM.
 */
final class StdStreams implements AutoCloseable {
    private TempDirectory dir;

    static boolean isDash(Path p) {
        return p != null && p.toString().equals("-");
    }

    /** The directory for this command's spool files, created on first use. */
    private TempDirectory dir() throws IOException {
        if (dir == null) {
            dir = TempDirectory.create("latq-stdio-");
        }
        return dir;
    }

    /** {@code p} itself, or a file holding all of standard input when {@code p} is {@code -}. */
    Path input(Path p, String name) throws IOException {
        if (!isDash(p)) {
            return p;
        }
        Path f = dir().resolve(name);
        try (InputStream in = System.in; OutputStream out = Files.newOutputStream(f)) {
            in.transferTo(out);
        }
        if (Files.size(f) == 0) {
            throw new LatqException("standard input is empty");
        }
        return f;
    }

    /** {@code p} itself, or a not yet existing file in the spool directory when {@code p} is {@code -}. */
    Path output(Path p, String name) throws IOException {
        return isDash(p) ? dir().resolve(name) : p;
    }

    /** Copies a finished output to standard output (raw bytes, not through the text writer). */
    static void toStdout(Path f) throws IOException {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        Files.copy(f, out);
        out.flush();
    }

    @Override
    public void close() {
        if (dir != null) {
            dir.close();
        }
    }
}
