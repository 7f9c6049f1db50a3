package io.latq.ecdq.file;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The generator hashes ({@link EcdqHeader#generatorHash}) of the lattices the compression levels use, pinned by
 * their description bytes ({@link io.latq.lattice.LatticeDescription#toBytes}): compressing or decoding such a file
 * need not hash its n×n generator (8 MiB for polar:n=1024, about 40–70 ms of a cold JVM, most of it waiting). A
 * description that is not here is hashed as before. {@code PinnedGeneratorHashesTest} rebuilds every entry from its
 * spec, so an entry can never disagree with the lattice the code builds; a shipped design that changes changes its
 * hash, and the test says so. Entries stay when a level moves to another lattice (polar:n=4096,list=32 was level 9
 * until 2026-12-06), so the files those levels wrote keep decoding without the hash.
 */
public final class PinnedGeneratorHashes {
    /** A level lattice: its spec, description bytes and generator hash, in hex. */
    record Pin(String spec, String description, String generatorHash) {
    }

    static final List<Pin> PINS = List.of(
            pin("Z1", "01020000005a31",
                    "bdcff0a80d5e7fab09887b0bad3090f1343a859a65cd10dd0f9d07048136d8d7"),
            pin("E8", "01020000004538",
                    "fb194f4e008e9151b5da50c61b769f8129bf96614e6e0f9d78923a68cd7033fb"),
            pin("polar:n=256", "010b000000706f6c61723a6e3d323536",
                    "22758ae19618da0b31dd563dc6f86fb6f7ecb3a0264eb9f956883019e8eb8eeb"),
            pin("polar:n=512", "010b000000706f6c61723a6e3d353132",
                    "bf73f4ec814bede356177a6cd4a79bcb06acf40066fa2b9bcba3d8042136ef7a"),
            pin("polar:n=1024", "010c000000706f6c61723a6e3d31303234",
                    "50f7c51db61466e8ca5f3fa6ec2d82f6125aabdf7dc2b358eb38ba7049cc1f16"),
            pin("polar:n=2048", "010c000000706f6c61723a6e3d32303438",
                    "2c784a6b99fe52a384f4837df43f93484b2f515b0bebb9a6dd9ce2d8961116a1"),
            pin("polar:n=1024,list=32", "0114000000706f6c61723a6e3d313032342c6c6973743d3332",
                    "7005e7160601a29fa74ebd180976180f307f63a394a391f9593ac6be863e02a4"),
            pin("polar:n=4096,list=8", "0113000000706f6c61723a6e3d343039362c6c6973743d38",
                    "738988cfab92475fef8e5d71eb20e2d877580ec05eaeceb35234f53b6b35400c"),
            pin("polar:n=4096,list=32", "0114000000706f6c61723a6e3d343039362c6c6973743d3332",
                    "738988cfab92475fef8e5d71eb20e2d877580ec05eaeceb35234f53b6b35400c"),
            pin("polar:n=4096,list=64", "0114000000706f6c61723a6e3d343039362c6c6973743d3634",
                    "738988cfab92475fef8e5d71eb20e2d877580ec05eaeceb35234f53b6b35400c"));

    private PinnedGeneratorHashes() {
    }

    private static Pin pin(String spec, String description, String generatorHash) {
        return new Pin(spec, description, generatorHash);
    }

    /** The pinned generator hash of the lattice with these description bytes, or null when none is pinned. */
    public static byte[] lookup(byte[] description) {
        for (Pin p : PINS) {
            byte[] d = HexFormat.of().parseHex(p.description());
            if (Arrays.equals(d, description)) {
                return HexFormat.of().parseHex(p.generatorHash());
            }
        }
        return null;
    }
}
