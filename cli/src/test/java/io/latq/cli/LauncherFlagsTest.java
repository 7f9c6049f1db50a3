package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code ./latq} launcher and the tests' child JVMs run with the same VM flags (see {@link ChildJvm}). */
class LauncherFlagsTest {
    @Test
    void launcherPassesTheFlagsTheTestsUse() throws Exception {
        Path launcher = Path.of(System.getProperty("user.dir")).resolveSibling("latq");
        String line = Files.readAllLines(launcher).stream().filter(l -> l.startsWith("vm_flags=(")).findFirst()
                .orElseThrow(() -> new AssertionError("no vm_flags=( line in " + launcher));
        List<String> flags = Arrays.asList(line.substring("vm_flags=(".length(), line.lastIndexOf(')')).split(" "));
        assertEquals(ChildJvm.VM_FLAGS, flags);
    }
}
