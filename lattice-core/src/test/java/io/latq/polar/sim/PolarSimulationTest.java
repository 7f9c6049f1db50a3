package io.latq.polar.sim;

import io.latq.polar.Crc;
import io.latq.polar.construct.GaussianApproximationConstruction;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.decode.PolarDecoders;
import io.latq.polar.decode.PolarScDecoder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarSimulationTest {

    private static boolean[] gaCode(int n, int k, double ebN0, int crcBits) {
        double rate = (double) (k - crcBits) / n;
        double sigma = PolarSimulation.sigmaForEbN0(ebN0, rate);
        return new GaussianApproximationConstruction(sigma).construct(n).frozenMask(k);
    }

    /**
     * Literal counts from the hand-written pool this class had before it ran on Workers (commit 324023f): the
     * move to the shared ordered pool kept every frame's stream and decoder, for 1 and 3 threads.
     */
    @Test
    void pinnedCountsFromBeforeTheSharedPool() {
        double sigma = PolarSimulation.sigmaForEbN0(1.5, 0.5);
        boolean[] plain = new GaussianApproximationConstruction(sigma).construct(128).toFrozenSet(64, "x")
                .frozenMask();
        boolean[] withCrc = new GaussianApproximationConstruction(sigma).construct(128).toFrozenSet(72, "x")
                .frozenMask();
        Crc crc8 = Crc.ofLength(8);
        for (int threads : new int[] {1, 3}) {
            SimulationResult sc = new PolarSimulation(plain, null).run(
                    () -> PolarDecoders.create("sc", plain, CheckNodeKernel.EXACT, null), 1.5, 1000, 9, threads);
            assertEquals(251, sc.frameErrors());
            assertEquals(4062, sc.bitErrors());
            SimulationResult scl = new PolarSimulation(withCrc, crc8).run(
                    () -> PolarDecoders.create("scl:4", withCrc, CheckNodeKernel.EXACT, crc8), 1.5, 1000, 9, threads);
            assertEquals(256, scl.frameErrors());
            assertEquals(5437, scl.bitErrors());
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        boolean[] frozen = gaCode(256, 128, 2.0, 0);
        PolarSimulation sim = new PolarSimulation(frozen, null);
        SimulationResult one = sim.run(() -> new PolarScDecoder(frozen, CheckNodeKernel.MIN_SUM), 2.0, 1000, 42L, 1);
        SimulationResult three = sim.run(() -> new PolarScDecoder(frozen, CheckNodeKernel.MIN_SUM), 2.0, 1000, 42L, 3);
        assertEquals(one.frameErrors(), three.frameErrors());
        assertEquals(one.bitErrors(), three.bitErrors());
        assertTrue(one.frameErrors() > 0, "the test point must produce some errors");
        SimulationResult other = sim.run(() -> new PolarScDecoder(frozen, CheckNodeKernel.MIN_SUM), 2.0, 1000, 43L, 1);
        assertTrue(other.frameErrors() != one.frameErrors() || other.bitErrors() != one.bitErrors(),
                "a different seed gives different frames");
    }

    @Test
    void listDecodingIsNeverWorseThanScOnTheSameFrames() {
        boolean[] frozen = gaCode(256, 128, 1.5, 0);
        PolarSimulation sim = new PolarSimulation(frozen, null);
        long frames = 1500;
        SimulationResult sc = sim.run(() -> PolarDecoders.create("sc", frozen, CheckNodeKernel.MIN_SUM, null), 1.5,
                frames, 5L, 2);
        SimulationResult scl = sim.run(() -> PolarDecoders.create("scl:8", frozen, CheckNodeKernel.MIN_SUM, null), 1.5,
                frames, 5L, 2);
        assertTrue(sc.frameErrors() >= 30, "enough SC errors to compare: " + sc.frameErrors());
        assertTrue(scl.frameErrors() <= sc.frameErrors(), "SCL-8 " + scl.frameErrors() + " vs SC " + sc.frameErrors());
        // CRC-aided SCL (same message rate budget) also decodes and is reproducible
        boolean[] frozenCrc = gaCode(256, 136, 1.5, 8);
        PolarSimulation simCrc = new PolarSimulation(frozenCrc, Crc.crc8());
        SimulationResult a = simCrc.run(() -> PolarDecoders.create("scl:8", frozenCrc, CheckNodeKernel.MIN_SUM,
                Crc.crc8()), 1.5, 500, 6L, 1);
        SimulationResult b = simCrc.run(() -> PolarDecoders.create("scl:8", frozenCrc, CheckNodeKernel.MIN_SUM,
                Crc.crc8()), 1.5, 500, 6L, 2);
        assertEquals(a.frameErrors(), b.frameErrors());
        assertEquals(128, a.messageBits());
    }

    @Test
    void scFerOfHalfRateCodeAtTwoDbMatchesReferenceFigure() {
        // the theory primer's reference (../shared/THEORY.md): SC FER of (1024, 512), GA at the same SNR,
        // about 7e-2 at Eb/N0 = 2 dB
        boolean[] frozen = gaCode(1024, 512, 2.0, 0);
        PolarSimulation sim = new PolarSimulation(frozen, null);
        long frames = 3000;
        SimulationResult r = sim.run(() -> new PolarScDecoder(frozen, CheckNodeKernel.EXACT), 2.0, frames, 2024L, 2);
        double se = Math.sqrt(0.07 * 0.93 / frames);
        assertEquals(0.07, r.fer(), 4 * se + 0.01, "SC FER at 2 dB: " + r.fer());
        assertTrue(r.ber() < r.fer());
        BinomialInterval ci = r.ferInterval();
        assertTrue(ci.lower() <= r.fer() && r.fer() <= ci.upper());
    }

    @Test
    void intervalsMatchClosedForms() {
        // k = 0: Clopper–Pearson upper end is 1 − 0.025^(1/n)
        BinomialInterval cp = BinomialInterval.clopperPearson95(0, 10);
        assertEquals(0.0, cp.lower(), 0.0);
        assertEquals(1 - Math.pow(0.025, 0.1), cp.upper(), 1e-9);
        // k = n mirrors it
        BinomialInterval full = BinomialInterval.clopperPearson95(10, 10);
        assertEquals(Math.pow(0.025, 0.1), full.lower(), 1e-9);
        // Wilson at k = 5, n = 10: centre 0.5, half-width z·sqrt(0.025 + z²/400)/(1 + z²/10)
        double z = 1.959963984540054;
        BinomialInterval w = BinomialInterval.wilson95(5, 10);
        double half = z * Math.sqrt(0.025 + z * z / 400) / (1 + z * z / 10);
        assertEquals(0.5 - half, w.lower(), 1e-12);
        assertEquals(0.5 + half, w.upper(), 1e-12);
        // Clopper–Pearson is wider than Wilson here
        BinomialInterval c5 = BinomialInterval.clopperPearson95(5, 10);
        assertTrue(c5.lower() < w.lower() && c5.upper() > w.upper());
    }
}
