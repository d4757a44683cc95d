package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a first start writes, what a later start does with it, and what it refuses. */
class PkiBootstrapTest {

    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("state");
    }

    @Test
    void firstStartCreatesTheDirectoryOwnerOnlyAndTheSixPkiFiles() throws Exception {
        PkiBootstrap.Result r = TestBootstraps.now().ensure(dir(), false);

        assertTrue(r.generated());
        assertFalse(r.tlsCryptGenerated());
        assertEquals(perms("rwx------"), Files.getPosixFilePermissions(dir()));
        assertEquals(dir().resolve("ca.crt"), r.files().caCert());
        assertEquals(dir().resolve("ca.key"), r.files().caKey());
        assertEquals(dir().resolve("server.crt"), r.files().serverCert());
        assertEquals(dir().resolve("server.key"), r.files().serverKey());
        assertEquals(dir().resolve("client1.crt"), r.files().clientCert());
        assertEquals(dir().resolve("client1.key"), r.files().clientKey());
        assertEquals(dir().resolve("client1.ovpn"), r.files().clientProfile());
        assertEquals(Optional.empty(), r.files().tlsCryptKey());
        assertEquals(List.of(".pki.lock", "ca.crt", "ca.key", "client1.crt", "client1.key", "server.crt",
                "server.key"), listing(dir()), "nothing else, in particular no staging directory or temp file");
    }

    @Test
    void privateKeysAreOwnerOnlyAndCertificatesWorldReadable() throws Exception {
        PkiFiles f = TestBootstraps.now().ensure(dir(), true).files();

        for (Path key : List.of(f.caKey(), f.serverKey(), f.clientKey(), f.tlsCryptKey().orElseThrow())) {
            assertEquals(perms("rw-------"), Files.getPosixFilePermissions(key), key.toString());
        }
        for (Path cert : List.of(f.caCert(), f.serverCert(), f.clientCert())) {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(cert);
            assertTrue(p.contains(PosixFilePermission.OWNER_READ), cert.toString());
            assertFalse(p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)
                    || p.contains(PosixFilePermission.OWNER_EXECUTE), cert.toString());
        }
    }

    @Test
    void keysAreOwnerOnlyBeforeTheyGetTheirNames() throws Exception {
        Map<String, Set<PosixFilePermission>> seen = new TreeMap<>();
        AtomicFiles.Publisher recording = (source, target) -> {
            seen.put(target.getFileName().toString(), Files.getPosixFilePermissions(source));
            Files.move(source, target);
        };
        TestBootstraps.withPublisher(recording).ensure(dir(), true);

        for (String key : List.of("ca.key", "server.key", "client1.key", "tls-crypt.key")) {
            assertEquals(perms("rw-------"), seen.get(key), key);
        }
    }

    @Test
    void anExistingDirectoryIsUsedWithItsPermissionsAndOtherFilesLeftAlone() throws Exception {
        Files.createDirectories(dir());
        Files.setPosixFilePermissions(dir(), perms("rwxr-x---"));
        Files.writeString(dir().resolve("server.conf"), "port 1194\n");

        TestBootstraps.now().ensure(dir(), false);

        assertEquals(perms("rwxr-x---"), Files.getPosixFilePermissions(dir()));
        assertEquals("port 1194\n", Files.readString(dir().resolve("server.conf")));
    }

    @Test
    void aSecondStartReusesThePkiAndChangesNothing() throws Exception {
        PkiBootstrap.Result first = TestBootstraps.now().ensure(dir(), true);
        Map<String, String> before = snapshot(dir());

        PkiBootstrap.Result second = TestBootstraps.now().ensure(dir(), true);

        assertFalse(second.generated());
        assertFalse(second.tlsCryptGenerated());
        assertEquals(first.files(), second.files());
        assertEquals(before, snapshot(dir()));
    }

    @Test
    void aRelativeDirectoryYieldsAbsolutePaths() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(dir());
        PkiFiles files = TestBootstraps.now().ensure(relative, false).files();
        assertEquals(dir(), files.directory());
        assertTrue(files.caKey().isAbsolute());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca.crt", "ca.key", "server.crt", "server.key", "client1.crt", "client1.key"})
    void aPkiWithAFileMissingIsRefusedNamingItAndNothingIsWritten(String missing) throws Exception {
        TestBootstraps.now().ensure(dir(), false);
        Files.delete(dir().resolve(missing));
        Map<String, String> before = snapshot(dir());

        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir(), true));

        assertTrue(e.getMessage().startsWith(dir() + ": incomplete PKI: missing " + missing + " (present: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(before, snapshot(dir()), "no file created, replaced or removed (not even tls-crypt.key)");
    }

    @Test
    void aLoneCaKeyIsAPartialPkiToo() throws Exception {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("ca.key"), "a key the user keeps\n");

        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir(), false));

        assertEquals(dir() + ": incomplete PKI: missing ca.crt, server.crt, client1.crt, server.key, client1.key"
                + " (present: ca.key); Sluice generates a PKI only in a directory without one and never replaces"
                + " part of one: restore the missing files, or move the present ones away to start afresh",
                e.getMessage());
        assertEquals("a key the user keeps\n", Files.readString(dir().resolve("ca.key")));
    }

    @Test
    void aReusedCertificateThatIsNotPemIsRefusedNamingTheFile() throws Exception {
        TestBootstraps.now().ensure(dir(), false);
        Files.writeString(dir().resolve("server.crt"), "garbage\n");

        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir(), false));

        assertTrue(e.getMessage().startsWith(dir().resolve("server.crt") + ": "), e.getMessage());
    }

    @Test
    void aReusedKeyOfAnotherCertificateIsRefused() throws Exception {
        TestBootstraps.now().ensure(dir(), false);
        Files.copy(dir().resolve("client1.key"), dir().resolve("server.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir(), false));

        assertEquals(dir().resolve("server.key") + ": not the private key of the certificate in "
                + dir().resolve("server.crt"), e.getMessage());
    }

    @Test
    void aReusedLeafFromAnotherCaIsRefused() throws Exception {
        TestBootstraps.now().ensure(dir(), false);
        Path other = tmp.resolve("other");
        TestBootstraps.now().ensure(other, false);
        for (String name : List.of("client1.crt", "client1.key")) {
            Files.copy(other.resolve(name), dir().resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir(), false));

        assertEquals(dir().resolve("client1.crt") + ": not issued by the CA in " + dir().resolve("ca.crt"),
                e.getMessage());
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws Exception {
        Files.writeString(dir(), "not a directory");
        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir(), false));
        assertEquals(dir() + ": not a directory", e.getMessage());
    }

    @Test
    void tlsCryptKeyIsCreatedOnlyWhenAskedFor() throws Exception {
        assertFalse(Files.exists(TestBootstraps.now().ensure(dir(), false).files().caCert().resolveSibling(
                "tls-crypt.key")));

        PkiBootstrap.Result r = TestBootstraps.now().ensure(dir(), true);

        assertFalse(r.generated(), "the PKI itself is reused");
        assertTrue(r.tlsCryptGenerated());
        assertEquals(Optional.of(dir().resolve("tls-crypt.key")), r.files().tlsCryptKey());
        assertTrue(Files.readString(dir().resolve("tls-crypt.key")).contains("-----BEGIN OpenVPN Static key V1-----"));
    }

    @Test
    void anExistingTlsCryptKeyIsReusedAndLeftAloneWhenNotAskedFor() throws Exception {
        TestBootstraps.now().ensure(dir(), true);
        byte[] key = Files.readAllBytes(dir().resolve("tls-crypt.key"));

        PkiBootstrap.Result without = TestBootstraps.now().ensure(dir(), false);
        PkiBootstrap.Result with = TestBootstraps.now().ensure(dir(), true);

        assertEquals(Optional.empty(), without.files().tlsCryptKey());
        assertFalse(with.tlsCryptGenerated());
        assertTrue(Arrays.equals(key, Files.readAllBytes(dir().resolve("tls-crypt.key"))));
    }

    @Test
    void aDamagedTlsCryptKeyIsRefusedNotReplaced() throws Exception {
        TestBootstraps.now().ensure(dir(), true);
        Files.writeString(dir().resolve("tls-crypt.key"), "-----BEGIN OpenVPN Static key V1-----\nabcd\n"
                + "-----END OpenVPN Static key V1-----\n");

        PkiException e = assertThrows(PkiException.class, () -> TestBootstraps.now().ensure(dir(), true));

        assertEquals(dir().resolve("tls-crypt.key") + ": static key: 2 bytes, expected 256", e.getMessage());
        assertTrue(Files.readString(dir().resolve("tls-crypt.key")).contains("abcd"));
    }

    private static Set<PosixFilePermission> perms(String s) {
        return PosixFilePermissions.fromString(s);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Name → content, permissions and modification time of every entry, to prove nothing changed. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String name : listing(dir)) {
            Path p = dir.resolve(name);
            List<String> facts = new ArrayList<>();
            facts.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            FileTime modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
            facts.add(modified.toString());
            facts.add(Files.isRegularFile(p) ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : "<dir>");
            out.put(name, String.join("|", facts));
        }
        return out;
    }
}
