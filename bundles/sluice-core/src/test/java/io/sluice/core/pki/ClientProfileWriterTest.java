package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.core.pki.ProfileRemote.Transport;

/** Profiles are written owner-only, whole, and a profile already there is never replaced by a start. */
class ClientProfileWriterTest {

    @TempDir
    Path dir;

    private PkiFiles files;

    private ClientProfile profile(int port) throws PkiException {
        if (files == null) {
            files = TestBootstraps.now().ensure(dir, false).files();
        }
        return ClientProfile.fromFiles(files, List.of(new ProfileRemote("vpn.example.com", port, Transport.UDP)),
                ClientProfile.DEFAULT_DATA_CIPHERS);
    }

    @Test
    void aNewProfileIsWrittenOwnerOnlyWithTheProfileText() throws Exception {
        ClientProfile p = profile(1194);

        assertEquals(ClientProfileWriter.Outcome.WRITTEN, new ClientProfileWriter().writeIfAbsent(
                files.clientProfile(), p));

        assertEquals(p.text(), Files.readString(files.clientProfile()));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(files.clientProfile()));
        assertEquals(List.of(), temporaryFiles(), "no temporary file is left behind");
    }

    @Test
    void theSameProfileAgainIsReportedUnchanged() throws Exception {
        ClientProfileWriter w = new ClientProfileWriter();
        w.writeIfAbsent(profilePath(), profile(1194));
        assertEquals(ClientProfileWriter.Outcome.UNCHANGED, w.writeIfAbsent(profilePath(), profile(1194)));
    }

    @Test
    void aProfileTheUserEditedIsKeptAndReportedDifferent() throws Exception {
        ClientProfileWriter w = new ClientProfileWriter();
        w.writeIfAbsent(profilePath(), profile(1194));
        Files.writeString(profilePath(), Files.readString(profilePath()).replace("verb 3", "verb 4"));
        String edited = Files.readString(profilePath());

        assertEquals(ClientProfileWriter.Outcome.KEPT_DIFFERENT, w.writeIfAbsent(profilePath(), profile(443)));

        assertEquals(edited, Files.readString(profilePath()));
    }

    @Test
    void writeReplacesTheProfileWholeAndOwnerOnlyEvenOverALooserFile() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("client1.ovpn"), "old\n");
        Files.setPosixFilePermissions(dir.resolve("client1.ovpn"), PosixFilePermissions.fromString("rw-r--r--"));

        new ClientProfileWriter().write(profilePath(), profile(443));

        assertEquals(profile(443).text(), Files.readString(profilePath()));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(profilePath()));
    }

    @Test
    void aFailedPublishLeavesNoFileAndNoTemporaryFile() throws Exception {
        ClientProfile p = profile(1194);
        ClientProfileWriter failing = new ClientProfileWriter(new AtomicFiles((source, target) -> {
            throw new IOException("disk full");
        }));

        PkiException e = assertThrows(PkiException.class, () -> failing.writeIfAbsent(profilePath(), p));

        assertEquals(profilePath() + ": cannot write the client profile: disk full", e.getMessage());
        assertFalse(Files.exists(profilePath()));
        assertEquals(List.of(), temporaryFiles());
    }

    private Path profilePath() {
        return dir.resolve("client1.ovpn");
    }

    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }
}
