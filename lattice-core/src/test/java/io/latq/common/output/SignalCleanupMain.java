package io.latq.common.output;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link AtomicOutputTest}: opens an {@link AtomicOutput} to {@code args[0]}, writes, prints
 * "ready" and waits to be signalled.
 */
public final class SignalCleanupMain {

    private SignalCleanupMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicOutput out = AtomicOutput.create(Path.of(args[0]), false);
        out.stream().write(new byte[100_000]);
        out.stream().flush();
        System.out.println("ready " + out.temporaryFile().getFileName());
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(3); // not reached when the test signals
    }
}
