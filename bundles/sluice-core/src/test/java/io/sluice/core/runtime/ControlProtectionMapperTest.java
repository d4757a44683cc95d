package io.sluice.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
