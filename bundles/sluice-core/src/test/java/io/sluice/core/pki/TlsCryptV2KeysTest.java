package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import io.sluice.core.wire.ClientKeyMetadata;
import io.sluice.core.wire.ClientKeyWrapping;
import io.sluice.core.wire.UnwrappedClientKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --genkey tls-crypt-v2-server} and {@code tls-crypt-v2-client}: owner-only files,
 * never over an existing one, client keys that unwrap under their server key with the metadata
 * OpenVPN would wrap (the creation time, or the given base64 bytes after a user type byte).
 * That stock OpenVPN reads them is TlsCryptV2IT's job.
 */
class TlsCryptV2KeysTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    private UnwrappedClientKey unwrap(String serverText, TlsCryptV2ClientKey client) throws Exception {
        byte[] wkc = client.wkc();
        return new ClientKeyWrapping(TlsCryptV2ServerKey.parse(serverText)).unwrap(ByteBuffer.wrap(wkc), 0, wkc.length)
                .value();
    }

    @Test
    void keysAreOwnerOnlyAndAnExistingFileIsNeverReplaced() throws Exception {
        Path server = dir.resolve("server.key");
        TlsCryptV2Keys.createServerKey(server, random);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server)));
        String before = Files.readString(server);
        assertThrows(FileAlreadyExistsException.class, () -> TlsCryptV2Keys.createServerKey(server, random));
        assertEquals(before, Files.readString(server));

        Path client = dir.resolve("client.key");
        TlsCryptV2Keys.createClientKey(client, before, Optional.empty(), NOW, random);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(client)));
        String clientBefore = Files.readString(client);
        assertThrows(FileAlreadyExistsException.class,
                () -> TlsCryptV2Keys.createClientKey(client, before, Optional.empty(), NOW, random));
        assertEquals(clientBefore, Files.readString(client));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aClientKeyWithoutMetadataCarriesItsCreationTime() throws Exception {
        String server = TlsCryptV2Keys.serverKeyText(random);
        TlsCryptV2ClientKey client = TlsCryptV2ClientKey.parse(
                TlsCryptV2Keys.clientKeyText(server, Optional.empty(), NOW, random));
        UnwrappedClientKey back = unwrap(server, client);
        assertArrayEquals(client.kc().toByteArray(), back.kc().toByteArray());
        assertEquals(ClientKeyMetadata.TYPE_TIMESTAMP, back.metadata().type());
        assertEquals(NOW, back.metadata().timestamp().orElseThrow());
    }

    @Test
    void base64MetadataIsWrappedAsUserMetadata() throws Exception {
        String server = TlsCryptV2Keys.serverKeyText(random);
        TlsCryptV2ClientKey client = TlsCryptV2ClientKey.parse(
                TlsCryptV2Keys.clientKeyText(server, Optional.of("c2x1aWNlIHRlc3Q="), NOW, random));
        UnwrappedClientKey back = unwrap(server, client);
        assertEquals(ClientKeyMetadata.TYPE_USER, back.metadata().type());
        assertEquals("sluice test", new String(back.metadata().value(), StandardCharsets.US_ASCII));
    }

    @Test
    void badMetadataOrServerKeyIsRefusedInOpenVpnsWords() {
        String server = TlsCryptV2Keys.serverKeyText(random);
        assertEquals("ERROR: failed to base64 decode provided metadata", assertThrows(IllegalArgumentException.class,
                () -> TlsCryptV2Keys.clientKeyText(server, Optional.of("not base64!"), NOW, random)).getMessage());
        String tooLong = java.util.Base64.getEncoder().encodeToString(new byte[ClientKeyMetadata.MAX_LENGTH]);
        assertEquals("ERROR: metadata too long (734 bytes, max 733 bytes)", assertThrows(IllegalArgumentException.class,
                () -> TlsCryptV2Keys.clientKeyText(server, Optional.of(tooLong), NOW, random)).getMessage());
        String longest = java.util.Base64.getEncoder().encodeToString(new byte[ClientKeyMetadata.MAX_LENGTH - 1]);
        assertTrue(TlsCryptV2Keys.clientKeyText(server, Optional.of(longest), NOW, random)
                .startsWith("-----BEGIN OpenVPN tls-crypt-v2 client key-----\n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsCryptV2Keys.clientKeyText(
                "-----BEGIN OpenVPN Static key V1-----", Optional.empty(), NOW, random)).getMessage()
                .startsWith("ERROR: invalid tls-crypt-v2 server key format"));
    }
}
