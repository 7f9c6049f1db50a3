package io.latq.common.output;

import io.latq.common.LatqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicOutputTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static AtomicOutput open(Path target, boolean force, String content) throws IOException {
        AtomicOutput o = AtomicOutput.create(target, force);
        o.stream().write(content.getBytes(StandardCharsets.UTF_8));
        return o;
    }

    @Test
    void commitPublishesTheDataAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.bin");
        try (AtomicOutput o = open(target, false, "hello")) {
            assertFalse(Files.exists(target), "nothing visible before the commit");
            assertEquals(5, o.size());
            String temp = o.temporaryFile().getFileName().toString();
            assertTrue(temp.matches("\\.lq-[0-9a-f]{8}\\.tmp"), temp);
            assertEquals(List.of(temp), names());
            o.commit();
        }
        assertEquals("hello", Files.readString(target));
        assertEquals(List.of("out.bin"), names());
    }

    @Test
    void ofTwoRacingWritersExactlyOneWinsAndTheLoserLeavesNothing() throws IOException {
        Path target = dir.resolve("out.bin");
        AtomicOutput a = open(target, false, "first");
        AtomicOutput b = open(target, false, "second"); // both passed the existence check
        a.commit();
        LatqException e = assertThrows(LatqException.class, b::commit);
        assertEquals("output " + target.toAbsolutePath() + " already exists (use --force to overwrite)",
                e.getMessage());
        b.close();
        a.close();
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("out.bin"), names());
    }

    @Test
    void concurrentCommitsWithoutForceNeverClobber() throws Exception {
        Path target = dir.resolve("out.bin");
        int writers = 8;
        CyclicBarrier barrier = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String content = "writer " + w;
                results.add(pool.submit(() -> {
                    try (AtomicOutput o = open(target, false, content)) {
                        barrier.await(10, TimeUnit.SECONDS);
                        o.commit();
                        return content;
                    } catch (LatqException e) {
                        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
                        return null;
                    }
                }));
            }
            List<String> winners = new ArrayList<>();
            for (Future<String> f : results) {
                String r = f.get(30, TimeUnit.SECONDS);
                if (r != null) {
                    winners.add(r);
                }
            }
            assertEquals(1, winners.size(), winners.toString());
            assertEquals(winners.get(0), Files.readString(target));
            assertEquals(List.of("out.bin"), names());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRenameFallbackAlsoRefusesAnExistingTarget() throws IOException {
        Path target = dir.resolve("out.bin");
        try (AtomicOutput o = open(target, false, "fallback").withoutHardLinks()) {
            o.commit();
        }
        assertEquals("fallback", Files.readString(target));
        try (AtomicOutput o = open(dir.resolve("other.bin"), false, "late").withoutHardLinks()) {
            Files.writeString(target.resolveSibling("other.bin"), "meanwhile");
            assertThrows(LatqException.class, o::commit);
        }
        assertEquals("meanwhile", Files.readString(dir.resolve("other.bin")));
        assertEquals(List.of("other.bin", "out.bin"), names());
    }

    @Test
    void aDanglingSymbolicLinkCountsAsExisting() throws IOException {
        Path target = dir.resolve("out.bin");
        Path nowhere = dir.resolve("nowhere");
        Files.createSymbolicLink(target, nowhere);
        LatqException e = assertThrows(LatqException.class, () -> AtomicOutput.create(target, false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());

        // a link that appears between create and commit is not followed or replaced either
        Path late = dir.resolve("late.bin");
        try (AtomicOutput o = open(late, false, "data")) {
            Files.createSymbolicLink(late, nowhere);
            assertThrows(LatqException.class, o::commit);
        }
        assertFalse(Files.exists(nowhere));
        assertTrue(Files.isSymbolicLink(late));

        // with force the link itself is replaced, and nothing is written through it
        try (AtomicOutput o = open(target, true, "forced")) {
            o.commit();
        }
        assertFalse(Files.isSymbolicLink(target));
        assertEquals("forced", Files.readString(target));
        assertFalse(Files.exists(nowhere));
        assertEquals(List.of("late.bin", "out.bin"), names());
    }

    @Test
    void aTargetNameOf250CharactersWorks() throws IOException {
        Path target = dir.resolve("n".repeat(246) + ".lqz");
        assertEquals(250, target.getFileName().toString().length());
        try (AtomicOutput o = open(target, false, "long name")) {
            assertTrue(o.temporaryFile().getFileName().toString().length() <= 20);
            o.commit();
        }
        assertEquals("long name", Files.readString(target));
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        int live = AtomicOutput.liveCount();
        Path target = dir.resolve("out.bin");
        try (AtomicOutput o = open(target, false, "abandoned")) {
            assertEquals(live + 1, AtomicOutput.liveCount());
            assertEquals(1, names().size());
        }
        assertEquals(List.of(), names());
        assertEquals(live, AtomicOutput.liveCount());
        AtomicOutput o = open(target, false, "x");
        o.close();
        o.close(); // idempotent
        assertThrows(IllegalStateException.class, o::commit);
        assertEquals(List.of(), names());
    }

    @Test
    void forceReplacesAndItsAbsenceRefuses() throws IOException {
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "old");
        LatqException e = assertThrows(LatqException.class, () -> AtomicOutput.create(target, false));
        assertTrue(e.getMessage().endsWith("already exists (use --force to overwrite)"), e.getMessage());
        AtomicOutput.writeString(target, "new", true);
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.bin"), names());
    }

    @Test
    void directoriesAndMissingDirectoriesAreRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertTrue(assertThrows(LatqException.class, () -> AtomicOutput.create(sub, true)).getMessage()
                .endsWith("is a directory"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), sub);
        assertTrue(assertThrows(LatqException.class, () -> AtomicOutput.create(link, true)).getMessage()
                .endsWith("is a directory"));
        LatqException e = assertThrows(LatqException.class,
                () -> AtomicOutput.create(dir.resolve("missing/out.bin"), false));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(List.of("link", "sub"), names());
    }

    @Test
    void standardOutputIsWrittenDirectly() throws IOException {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true));
        try (AtomicOutput o = AtomicOutput.toStdout()) {
            o.stream().write("to stdout".getBytes(StandardCharsets.UTF_8));
            assertEquals(9, o.size());
            o.commit();
        } finally {
            System.setOut(saved);
        }
        assertEquals("to stdout", captured.toString(StandardCharsets.UTF_8));
    }

    /** SIGTERM (Process.destroy) and SIGINT run the shutdown hook, which deletes the temporary file. */
    @Test
    void signalsLeaveNoTemporaryFile() throws Exception {
        runChildAndSignal(false);
        if (new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute()) {
            runChildAndSignal(true);
        }
    }

    private void runChildAndSignal(boolean sigint) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = location(AtomicOutput.class) + File.pathSeparator + location(SignalCleanupMain.class);
        Path target = dir.resolve(sigint ? "int.bin" : "term.bin");
        // -XX:-UsePerfData: HotSpot's warning about a perf-data file locked by another PID namespace goes to stdout
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", cp,
                SignalCleanupMain.class.getName(), target.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            assertNotNull(line, "the child printed nothing");
            assertTrue(line.startsWith("ready .lq-"), line);
            assertEquals(List.of(line.substring("ready ".length())), names()); // the temporary file is there
            if (sigint) {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
                assertEquals(0, kill.waitFor());
            } else {
                p.destroy(); // SIGTERM
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the child did not exit");
            assertEquals(128 + (sigint ? 2 : 15), p.exitValue());
            assertEquals(List.of(), names());
        } finally {
            p.destroyForcibly();
        }
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
