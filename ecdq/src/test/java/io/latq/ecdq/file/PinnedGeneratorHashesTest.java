package io.latq.ecdq.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.ecdq.EcdqLevel;
import io.latq.lattice.LatticeDescription;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pinned generator hash against the hash of the lattice its spec builds today, and one pin per level. */
class PinnedGeneratorHashesTest {
    @Test
    void everyPinIsTheHashOfTheLatticeItsSpecBuilds() {
        for (PinnedGeneratorHashes.Pin p : PinnedGeneratorHashes.PINS) {
            LatticeDescription d = LatticeDescription.of(p.spec());
            assertEquals(p.description(), HexFormat.of().formatHex(d.toBytes()), p.spec());
            byte[] hash = EcdqHeader.generatorHash(d.build().generator());
            assertEquals(p.generatorHash(), HexFormat.of().formatHex(hash), p.spec());
            assertArrayEquals(hash, PinnedGeneratorHashes.lookup(d.toBytes()), p.spec());
        }
    }

    @Test
    void everyLevelLatticeIsPinnedAndOthersAreNot() {
        List<String> pinned = PinnedGeneratorHashes.PINS.stream().map(PinnedGeneratorHashes.Pin::spec).toList();
        for (EcdqLevel l : EcdqLevel.ALL) {
            assertTrue(pinned.contains(l.lattice()), l.lattice());
        }
        assertNull(PinnedGeneratorHashes.lookup(LatticeDescription.of("D4").toBytes()));
        assertNull(PinnedGeneratorHashes.lookup(LatticeDescription.of("polar:n=128").toBytes()));
    }
}
