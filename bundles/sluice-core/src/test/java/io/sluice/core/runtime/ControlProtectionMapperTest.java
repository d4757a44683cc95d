package io.sluice.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.wire.ControlProtectionSpec;
import io.sluice.core.wire.ControlProtectionSpec.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tls-auth and tls-crypt lines, with key-direction and auth, as the engine's protection spec. */
class ControlProtectionMapperTest {

    /** A static key in OpenVPN's file format: 256 bytes 00, 01, ... ff. */
    static final String KEY;

    static {
        StringBuilder b = new StringBuilder("#\n# 2048 bit OpenVPN static key\n#\n" + StaticKeyFile.BEGIN + "\n");
        for (int i = 0; i < 256; i++) {
            b.append(String.format("%02x", i));
            if (i % 16 == 15) {
                b.append('\n');
            }
        }
        KEY = b.append(StaticKeyFile.END).append('\n').toString();
    }

    @TempDir
    Path dir;

    private ControlProtectionSpec map(String conf) throws ConfigException {
        return ControlProtectionMapper.map(ConfigParser.parseString("client\ndev tun\nremote 198.18.0.1\n" + conf,
                "client.ovpn", dir));
    }

    @Test
    void withoutEitherOptionThereIsNoProtection() throws Exception {
        assertEquals(ControlProtectionSpec.NONE, map(""));
    }

    @Test
    void tlsAuthFromAFileTakesTheDirectionFromItsSecondArgumentAndTheDigestFromAuth() throws Exception {
        Files.writeString(dir.resolve("ta.key"), KEY);
        ControlProtectionSpec s = map("tls-auth ta.key 1\nauth SHA256\n");
        assertEquals(Kind.TLS_AUTH, s.kind());
        assertEquals(KeyDirection.INVERSE, s.direction());
        assertEquals("SHA256", s.digest());
        assertEquals(0x40, s.key().orElseThrow().toByteArray()[0x40] & 0xff, "the file's bytes, in order");
    }

    @Test
    void anInlineTlsAuthKeyTakesKeyDirectionAndSha1ByDefault() throws Exception {
        ControlProtectionSpec s = map("key-direction 0\n<tls-auth>\n" + KEY + "</tls-auth>\n");
        assertEquals(KeyDirection.NORMAL, s.direction());
        assertEquals("SHA1", s.digest());
    }

    @Test
    void tlsAuthWithoutADirectionIsBidirectional() throws Exception {
        Files.writeString(dir.resolve("ta.key"), KEY);
        assertEquals(KeyDirection.BIDIRECTIONAL, map("tls-auth ta.key\n").direction());
    }

    @Test
    void tlsCrypt() throws Exception {
        Files.writeString(dir.resolve("tc.key"), KEY);
        assertEquals(Kind.TLS_CRYPT, map("tls-crypt tc.key\n").kind());
    }

    @Test
    void aFileThatIsNotAStaticKeyIsAConfigurationErrorAtItsLine() throws Exception {
        Files.writeString(dir.resolve("ta.key"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        String message = assertThrows(ConfigException.class, () -> map("tls-auth ta.key 1\n")).getMessage();
        assertTrue(message.startsWith("client.ovpn:4: option 'tls-auth': ")
                && message.contains("ta.key is not an OpenVPN static key"), message);
    }

    @Test
    void theKeyIsNeverPrinted() throws Exception {
        Files.writeString(dir.resolve("tc.key"), KEY);
        String text = map("tls-crypt tc.key\n").toString();
        assertTrue(!text.contains("0001020304") && !text.contains("[0, 1, 2"), text);
    }

    private static String fixture(String name) throws java.io.IOException {
        try (var in = ControlProtectionMapperTest.class.getResourceAsStream("/io/sluice/core/wire/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private ControlProtectionSpec mapServer(String conf) throws ConfigException {
        return ControlProtectionMapper.map(ConfigParser.parseString("server 10.8.0.0 255.255.255.0\ndev tun\n" + conf,
                "server.conf", dir));
    }

    @Test
    void tlsCryptV2ReadsAServerKeyOnAServerAndAClientKeyOnAClientInlineToo() throws Exception {
        Files.writeString(dir.resolve("v2-server.key"), fixture("tls-crypt-v2-server.key"));
        ControlProtectionSpec server = mapServer("tls-crypt-v2 v2-server.key allow-noncookie\n");
        assertEquals(Kind.TLS_CRYPT_V2, server.kind());
        assertTrue(server.v2().orElseThrow().serverKey().isPresent());
        assertEquals(List.of("tls-crypt-v2 server key: Cipher 'AES-256-CTR' initialized with 256 bit key",
                "tls-crypt-v2 server key: Using 256 bit message hash 'SHA256' for HMAC authentication"),
                server.startLines(io.sluice.core.testing.TestCrypto.providers()));

        ControlProtectionSpec client = map("<tls-crypt-v2>\n" + fixture("tls-crypt-v2-client.key") + "</tls-crypt-v2>\n");
        assertEquals(Kind.TLS_CRYPT_V2, client.kind());
        assertTrue(client.v2().orElseThrow().clientKey().isPresent());
        assertEquals("Outgoing Control Channel Encryption: Cipher 'AES-256-CTR' initialized with 256 bit key",
                client.startLines(io.sluice.core.testing.TestCrypto.providers()).get(0));
    }

    @Test
    void tlsCryptV2MaxAgeAsOpenVpn27ReadsItLimitsTheServersClientKeysInDays() throws Exception {
        Files.writeString(dir.resolve("v2-server.key"), fixture("tls-crypt-v2-server.key"));
        assertEquals(0, mapServer("tls-crypt-v2 v2-server.key\n").v2().orElseThrow().maxAgeDays());
        assertEquals(30, mapServer("tls-crypt-v2 v2-server.key\ntls-crypt-v2-max-age 30\n").v2().orElseThrow()
                .maxAgeDays());
    }

    @Test
    void theWrongKindOfTlsCryptV2KeyIsAConfigurationErrorAtItsLine() throws Exception {
        Files.writeString(dir.resolve("v2-client.key"), fixture("tls-crypt-v2-client.key"));
        String message = assertThrows(ConfigException.class, () -> mapServer("tls-crypt-v2 v2-client.key\n"))
                .getMessage();
        assertTrue(message.startsWith("server.conf:3: option 'tls-crypt-v2': invalid tls-crypt-v2 server key format"),
                message);
    }

    @Test
    void forceCookieIsReadAndAllowNoncookieIsTheDefault() throws Exception {
        Files.writeString(dir.resolve("v2-server.key"), fixture("tls-crypt-v2-server.key"));
        assertTrue(mapServer("tls-crypt-v2 v2-server.key force-cookie\n").v2().orElseThrow().forceCookie());
        assertFalse(mapServer("tls-crypt-v2 v2-server.key allow-noncookie\n").v2().orElseThrow().forceCookie());
        assertFalse(mapServer("tls-crypt-v2 v2-server.key\n").v2().orElseThrow().forceCookie());
    }

    @Test
    void aSecondProtectionOnATlsCryptV2ServerIsRefused() throws Exception {
        Files.writeString(dir.resolve("v2-server.key"), fixture("tls-crypt-v2-server.key"));
        Files.writeString(dir.resolve("tc.key"), KEY);
        assertTrue(assertThrows(ConfigException.class, () -> mapServer("tls-crypt tc.key\ntls-crypt-v2 v2-server.key\n"))
                .getMessage().contains("tls-crypt-v2 together with tls-crypt on a server is not supported"));
    }
}
