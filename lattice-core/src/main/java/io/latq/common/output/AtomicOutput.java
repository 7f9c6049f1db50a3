package io.latq.common.output;

import io.latq.common.BoundedFiles;
import io.latq.common.LatqException;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An output file that appears only when complete, and never replaces a file unless asked to.
 *
 * <p><b>Protocol.</b> {@link #create} checks the target and creates a temporary file {@code .lq-XXXXXXXX.tmp} (8 random
 * hex digits; 16 bytes, so any legal target name works) in the target's directory with CREATE_NEW. Data go there.
 * {@link #commit()} flushes and syncs it, then:
 * <ul>
 *   <li>without {@code force}: hard-links the target to it ({@link Files#createLink}) and deletes the temporary name.
 *       link(2) fails if the target name exists in any form, including a dangling symbolic link, so a file that
 *       appeared after {@link #create} (another writer, a race) is never clobbered: the commit fails with
 *       "output X already exists (use --force to overwrite)". Where the file system has no hard links
 *       ({@link UnsupportedOperationException} or a {@link FileSystemException} from createLink) it falls back to
 *       {@link Files#move} without REPLACE_EXISTING, which checks for the target and then renames: a target created
 *       in between could still be replaced (the residual race on such file systems);</li>
 *   <li>with {@code force}: renames onto the target with {@link StandardCopyOption#ATOMIC_MOVE}, replacing it (a
 *       symbolic link is replaced itself, not the file it points to).</li>
 * </ul>
 * The directory is then synced where the platform allows it. {@link #close()} without a commit deletes the temporary
 * file. A target "exists" when {@code Files.exists(target, NOFOLLOW_LINKS)}, so a dangling symbolic link counts; a
 * directory (or a link to one) is never a valid target.
 *
 * <p><b>Signals.</b> Every live temporary file is in a process-wide registry; one shutdown hook, installed on first
 * use, deletes them all, so SIGINT and SIGTERM (which run the JVM's shutdown hooks) leave no temporary file. (SIGKILL
 * cannot be handled; a leftover {@code .lq-*.tmp} is then safe to delete.) A temporary file is registered before it
 * is created, and unregistered once committed or deleted.
 *
 * <p>{@link #toStdout()} gives the same interface over standard output, without a temporary file.
 *
 * <p>Not thread-safe: one thread writes and commits an instance.
 */
public final class AtomicOutput implements AutoCloseable {

    /** Prefix and suffix of temporary names; 4 + 8 + 4 = 16 bytes. */
    static final String TEMP_PREFIX = ".lq-";
    static final String TEMP_SUFFIX = ".tmp";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private final Path target;
    private final Path temp;
    private final boolean force;
    private final FileChannel channel;
    private final OutputStream stream;
    private final Counting counter;
    private final PrintStream console;
    private boolean useLinks = true;
    private boolean committed;
    private boolean finished;

    private AtomicOutput(Path target, Path temp, boolean force, FileChannel channel, OutputStream stream,
                         Counting counter, PrintStream console) {
        this.target = target;
        this.temp = temp;
        this.force = force;
        this.channel = channel;
        this.stream = stream;
        this.counter = counter;
        this.console = console;
    }

    /**
     * Checks that {@code target} may be written ({@link #checkTarget}) and creates the temporary file next to it.
     *
     * @throws LatqException with a one-line message if the target may not be written or the temporary file cannot
     *                       be created (for example in a read-only directory)
     * @throws IOException   on other I/O errors
     */
    public static AtomicOutput create(Path target, boolean force) throws IOException {
        checkTarget(target, force);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(TEMP_PREFIX + String.format("%08x", RANDOM.nextInt()) + TEMP_SUFFIX);
            register(temp); // before it exists: a signal right after creation must find it
            FileChannel ch;
            try {
                // CREATE_NEW: never an existing file, never through a symbolic link; default (umask) permissions
                ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(temp);
                if (attempt >= 100) {
                    throw new LatqException("cannot create a temporary file in " + shown(dir));
                }
                continue;
            } catch (FileSystemException e) {
                LIVE.remove(temp);
                throw new LatqException("cannot write " + shown(target) + ": cannot create a file in " + shown(dir)
                        + (e.getReason() != null ? " (" + BoundedFiles.excerpt(e.getReason(), 200) + ")" : ""), e);
            } catch (IOException | RuntimeException e) {
                LIVE.remove(temp);
                throw e;
            }
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            return new AtomicOutput(abs, temp, force, ch, out, null, null);
        }
    }

    /**
     * An output to {@link System#out}: no temporary file, {@link #commit()} flushes (and reports a write error that
     * PrintStream would otherwise hide), {@link #close()} flushes and leaves System.out open.
     */
    public static AtomicOutput toStdout() {
        PrintStream sysout = System.out;
        Counting c = new Counting(new FilterOutputStream(sysout) {
            @Override
            public void write(byte[] b, int off, int len) {
                sysout.write(b, off, len);
            }

            @Override
            public void close() {
                sysout.flush(); // System.out stays open
            }
        });
        return new AtomicOutput(null, null, false, null, new BufferedOutputStream(c, 1 << 16), c, sysout);
    }

    /**
     * Refuses a target that is a directory (or a link to one), a target whose directory does not exist (named as
     * such, rather than through the temporary file that could not be created), and, unless {@code force}, a target
     * that exists in any form, including a dangling symbolic link.
     *
     * @throws LatqException with a one-line message
     */
    public static void checkTarget(Path target, boolean force) throws LatqException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(target)) {
            throw new LatqException("output " + shown(target) + " is a directory");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new LatqException("cannot write " + shown(target) + ": " + (Files.exists(dir)
                    ? shown(dir) + " is not a directory" : "directory " + shown(dir) + " does not exist"));
        }
        if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(target);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} by the protocol in the class comment. */
    public static void writeString(Path target, String text, boolean force) throws IOException {
        try (AtomicOutput o = create(target, force)) {
            o.stream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            o.commit();
        }
    }

    /** The stream to write to (buffered); closing it is allowed but not needed. */
    public OutputStream stream() {
        return stream;
    }

    /** The absolute target, or null for standard output. */
    public Path target() {
        return target;
    }

    /** Bytes written so far (after flushing). */
    public long size() throws IOException {
        stream.flush();
        return channel != null ? channel.size() : counter.count;
    }

    /**
     * Flushes, syncs and moves the data to the target by the protocol in the class comment. For standard output,
     * flushes.
     *
     * @throws LatqException with a one-line message if the target exists (and not {@code force}), or the data
     *                       cannot be placed there; the temporary file is then deleted
     * @throws IllegalStateException if already committed or closed
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("output already " + (committed ? "committed" : "closed"));
        }
        if (channel == null) {
            stream.flush();
            finished = committed = true;
            if (console.checkError()) {
                throw new LatqException("cannot write to standard output");
            }
            return;
        }
        try {
            stream.flush();
            channel.force(true);
            stream.close();
            if (force) {
                replace();
            } else {
                placeWithoutReplacing();
            }
            committed = true;
        } finally {
            finished = true;
            if (!committed) {
                deleteTemp();
            }
        }
        syncDirectory();
    }

    private void placeWithoutReplacing() throws IOException {
        if (useLinks) {
            try {
                Files.createLink(target, temp); // fails with EEXIST on any existing name: no clobbering
                deleteTemp();
                return;
            } catch (FileAlreadyExistsException e) {
                throw exists(target);
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here (or not allowed): fall back to a rename that checks first
            }
        }
        try {
            Files.move(temp, target); // no REPLACE_EXISTING; checks, then renames (see the class comment)
            LIVE.remove(temp);
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        } catch (FileSystemException e) {
            throw new LatqException("cannot write " + shown(target) + ": " + oneLine(e));
        }
    }

    private void replace() throws IOException {
        if (Files.isDirectory(target)) {
            throw new LatqException("output " + shown(target) + " is a directory");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            LIVE.remove(temp);
        } catch (AtomicMoveNotSupportedException e) {
            throw new LatqException("cannot rename atomically onto " + shown(target) + ": " + oneLine(e));
        } catch (FileSystemException e) {
            throw new LatqException("cannot write " + shown(target) + ": " + oneLine(e));
        }
    }

    /** Makes the new directory entry durable; not every platform can open a directory, which is fine. */
    private void syncDirectory() {
        Path dir = target.getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // best effort only
        }
    }

    /** Deletes the temporary file unless committed; flushes standard output. Idempotent. */
    @Override
    public void close() throws IOException {
        if (channel == null) {
            stream.flush();
            finished = true;
            return;
        }
        if (!finished) {
            finished = true;
            try {
                stream.close();
            } catch (IOException ignored) {
                // the temporary file is deleted below either way
            }
            deleteTemp();
        }
    }

    /** For tests of file systems without hard links: commit by the rename fallback. */
    AtomicOutput withoutHardLinks() {
        useLinks = false;
        return this;
    }

    /** The temporary file (null for standard output), for tests. */
    Path temporaryFile() {
        return temp;
    }

    private void deleteTemp() throws IOException {
        try {
            Files.deleteIfExists(temp);
        } finally {
            LIVE.remove(temp);
        }
    }

    private static void register(Path temp) {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::deleteAllLive, "latq-temp-cleanup"));
        }
        LIVE.add(temp);
    }

    /** The shutdown hook: deletes every live temporary file. */
    private static void deleteAllLive() {
        for (Path p : LIVE.toArray(new Path[0])) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM exits
            }
        }
    }

    /** Temporary files registered now (for tests). */
    static int liveCount() {
        return LIVE.size();
    }

    private static LatqException exists(Path target) {
        return new LatqException("output " + shown(target) + " already exists (use --force to overwrite)");
    }

    private static String shown(Path p) {
        return BoundedFiles.excerpt(String.valueOf(p), 1024);
    }

    private static String oneLine(Exception e) {
        return BoundedFiles.excerpt(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), 300);
    }

    /** Counts bytes on their way to standard output. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
