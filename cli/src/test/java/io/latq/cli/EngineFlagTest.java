package io.latq.cli;

import io.latq.engine.NsmEngines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --engine}/{@code --master} without Spark on the class path (the CLI module's tests never have it). */
class EngineFlagTest {

    @Test
    void sparkEngineWithoutSparkIsOneClearLine() {
        for (String[] args : new String[][] {
            {"nsm", "--lattice", "E8", "--samples", "100", "--engine", "spark"},
            {"nsm", "--lattice", "E8", "--samples", "100", "--engine", "spark", "--master", "local[2]"},
            {"goodness", "--n", "64", "--samples", "100", "--engine", "spark", "--csv", "x.csv", "--plot", "x.svg"},
        }) {
            CliRunner r = CliRunner.run(args);
            assertEquals(CliSupport.USAGE_ERROR, r.exitCode, r.err);
            assertTrue(r.isOneLineError(), r.err);
            assertEquals("latq: " + NsmEngines.SPARK_MISSING, r.err.strip());
            assertEquals("", r.out, "no table header before the error");
        }
    }

    @Test
    void localEngineIsTheDefaultAndMasterNeedsSpark() {
        CliRunner local = CliRunner.run("nsm", "--lattice", "D4", "--samples", "3000", "--json", "--no-progress");
        CliRunner explicit = CliRunner.run("nsm", "--lattice", "D4", "--samples", "3000", "--json", "--no-progress",
                "--engine", "local");
        assertEquals(0, local.exitCode, local.err);
        assertEquals(local.out.replaceAll("\"(cpu_)?seconds\":[^,}]+", ""),
                explicit.out.replaceAll("\"(cpu_)?seconds\":[^,}]+", ""));
        CliRunner r = CliRunner.run("nsm", "--lattice", "D4", "--master", "local[2]");
        assertTrue(r.isOneLineError(), r.err);
        assertTrue(r.err.contains("--master needs --engine spark"), r.err);
        r = CliRunner.run("design", "polar", "--n", "64", "--engine", "spark", "-o",
                System.getProperty("java.io.tmpdir") + "/latq-engine-flag-test-never-written.json");
        assertEquals(CliSupport.USAGE_ERROR, r.exitCode, r.err);
        assertTrue(r.isOneLineError() && r.err.contains("--engine and --master apply to --optimize only"), r.err);
    }
}
