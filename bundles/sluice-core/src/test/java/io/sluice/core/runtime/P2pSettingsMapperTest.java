package io.sluice.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.p2p.P2pSettings;
import io.sluice.core.testing.TestCrypto;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static-key peer-to-peer configurations as the engine's settings, with OpenVPN 2.6's defaults. */
class P2pSettingsMapperTest {

    @TempDir
    Path dir;

    @BeforeEach
    void keyFile() throws Exception {
        Files.writeString(dir.resolve("static.key"), ControlProtectionMapperTest.KEY);
    }

    private P2pSettings map(String conf) throws ConfigException {
        return P2pSettingsMapper.map(ConfigParser.parseString("dev tun\nifconfig 10.9.0.1 10.9.0.2\n" + conf,
                "p2p.conf", dir), "p2p", TestCrypto.providers());
    }

    @Test
    void aUdpPeerWithARemoteAndADirection() throws Exception {
        P2pSettings s = map("secret static.key 1\nremote 198.18.0.2\ncipher AES-256-CBC\nauth SHA256\nkeepalive 2 10\n");
        assertEquals(KeyDirection.INVERSE, s.direction());
        assertEquals(P2pSettings.Link.UDP, s.link());
        assertEquals(Optional.of(new P2pSettings.Remote("198.18.0.2", 1194, 0)), s.remote());
        assertEquals(Optional.of(new InetSocketAddress("0.0.0.0", 1194)), s.bind(), "p2p peers bind 1194 by default");
        assertEquals("AES-256-CBC", s.cipher());
        assertEquals("SHA256", s.auth());
        assertEquals(Duration.ofSeconds(2), s.ping());
        assertEquals(Duration.ofSeconds(10), s.pingRestart());
        assertEquals(0x10, s.key().toByteArray()[0x10] & 0xff);
    }

    @Test
    void keyDirectionAndTheTcpRoles() throws Exception {
        P2pSettings server = map("secret static.key\nkey-direction 0\nproto tcp-server\nlport 1195\ncipher none\n"
                + "auth none\n");
        assertEquals(KeyDirection.NORMAL, server.direction());
        assertEquals(P2pSettings.Link.TCP_SERVER, server.link());
        assertEquals(Optional.of(new InetSocketAddress("0.0.0.0", 1195)), server.bind());
        P2pSettings client = map("secret static.key\nproto tcp-client\nremote 198.18.0.1 1195\ncipher AES-128-CBC\n");
        assertEquals(KeyDirection.BIDIRECTIONAL, client.direction());
        assertEquals(P2pSettings.Link.TCP_CLIENT, client.link());
        assertEquals(Optional.empty(), client.bind(), "a TCP client binds only when told to");
        assertEquals("SHA1", client.auth(), "OpenVPN's default digest");
    }

    @Test
    void withoutCipherTheBlowfishDefaultFailsInOneLineWhenNoProviderOffersIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> map("secret static.key\n"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("p2p.conf:3") && e.getMessage().contains("'cipher'")
                && e.getMessage().contains("BF-CBC") && e.getMessage().contains("cipher AES-256-CBC"), e.getMessage());
    }

    @Test
    void anAeadCipherIsRefusedAsOpenVpnRefusesItOutsideTlsMode() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> map("secret static.key\ncipher AES-256-GCM\n"));
        assertTrue(e.getMessage().contains("p2p.conf:4") && e.getMessage().contains("mode not supported"),
                e.getMessage());
    }
}
