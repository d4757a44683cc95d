package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash while the PKI is being written never leaves a start that refuses to run or a PKI
 * mixed from two generations: the set is staged complete before any file is published, and
 * the next start finishes publishing it (or discards a staging that was never complete).
 */
class InterruptedBootstrapTest {

    @TempDir
    Path dir;

    /** Publishes {@code allowed} files normally, then fails as if the process had died. */
    private static AtomicFiles.Publisher crashingAfter(int allowed) {
        AtomicInteger done = new AtomicInteger();
        return (source, target) -> {
            if (done.getAndIncrement() >= allowed) {
                throw new IOException("simulated crash");
            }
            Files.move(source, target);
        };
    }

    @Test
    void aCrashHalfwayThroughPublishingIsCompletedByTheNextStart() throws Exception {
        assertThrows(PkiException.class, () -> TestBootstraps.withPublisher(crashingAfter(3)).ensure(dir, false));
        assertTrue(Files.exists(dir.resolve("ca.crt")));
        assertFalse(Files.exists(dir.resolve("ca.key")), "the crash left the PKI partly published");
        Map<String, byte[]> published = read(List.of("ca.crt", "server.crt", "client1.crt"));

        PkiBootstrap.Result r = TestBootstraps.now().ensure(dir, false);

        assertTrue(r.generated(), "finishing an interrupted first start counts as generating");
        for (Map.Entry<String, byte[]> e : published.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())), e.getKey());
        }
        for (String name : PkiFiles.PKI_FILE_NAMES) {
            assertTrue(Files.exists(dir.resolve(name)), name);
        }
        assertFalse(Files.exists(dir.resolve(PkiBootstrap.STAGING)));
        assertFalse(TestBootstraps.now().ensure(dir, false).generated(), "and the start after reuses it");
    }

    @Test
    void aCrashBetweenLinkingAndUnlinkingAStagedFileIsCompletedToo() throws Exception {
        AtomicFiles.Publisher linkOnlyThenCrash = (source, target) -> {
            Files.createLink(target, source);
            throw new IOException("simulated crash before the staged name was removed");
        };
        assertThrows(PkiException.class, () -> TestBootstraps.withPublisher(linkOnlyThenCrash).ensure(dir, false));

        PkiBootstrap.Result r = TestBootstraps.now().ensure(dir, false);

        assertTrue(r.generated());
        assertFalse(Files.exists(dir.resolve(PkiBootstrap.STAGING)));
    }

    @Test
    void aStagingThatWasNeverMarkedCompleteIsDiscardedAndAFreshPkiGenerated() throws Exception {
        Path staging = Files.createDirectories(dir.resolve(PkiBootstrap.STAGING));
        Files.writeString(staging.resolve("ca.crt"), "half of a generation\n");

        PkiBootstrap.Result r = TestBootstraps.now().ensure(dir, false);

        assertTrue(r.generated());
        assertFalse(Files.exists(staging));
        assertTrue(Files.readString(dir.resolve("ca.crt")).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void aStagedSetIsNotPublishedWhileADifferentFileHoldsOneOfItsNames() throws Exception {
        assertThrows(PkiException.class, () -> TestBootstraps.withPublisher(crashingAfter(0)).ensure(dir, false));
        Files.writeString(dir.resolve("server.crt"), "the user's own certificate\n");

        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir, false));

        assertEquals(dir.resolve("server.crt") + ": exists and differs from the generated "
                + dir.resolve(PkiBootstrap.STAGING).resolve("server.crt") + "; not replaced: move one of them away",
                e.getMessage());
        assertEquals("the user's own certificate\n", Files.readString(dir.resolve("server.crt")));
        assertFalse(Files.exists(dir.resolve("ca.crt")), "a conflict is found before anything is moved");
    }

    private Map<String, byte[]> read(List<String> names) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        for (String n : names) {
            out.put(n, Files.readAllBytes(dir.resolve(n)));
        }
        return out;
    }
}
