package io.latq.lattice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The bounds of {@link LatticeSpecs} (length, depth, dimension) and the {@link SpecPolicy#EMBEDDED} policy. */
class LatticeSpecLimitsTest {

    @TempDir
    Path dir;

    /** Parses under both policies and returns the EMBEDDED failure, checking both are one-line IAEs. */
    private static IllegalArgumentException refused(String spec) {
        IllegalArgumentException trusted = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse(spec), () -> excerpt(spec));
        assertOneLine(trusted, spec);
        IllegalArgumentException embedded = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED), () -> excerpt(spec));
        assertOneLine(embedded, spec);
        return embedded;
    }

    private static void assertOneLine(IllegalArgumentException e, String spec) {
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), m);
        // the spec is quoted, but never more than MAX_QUOTE characters of it
        if (spec.length() > 2 * LatticeSpecs.MAX_QUOTE) {
            assertFalse(m.contains(spec.substring(0, 2 * LatticeSpecs.MAX_QUOTE)), "quotes too much: " + excerpt(m));
        }
        assertTrue(m.length() < 2000, "message of " + m.length() + " chars");
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    @Test
    void twoThousandNestedBracketsAreRefusedWithoutStackOverflow() {
        String spec = "(".repeat(2000) + "E8" + ")".repeat(2000);
        IllegalArgumentException e = refused(spec);
        assertTrue(e.getMessage().contains("nested more than " + LatticeSpecs.MAX_DEPTH), e.getMessage());
        // exactly at the limit is fine
        String ok = "(".repeat(LatticeSpecs.MAX_DEPTH) + "E8" + ")".repeat(LatticeSpecs.MAX_DEPTH);
        assertEquals(8, LatticeSpecs.parse(ok, SpecPolicy.EMBEDDED).dimension());
        refused("(".repeat(LatticeSpecs.MAX_DEPTH + 1) + "E8" + ")".repeat(LatticeSpecs.MAX_DEPTH + 1));
    }

    @Test
    void overlongSpecIsRefusedBeforeParsing() {
        String spec = "Z1x".repeat(33_333) + "Z1"; // 100 001 chars
        IllegalArgumentException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> refused(spec));
        assertTrue(e.getMessage().contains("longer than " + LatticeSpecs.MAX_SPEC_LENGTH), e.getMessage());
        refused("E8" + " ".repeat(LatticeSpecs.MAX_SPEC_LENGTH));
    }

    @Test
    void dimensionsAreBoundedBeforeAnythingIsBuilt() {
        assertEquals(65536, LatticeSpecs.dimensionOf("E8^8192"));
        assertEquals(65536, LatticeSpecs.dimensionOf("Z1^65536", SpecPolicy.EMBEDDED));
        assertEquals(4800, LatticeSpecs.dimensionOf("E8^600"));
        assertEquals(65536, LatticeSpecs.parse("E8^8192").dimension()); // shares one E8: cheap
        for (String spec : new String[] {"E8^8193", "Z1^65537", "Z65537", "E8^99999999999", "E8^4294967304",
                "Z1^0000000000000000000000001000000", "(Z1^256)^257", "((Z1^256)^256)^256", "E8^8192xZ1",
                "(E8^4096)x(E8^4096)xZ1", "A65536xZ1", "2*(D4^16384)^2"}) {
            IllegalArgumentException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    () -> refused(spec));
            assertTrue(e.getMessage().contains("exceeds the maximum of " + LatticeSpecs.MAX_DIMENSION), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.dimensionOf(spec));
        }
        // leading zeros are not a way around the bound, nor into an error
        assertEquals(16, LatticeSpecs.dimensionOf("E8^0000000000000000000000002"));
        refused("E8^0");
    }

    @Test
    void nestedProductsParseIterativelyAndAreCapped() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < LatticeSpecs.MAX_DEPTH; i++) {
            b.append("(E8x");
        }
        String ok = b + "E8" + ")".repeat(LatticeSpecs.MAX_DEPTH);
        Lattice l = LatticeSpecs.parse(ok, SpecPolicy.EMBEDDED);
        assertEquals(8 * (LatticeSpecs.MAX_DEPTH + 1), l.dimension());
        assertEquals(l.dimension(), LatticeSpecs.dimensionOf(ok));
        assertEquals(l.name(), LatticeSpecs.parse(l.name()).name());
        refused("(E8x".repeat(1000) + "E8" + ")".repeat(1000));
        refused("(E8x".repeat(5) + "E8" + ")".repeat(4)); // missing ')'
    }

    @Test
    void scalesThatMultiplyOutOfRangeAreRefused() {
        refused("1e-200*1e-200*E8");
        refused("1e200*1e200*E8");
        refused("1e999*E8");
        assertEquals(1e-3, ((ScaledLattice) LatticeSpecs.parse("1e-1*1e-2*E8")).scale(), 1e-18);
    }

    @Test
    void longDigitRunsDoNotBacktrack() {
        String digits = "1".repeat(4000);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            refused(digits);
            refused(digits + "*");
            refused("Z" + digits);
            refused("E8^" + digits);
        });
    }

    @Test
    void embeddedPolicyNeverOpensAGeneratorFile() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-CONTENT 1 2\n");
        // trusted: the file is read (and its bad token is quoted, shortly)
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("gen:file=" + secret));
        assertTrue(t.getMessage().contains("not a number"), t.getMessage());
        for (String spec : new String[] {"gen:file=" + secret, "gen:file=/etc/passwd", "gen:file=/dev/zero",
                "0.5*gen:file=" + secret, "(gen:file=" + secret + ")^2 x E8", "E8 x gen:file=" + secret,
                "gen:file=" + dir.resolve("missing.txt"), "GEN:file=/etc/passwd", "gen:oops"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED), spec);
            String m = e.getMessage();
            assertTrue(m.contains("may not open files"), m); // not "no such file": nothing was opened
            assertFalse(m.contains("SECRET") || m.contains("root:") || m.contains("\n"), m);
            assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.dimensionOf(spec, SpecPolicy.EMBEDDED));
            assertTrue(LatticeSpecs.readsFiles(spec), spec);
        }
        assertFalse(LatticeSpecs.readsFiles("0.5*(E8^2 x A2)"));
    }

    @Test
    void trustedGeneratorFilesMustBeSmallRegularFiles() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("gen:file=" + dir));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[(1 << 20) + 1]);
        e = assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.parse("gen:file=" + big));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        if (Files.exists(Path.of("/dev/zero"))) {
            e = assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.parse("gen:file=/dev/zero"));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
    }

    @Test
    void registeredFunctionsAreAssumedToReadFiles() {
        LatticeSpecs.register("limits-plain", arg -> new E8Lattice());
        assertEquals(8, LatticeSpecs.parse("limits-plain:x").dimension());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("limits-plain:x", SpecPolicy.EMBEDDED));
        assertTrue(e.getMessage().contains("may not open files"), e.getMessage());
    }

    /** A provider that declares it reads no file but parses its argument again as a spec. */
    private static final class Reparse implements LatticeSpecProvider {
        @Override
        public String prefix() {
            return "limits-reparse";
        }

        @Override
        public String usage() {
            return "limits-reparse:SPEC";
        }

        @Override
        public Lattice parse(String argument) {
            // a syntax check in between must neither fail nor lift the enclosing policy
            assertTrue(LatticeSpecs.readsFiles(argument) == argument.contains("gen:"));
            return LatticeSpecs.parse(argument); // asks for TRUSTED
        }

        @Override
        public boolean readsFiles(String argument) {
            return false;
        }
    }

    @Test
    void nestedParsesInheritTheEmbeddedPolicyAndTheDepthLimit() throws IOException {
        LatticeSpecs.register(new Reparse());
        Path rows = dir.resolve("rows.txt");
        Files.writeString(rows, "2 0\n1 1\n");
        assertEquals(2, LatticeSpecs.parse("limits-reparse:gen:file=" + rows).dimension());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("limits-reparse:gen:file=" + rows, SpecPolicy.EMBEDDED));
        assertTrue(e.getMessage().contains("may not open files"), e.getMessage());
        // ... and after the refusal this thread is back to TRUSTED
        assertEquals(2, LatticeSpecs.parse("gen:file=" + rows).dimension());

        assertEquals(8, LatticeSpecs.parse("limits-reparse:".repeat(10) + "E8", SpecPolicy.EMBEDDED).dimension());
        e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("limits-reparse:".repeat(200) + "E8"));
        assertTrue(e.getMessage().contains("nested more than " + LatticeSpecs.MAX_DEPTH), e.getMessage());
        assertEquals(8, LatticeSpecs.parse("E8").dimension());
    }

    @Test
    void randomSpecsGiveALatticeOrAOneLineIllegalArgumentException() {
        String alphabet = "()xX^*0123456789.eEZADgn:fil=polar, ×\n";
        Random rnd = new Random(16);
        for (int t = 0; t < 5000; t++) {
            int len = 1 + rnd.nextInt(40);
            StringBuilder b = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String spec = b.toString();
            try {
                Lattice l = LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED);
                assertEquals(l.dimension(), LatticeSpecs.dimensionOf(spec, SpecPolicy.EMBEDDED), spec);
            } catch (IllegalArgumentException e) {
                assertOneLine(e, spec);
            } catch (RuntimeException | Error e) {
                fail("spec '" + spec + "' threw " + e);
            }
        }
    }
}
