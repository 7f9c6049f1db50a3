package io.latq.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a separate JVM running {@link Main} on the test class path, with the launcher's VM flags
 * ({@code ./latq}: keep the two lists in sync).
 *
 * <p>Why the flags: HotSpot prints its own warnings on standard output by default. One such warning, "Cannot use
 * file /tmp/hsperfdata_USER/PID because it is locked by another process", appears when another PID namespace
 * reuses the PID; it added 127 bytes to the samples a CI run decompressed to stdout. {@code -XX:-UsePerfData}
 * removes the file, and the logging flags send whatever else the VM says to standard error, except the
 * class-data-sharing messages (an archive the VM cannot use is skipped without a word). The launcher adds its
 * archive ({@code -XX:SharedArchiveFile}); these child JVMs run without one.
 */
final class ChildJvm {
    /** The VM flags of the {@code ./latq} launcher. */
    static final List<String> VM_FLAGS = List.of("-XX:-UsePerfData", "-XX:+DisplayVMOutputToStderr",
            "-Xlog:disable", "-Xlog:all=warning,cds*=off:stderr");

    private ChildJvm() {
    }

    /** {@code java VM_FLAGS extra... -cp CLASSPATH io.latq.cli.Main}, to which the caller appends Main's arguments. */
    static List<String> command(String... extraVmOptions) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(VM_FLAGS);
        c.addAll(List.of(extraVmOptions));
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(Main.class.getName());
        return c;
    }

    /** {@link #command} as one shell word list, each word single-quoted. */
    static String shellCommand() {
        StringBuilder b = new StringBuilder();
        for (String w : command()) {
            b.append(b.length() == 0 ? "" : " ").append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return b.toString();
    }
}
