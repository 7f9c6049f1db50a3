package io.latq.lattice;

import io.latq.lattice.search.GeneratorMatrixLattice;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.ShippedDesigns;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class LatticeDescriptionTest {

    @TempDir
    Path dir;

    private static long[] bits(DMatrixRMaj g) {
        long[] b = new long[g.numRows * g.numCols + 2];
        b[0] = g.numRows;
        b[1] = g.numCols;
        for (int i = 0; i < g.numRows * g.numCols; i++) {
            b[i + 2] = Double.doubleToRawLongBits(g.data[i]);
        }
        return b;
    }

    /** of(spec) → bytes → fromBytes → build has the generator of parse(spec), bit for bit. */
    private LatticeDescription roundTrip(String spec, LatticeDescription.Kind kind) {
        Lattice expected = LatticeSpecs.parse(spec);
        LatticeDescription d = LatticeDescription.of(spec);
        assertEquals(kind, d.kind(), spec);
        assertEquals(expected.dimension(), d.dimension(), spec);
        byte[] bytes = d.toBytes();
        assertEquals(kind.code(), bytes[0]);
        // embedded in a larger buffer at an offset
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        LatticeDescription back = LatticeDescription.fromBytes(padded, 3, bytes.length);
        assertEquals(d, back);
        assertEquals(d.displaySpec(), back.displaySpec());
        Lattice rebuilt = back.build();
        assertEquals(expected.dimension(), rebuilt.dimension());
        assertArrayEquals(bits(expected.generator()), bits(rebuilt.generator()), spec);
        assertEquals(expected.log2Volume(), rebuilt.log2Volume(), 1e-9);
        return back;
    }

    @Test
    void builtinSpecsAreCarriedAsText() {
        for (String spec : new String[] {"E8", "0.5*E8", "A2", "(0.5*E8)xZ2^3", "D4*", "polar:n=64,list=4"}) {
            LatticeDescription d = roundTrip(spec, LatticeDescription.Kind.BUILTIN);
            assertEquals(spec, d.spec());
            assertEquals(spec, d.displaySpec());
        }
        assertEquals("E8", LatticeDescription.of("  E8 ").spec());
    }

    @Test
    void generatorFilesAreEmbeddedAsRowsAndNeedNoFileToRebuild() throws IOException {
        Path p = dir.resolve("rows.txt");
        Files.writeString(p, "# a non-dyadic generator\n1 0.1 0\n0.3333333333333333, 2, 0\n-0.0 0.7 3.25e-3\n");
        LatticeDescription d = roundTrip("gen:file=" + p, LatticeDescription.Kind.GENERATOR);
        assertEquals(3, d.dimension());
        assertEquals(1 + 4 + 8 * 9, d.toBytes().length);
        assertTrue(d.displaySpec().matches("gen:rows\\(n=3, sha256=[0-9a-f]{12}…\\)"), d.displaySpec());
        assertFalse(d.displaySpec().contains(p.toString()));
        Files.delete(p); // the description is self-contained
        Lattice l = LatticeDescription.fromBytes(d.toBytes(), 0, d.toBytes().length).build();
        assertInstanceOf(GeneratorMatrixLattice.class, l);
        assertEquals(d.displaySpec(), l.name());
    }

    @Test
    void polarDesignFilesAreEmbeddedAsJsonWithTheirOptions() throws IOException {
        Path p = dir.resolve("design,with comma.json");
        Files.writeString(p, ShippedDesigns.forN(64, 1).toJson());
        String spec = "polar:file=" + p + ",list=2,kernel=exact";
        LatticeDescription d = roundTrip(spec, LatticeDescription.Kind.POLAR_DESIGN);
        assertEquals(64, d.dimension());
        assertTrue(d.displaySpec().startsWith("polar:design(n=64, sha256="
                + ShippedDesigns.forN(64, 1).sha256().substring(0, 12) + "…)"), d.displaySpec());
        assertTrue(d.displaySpec().endsWith(",list=2,select=metric,kernel=exact"), d.displaySpec());
        String json = new String(d.toBytes(), StandardCharsets.UTF_8);
        assertFalse(json.contains("\"notes\""), "notes are not carried");
        Files.delete(p);
        PolarLattice l = (PolarLattice) d.build();
        assertEquals(ShippedDesigns.forN(64, 1), l.design());
        assertEquals(2, l.options().listSize());
        assertEquals(CheckNodeKernel.EXACT, l.options().kernel());
        // the defaults are not shown
        Files.writeString(p, ShippedDesigns.forN(64, 1).toJson());
        assertTrue(LatticeDescription.of("polar:file=" + p).displaySpec().endsWith("…)"));
    }

    @Test
    void fileLatticesInsideCompositesAreRefused() throws IOException {
        Path p = dir.resolve("rows.txt");
        Files.writeString(p, "2 0\n1 1\n");
        for (String spec : new String[] {"0.5*gen:file=" + p, "(gen:file=" + p + ")^2", "E8 x gen:file=" + p}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LatticeDescription.of(spec), spec);
            assertTrue(e.getMessage().contains("must be the whole spec"), e.getMessage());
        }
        // parentheses around the whole spec change nothing
        assertEquals(LatticeDescription.Kind.GENERATOR, LatticeDescription.of("( gen:file=" + p + ")").kind());
        assertThrows(IllegalArgumentException.class, () -> LatticeDescription.of("gen:file=" + dir.resolve("no")));
        assertThrows(IllegalArgumentException.class, () -> LatticeDescription.of("F4"));
    }

    @Test
    void dimensionAndMemoryAreKnownBeforeBuilding() {
        LatticeDescription d = LatticeDescription.of("Z1^65536");
        byte[] b = d.toBytes();
        LatticeDescription back = LatticeDescription.fromBytes(b, 0, b.length);
        assertEquals(65536, back.dimension());
        assertEquals(8L * 65536 * 65536, back.denseGeneratorBytes());
        assertEquals(16384, LatticeDescription.fromBytes(builtin("polar:n=16384"), 0,
                builtin("polar:n=16384").length).dimension());
    }

    private static byte[] builtin(String spec) {
        byte[] s = spec.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + s.length).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(s.length).put(s)
                .array();
    }

    private static void assertMalformed(byte[] data, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeDescription.fromBytes(data, 0, data.length));
        assertTrue(e.getMessage().startsWith("lattice description: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static final String DEFAULT_OPTIONS = "list=1,select=metric,kernel=tabulated";

    /** A POLAR_DESIGN header claiming a JSON of {@code jsonLength} bytes, followed by no JSON at all. */
    private static byte[] polar(int n, String options, int jsonLength) {
        byte[] o = options.getBytes(StandardCharsets.UTF_8);
        return le(13 + o.length).put((byte) 3).putInt(n).putInt(o.length).put(o).putInt(jsonLength).array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void malformedBytesAreRefusedBeforeAllocating() {
        assertMalformed(new byte[0], "empty");
        assertMalformed(new byte[] {9}, "unknown kind 9");
        assertMalformed(new byte[] {1, 1}, "truncated");
        assertMalformed(le(9).put((byte) 1).putInt(-1).array(), "outside");              // L = 2^32 − 1
        assertMalformed(le(9).put((byte) 1).putInt(4000).array(), "exceeds the");        // L > what remains
        assertMalformed(le(9).put((byte) 1).putInt(0).array(), "outside");
        assertMalformed(builtin("gen:file=/etc/passwd"), "names a file");
        assertMalformed(builtin("polar:file=/dev/zero"), "names a file");
        assertMalformed(builtin("(".repeat(2000) + "E8" + ")".repeat(2000)), "nested more than");
        assertMalformed(builtin("E8^99999999999"), "exceeds the maximum");
        assertMalformed(le(6).put((byte) 1).putInt(1).put((byte) 0xff).array(), "UTF-8");
        assertMalformed(le(5).put((byte) 2).putInt(65).array(), "outside 1..64");
        assertMalformed(le(5).put((byte) 2).putInt(Integer.MAX_VALUE).array(), "outside 1..64");
        assertMalformed(le(5 + 8 * 3).put((byte) 2).putInt(2).putDouble(1).putDouble(0).putDouble(0).array(),
                "needs 32 bytes");
        assertMalformed(le(5 + 8).put((byte) 2).putInt(1).putDouble(Double.NaN).array(), "non-finite");
        assertMalformed(polar(48, DEFAULT_OPTIONS, 1), "power of two");
        assertMalformed(polar(1 << 20, DEFAULT_OPTIONS, 1), "outside");
        assertMalformed(polar(64, DEFAULT_OPTIONS, -1), "outside");
        assertMalformed(polar(64, DEFAULT_OPTIONS, 1 << 24), "exceeds the");
        assertMalformed(polar(64, DEFAULT_OPTIONS, 0), "outside");
        assertMalformed(polar(64, "", 1), "canonical");
        assertMalformed(polar(64, "list=2", 1), "canonical");
        byte[] opts = "file=/etc/passwd".getBytes(StandardCharsets.UTF_8);
        assertMalformed(le(13 + opts.length).put((byte) 3).putInt(64).putInt(opts.length).put(opts).putInt(0).array(),
                "n= or file=");
        byte[] ok = LatticeDescription.of("E8").toBytes();
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertMalformed(trailing, "1 bytes after");
        assertThrows(IllegalArgumentException.class, () -> LatticeDescription.fromBytes(ok, 1, ok.length));
        assertThrows(IllegalArgumentException.class, () -> LatticeDescription.fromBytes(ok, -1, 2));
    }

    @Test
    void embeddedDesignsMustCarryAndMatchTheirHash() throws IOException {
        Path p = dir.resolve("d.json");
        Files.writeString(p, ShippedDesigns.forN(64, 1).toJson());
        byte[] good = LatticeDescription.of("polar:file=" + p).toBytes();
        String text = new String(good, StandardCharsets.ISO_8859_1);
        // the same length, another information set: the hash no longer matches
        String tampered = text.replaceFirst("\"information_set\": \\[(\\d)", "\"information_set\": [9");
        assertFalse(tampered.equals(text));
        byte[] t = tampered.getBytes(StandardCharsets.ISO_8859_1);
        LatticeDescription d = LatticeDescription.fromBytes(t, 0, t.length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, d::build);
        assertTrue(e.getMessage().startsWith("lattice description: "), e.getMessage());
        // the same length, the hash renamed away: refused rather than trusted
        byte[] h = text.replace("\"sha256\"", "\"sha257\"").getBytes(StandardCharsets.ISO_8859_1);
        e = assertThrows(IllegalArgumentException.class, () -> LatticeDescription.fromBytes(h, 0, h.length).build());
        assertTrue(e.getMessage().contains("no sha256"), e.getMessage());
    }

    @Test
    void everyTruncationAndRandomCorruptionGivesADescriptionOrAOneLineError() throws IOException {
        Path rows = dir.resolve("rows.txt");
        Files.writeString(rows, "2 0\n1 1\n");
        Path design = dir.resolve("d.json");
        Files.writeString(design, ShippedDesigns.forN(64, 1).toJson());
        Random rnd = new Random(16);
        for (String spec : new String[] {"0.5*E8^2", "gen:file=" + rows, "polar:file=" + design + ",list=2"}) {
            byte[] good = LatticeDescription.of(spec).toBytes();
            for (int len = 0; len < good.length; len++) {
                int l = len;
                assertThrows(IllegalArgumentException.class, () -> LatticeDescription.fromBytes(good, 0, l));
            }
            for (int t = 0; t < 300; t++) {
                byte[] b = good.clone();
                int flips = 1 + rnd.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    b[rnd.nextInt(Math.min(b.length, 64))] ^= (byte) (1 << rnd.nextInt(8));
                }
                try {
                    LatticeDescription.fromBytes(b, 0, b.length).build();
                } catch (IllegalArgumentException e) {
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                } catch (RuntimeException | Error e) {
                    fail(spec + ": corrupted description threw " + e);
                }
            }
        }
    }
}
