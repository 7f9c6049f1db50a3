package io.latq.ecdq.quantizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.EcdqLevel;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pinned NSM estimates of the level lattices: each key names the lattice it claims (generator hash and
 * quantizer), and each value agrees with a fresh estimate on a seed the pinned run never used, within 4 standard
 * errors of the difference (the pinned run's standard error is about 1.1e-5 for n = 1024; the fresh one's is
 * measured).
 */
class EcdqDesignPinnedNsmTest {

    @ParameterizedTest
    @CsvSource({"polar:n=256,64,1.35e-5", "polar:n=512,32,1.22e-5", "polar:n=1024,16,1.11e-5",
        "polar:n=2048,8,7.0e-6", "'polar:n=1024,list=32',8,6.1e-6", "'polar:n=4096,list=8',8,3.2e-6",
        "'polar:n=4096,list=32',4,2.5e-6", "'polar:n=4096,list=64',4,2.25e-6"})
    void pinnedValueMatchesAFreshEstimate(String spec, long vectors, double pinnedStderr) {
        Lattice lat = LatticeSpecs.parse(spec);
        String key = HexFormat.of().formatHex(EcdqHeader.generatorHash(lat.generator())) + ":" + lat.name();
        Double pinned = EcdqDesign.PINNED_ESTIMATES.get(key);
        assertTrue(pinned != null, "no pinned estimate for " + key);
        assertEquals(pinned, EcdqDesign.latticeNsm(lat, spec, 1));
        NsmResult fresh = new NsmEstimator(lat).estimate(vectors, 0xF2E5L, 2, null);
        double se = Math.sqrt(fresh.stderr() * fresh.stderr() + pinnedStderr * pinnedStderr);
        assertEquals(pinned, fresh.nsm(), 4 * se, spec);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8", "9"})
    void everyLevelLatticeParses(String level) {
        Lattice lat = LatticeSpecs.parse(EcdqLevel.parse(level).lattice());
        assertTrue(lat.dimension() >= 1);
    }
}
