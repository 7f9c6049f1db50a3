package io.latq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void silentForTheFirstSecondThenDrawsKnownAndUnknownTotalsUnlessDisabled() throws Exception {
        assumeTrue(System.getenv("LATQ_NO_PROGRESS") == null, "progress bars are disabled in this environment");
        StringWriter sw = new StringWriter();
        StringWriter off = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(sw), "job", -1, true, true);
             ProgressBar disabled = new ProgressBar(new PrintWriter(off), "job", 10, false, true)) {
            bar.update(5);
            bar.update(7, 20);
            assertEquals("", sw.toString(), "nothing in the first second");
            Thread.sleep(1050);
            disabled.update(10);
            bar.update(5_000, -1);
            String unknown = sw.toString();
            assertTrue(unknown.startsWith("\rjob ") && unknown.contains(" done"), unknown);
            assertTrue(!unknown.contains("%"), "no percentage without a total: " + unknown);
            bar.update(20, 20); // the end is drawn even inside the redraw interval
            assertTrue(sw.toString().contains("100.0%"), sw.toString());
            int before = sw.toString().length();
            bar.clear();
            String cleared = sw.toString().substring(before);
            assertTrue(cleared.startsWith("\r") && cleared.endsWith("\r") && cleared.strip().isEmpty(), cleared);
        }
        assertTrue(!sw.toString().endsWith("\n"), "a cleared bar leaves no empty line at close");
        assertEquals("", off.toString(), "a disabled bar never prints");
    }

    @Test
    void noBarWhenStderrIsNotATerminal() throws Exception {
        StringWriter sw = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(sw), "job", 10, true, false)) {
            Thread.sleep(1050);
            bar.update(5);
            bar.update(10);
        }
        assertEquals("", sw.toString(), "no \\r frames in a log file");
    }
}
