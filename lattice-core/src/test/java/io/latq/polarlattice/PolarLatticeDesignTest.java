package io.latq.polarlattice;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarLatticeDesignTest {

    private static PolarLatticeDesign sample() {
        return new PolarLatticeDesign(16, 0.55, new int[][] {{15, 7}, {3, 7, 11, 13, 14, 15}},
                new double[] {0.07, 0.74}, "test", 8, "made by a test");
    }

    @Test
    void jsonRoundTripKeepsEverything() {
        PolarLatticeDesign d = sample();
        PolarLatticeDesign back = PolarLatticeDesign.fromJson(d.toJson());
        assertEquals(d, back);
        assertEquals(d.sha256(), back.sha256());
        assertArrayEquals(new int[] {7, 15}, back.informationSet(1));
        assertEquals(0.55, back.sigma(), 0.0);
        assertEquals(0.74, back.capacity(2), 0.0);
        assertEquals(8, back.listSize());
        assertEquals("test", back.construction());
        assertEquals("made by a test", back.notes());
        assertEquals(14 + 10, back.log2Volume());
        assertEquals(0.275, back.levelNoise(2), 0.0);
        int[] level = back.firstLevels();
        assertEquals(1, level[7]);
        assertEquals(2, level[3]);
        assertEquals(3, level[0]);
    }

    @Test
    void versionTwoRecordsTheOptimizerSeeds() {
        PolarLatticeDesign d = sample().withOptimizerSeeds(new PolarLatticeDesign.OptimizerSeeds(7L, null, false));
        String json = d.toJson();
        assertTrue(json.contains("\"version\": 2,") && json.contains("\"optimizer_seeds\": {\"search\": 7, "
                + "\"ranking\": null}"), json);
        PolarLatticeDesign back = PolarLatticeDesign.fromJson(json);
        assertEquals(d.optimizerSeeds(), back.optimizerSeeds());
        assertEquals(json, back.toJson());
        assertTrue(back.optimizerSeeds().contains(7));
        assertFalse(back.optimizerSeeds().contains(1));
        assertEquals("optimizer seeds: search 7, ranking -", back.optimizerSeeds().describe());
        assertEquals(sample().sha256(), back.sha256()); // seeds are provenance, outside the hash
        // a fresh design records no seeds and is written as version 2 too
        assertTrue(sample().toJson().contains("\"optimizer_seeds\": {\"search\": null, \"ranking\": null}"));
        assertFalse(PolarLatticeDesign.fromJson(sample().toJson()).optimizerSeeds().contains(1));
    }

    @Test
    void versionOneDesignsReadAsLegacySeedOneAndWriteBackUnchanged() {
        String v2 = sample().toJson();
        String v1 = v2.replace("\"version\": 2,", "\"version\": 1,")
                .replace("  \"optimizer_seeds\": {\"search\": null, \"ranking\": null},\n", "");
        PolarLatticeDesign d = PolarLatticeDesign.fromJson(v1);
        assertTrue(d.optimizerSeeds().legacy());
        assertTrue(d.optimizerSeeds().contains(1));
        assertEquals("optimizer seed: 1 (legacy)", d.optimizerSeeds().describe());
        assertEquals(v1, d.toJson());
        // every shipped design is either legacy or records its seeds
        PolarLatticeDesign shipped = ShippedDesigns.forN(64, 1);
        assertTrue(shipped.optimizerSeeds().legacy() || shipped.optimizerSeeds().search() != null);
    }

    @Test
    void versionTwoNeedsTheSeedsObject() {
        String v2 = sample().toJson();
        assertOneLineError(v2.replace("  \"optimizer_seeds\": {\"search\": null, \"ranking\": null},\n", ""),
                "optimizer_seeds");
        assertOneLineError(v2.replace("\"search\": null", "\"search\": 1.5"), "optimizer_seeds.search");
        assertOneLineError(v2.replace("\"version\": 2,", "\"version\": 3,"), "unsupported version 3");
    }

    @Test
    void hashCoversSetsAndSigmaButNotMetadata() {
        PolarLatticeDesign d = sample();
        assertEquals(d.sha256(), d.withMetadata("other", 1, null).sha256());
        PolarLatticeDesign otherSigma = new PolarLatticeDesign(16, 0.56, new int[][] {{7, 15}, {3, 7, 11, 13, 14, 15}},
                null, null, 1, null);
        assertNotEquals(d.sha256(), otherSigma.sha256());
        PolarLatticeDesign otherSet = new PolarLatticeDesign(16, 0.55, new int[][] {{7, 15}, {3, 7, 11, 12, 14, 15}},
                null, null, 1, null);
        assertNotEquals(d.sha256(), otherSet.sha256());
        // the canonical text is pinned: a change of format must be deliberate
        assertEquals("latq-polar-lattice-design-v1\nn=16\nsigma=3fe199999999999a\nlevels=2\nA1=7,15\n"
                + "A2=3,7,11,13,14,15\n", d.canonicalForm());
    }

    private static void assertOneLineError(String json, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolarLatticeDesign.fromJson(json));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void corruptFilesGiveOneLineErrors() {
        String good = sample().toJson();
        assertOneLineError(good.substring(0, good.length() / 2), "malformed JSON");
        assertOneLineError(good.replace("latq-polar-lattice-design", "something-else"), "format");
        assertOneLineError(good.replace("[7,15]", "[15,7]"), "not strictly increasing");
        assertOneLineError(good.replace("[7,15]", "[7,7]"), "not strictly increasing");
        assertOneLineError(good.replace("[7,15]", "[7,16]"), "out of range");
        assertOneLineError(good.replace("[7,15]", "[7,12]"), "not nested");
        assertOneLineError(good.replace("\"k\": 2", "\"k\": 3"), "k = 3");
        assertOneLineError(good.replace("\"n\": 16", "\"n\": 12"), "power of two");
        assertOneLineError(good.replace("\"sigma\": 0.55", "\"sigma\": -1"), "sigma");
        assertOneLineError(good.replace("\"sigma\": 0.55", "\"sigma\": 0.56"), "sha256 mismatch");
        assertOneLineError(good.replace("\"levels\": [", "\"levels\": 3, \"x\": ["), "levels");
        assertOneLineError("[]", "object");
    }

    @Test
    void constructorRejectsNonNestedSets() {
        assertThrows(IllegalArgumentException.class,
                () -> new PolarLatticeDesign(8, 0.5, new int[][] {{1, 2}, {2, 3}}, null, null, 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PolarLatticeDesign(8, 0.5, new int[][] {{1, 1}}, null, null, 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PolarLatticeDesign(8, 0.5, new int[0][], null, null, 1, null));
    }

    @Test
    void rankingsCutNestedSetsOfTheRequestedSizes() {
        LevelRankings rk = LevelRankings.compute(64, 0.55, 3, LevelRankings.Method.TAL_VARDY, 16, 0, 0, 256);
        PolarLatticeDesign d = rk.design(new int[] {5, 40, 60}, 1, null);
        assertArrayEquals(new int[] {5, 40, 60}, d.ks());
        for (int i = 1; i < 3; i++) {
            int[] a = d.informationSet(i);
            int[] b = d.informationSet(i + 1);
            for (int t : a) {
                assertTrue(Arrays.binarySearch(b, t) >= 0, "A" + i + " not inside A" + (i + 1));
            }
        }
        // level 1's set is its own top-5 channels
        int[] top = Arrays.copyOf(rk.order(1), 5);
        Arrays.sort(top);
        assertArrayEquals(top, d.informationSet(1));
        // capacities are those of the level channels, increasing with the level
        assertEquals(new ModTwoGaussianChannel(0.55).capacity(), rk.capacity(1), 1e-12);
        assertTrue(rk.capacity(1) < rk.capacity(2) && rk.capacity(2) < rk.capacity(3));
        int[] k = rk.capacityMatchedSizes();
        assertEquals((int) Math.ceil(64 * rk.capacity(2)), k[1]);
        assertThrows(IllegalArgumentException.class, () -> rk.design(new int[] {10, 5, 60}, 1, null));
    }

    @Test
    void talVardyAndMonteCarloRankingsAgreeOnTheInformationSets() {
        // Two independent constructions on the same level channel: their capacity-sized sets should mostly agree.
        int n = 128;
        LevelRankings tv = LevelRankings.compute(n, 0.55, 2, LevelRankings.Method.TAL_VARDY, 16, 0, 0, 1024);
        LevelRankings mc = LevelRankings.compute(n, 0.55, 2, LevelRankings.Method.MONTE_CARLO, 0, 1500, 7);
        int[] k = tv.capacityMatchedSizes();
        for (int level = 1; level <= 2; level++) {
            int[] a = Arrays.copyOf(tv.order(level), k[level - 1]);
            int[] b = Arrays.copyOf(mc.order(level), k[level - 1]);
            Arrays.sort(b);
            int common = 0;
            for (int t : a) {
                common += Arrays.binarySearch(b, t) >= 0 ? 1 : 0;
            }
            assertTrue(common >= 0.9 * k[level - 1], "level " + level + ": " + common + " of " + k[level - 1]);
        }
    }

    @Test
    void llrDensityOfTheLevelChannelIsConsistent() {
        ModTwoGaussianChannel ch = new ModTwoGaussianChannel(0.55);
        var d = ch.llrDensity();
        assertEquals(1.0, d.probability(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 1e-12);
        // P(L <= 0) = P(A >= 1/2): the folded Gaussian mass beyond distance 1/2
        assertEquals(ch.foldedProbability(0.5, 1.0), d.probability(Double.NEGATIVE_INFINITY, 0.0), 1e-12);
        // the degraded and upgraded Tal-Vardy channels bracket the capacity
        var deg = io.latq.polar.construct.BmsChannel.degradedFrom(d, 1024);
        var up = io.latq.polar.construct.BmsChannel.upgradedFrom(d, 1024);
        assertTrue(deg.capacity() <= ch.capacity() + 1e-9 && ch.capacity() <= up.capacity() + 1e-9,
                deg.capacity() + " " + ch.capacity() + " " + up.capacity());
        assertEquals(ch.capacity(), deg.capacity(), 1e-3);
    }
}
