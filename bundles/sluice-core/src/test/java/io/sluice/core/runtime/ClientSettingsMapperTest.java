package io.sluice.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.TransportProtocol;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.core.client.AuthRetry;
import io.sluice.core.client.ClientSettings;
import io.sluice.core.client.Credentials;
import io.sluice.core.client.RemoteSpec;
import io.sluice.core.engine.Prompt;
import io.sluice.core.pushed.ConnectRetry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client profile as the engine's settings: remotes, binding, retry, credentials. */
class ClientSettingsMapperTest {

    /** Verifies the server by fingerprint, so the profiles need no certificate files. */
    private static final String PIN = "peer-fingerprint " + "AB:".repeat(31) + "AB\n";

    @TempDir
    Path dir;

    private ClientSettings map(String profile, Prompt prompt) throws ConfigException {
        return ClientSettingsMapper.map(ConfigParser.parseString(profile + PIN, "client.ovpn", dir), "client", prompt);
    }

    @Test
    void remotesKeepTheirOwnPortAndProtocolAndFallBackToTheGlobalOnes() throws Exception {
        ClientSettings s = map("client\ndev tun\nproto tcp\nport 443\nnobind\n"
                + "remote a.example 1194 udp\nremote b.example\nremote fd18::1 1195 tcp6\n", Prompt.NONE);
        assertEquals(List.of(
                new RemoteSpec("a.example", 1194, TransportProtocol.UDP, 0, Optional.empty(), false, false),
                new RemoteSpec("b.example", 443, TransportProtocol.TCP, 0, Optional.empty(), false, false),
                new RemoteSpec("fd18::1", 1195, TransportProtocol.TCP, 6, Optional.empty(), false, false)),
                s.remotes());
    }

    @Test
    void connectionBlocksAreTriedInOrderWithTheirOwnOptions() throws Exception {
        ClientSettings s = map("client\ndev tun\nnobind\nexplicit-exit-notify 2\n"
                + "<connection>\nremote 198.18.0.1 1194 udp\n</connection>\n"
                + "<connection>\nremote 198.18.0.1 443 tcp-client\nexplicit-exit-notify 0\n</connection>\n", Prompt.NONE);
        assertEquals(2, s.remotes().size());
        assertEquals(TransportProtocol.UDP, s.remotes().get(0).protocol());
        assertTrue(s.remotes().get(0).explicitExitNotify());
        assertEquals(443, s.remotes().get(1).port());
        assertEquals(TransportProtocol.TCP, s.remotes().get(1).protocol());
        assertFalse(s.remotes().get(1).explicitExitNotify());
    }

    @Test
    void aLocalPortBindsAndNobindDoesNot() throws Exception {
        ClientSettings bound = map("client\ndev tun\nlport 5000\nremote 198.18.0.1\n", Prompt.NONE);
        assertEquals(Optional.of(new InetSocketAddress("0.0.0.0", 5000)), bound.remotes().get(0).bind());
        ClientSettings unbound = map("client\ndev tun\nnobind\nremote 198.18.0.1\n", Prompt.NONE);
        assertEquals(Optional.empty(), unbound.remotes().get(0).bind());
    }

    @Test
    void connectRetryAndConnectRetryMaxAreReadAsOpenVpnReadsThem() throws Exception {
        ClientSettings s = map("client\ndev tun\nremote 198.18.0.1\nconnect-retry 5 60\nconnect-retry-max 3\n"
                + "auth-retry nointeract\n", Prompt.NONE);
        assertEquals(new ConnectRetry(5, 60, 3, true, true), s.retry());
        assertEquals(AuthRetry.NOINTERACT, s.authRetry());
        ClientSettings defaults = map("client\ndev tun\nremote 198.18.0.1\n", Prompt.NONE);
        assertEquals(ConnectRetry.DEFAULT, defaults.retry());
        assertEquals(AuthRetry.NONE, defaults.authRetry());
    }

    @Test
    void authUserPassComesFromTheFileAndIsReadAgainWhenAsked() throws Exception {
        Path file = dir.resolve("login.txt");
        Files.writeString(file, "alice\ncorrect horse\n");
        ClientSettings s = map("client\ndev tun\nremote 198.18.0.1\nauth-user-pass login.txt\n", Prompt.NONE);
        assertEquals(Optional.of(new Credentials("alice", "correct horse")), s.credentials().orElseThrow().read());
        Files.writeString(file, "alice\nnew password\n");
        assertEquals(Optional.of(new Credentials("alice", "new password")), s.credentials().orElseThrow().read(),
                "read again (after auth-nocache or AUTH_FAILED), the file's new content counts");
    }

    @Test
    void aFileWithOnlyAUsernameAsksForThePasswordAndWithoutATerminalThatIsAConfigurationError() throws Exception {
        Files.writeString(dir.resolve("user.txt"), "alice\n");
        Deque<String> answers = new ArrayDeque<>(List.of("typed password"));
        ClientSettings s = map("client\ndev tun\nremote 198.18.0.1\nauth-user-pass user.txt\n",
                (question, echo) -> {
                    assertEquals("Enter Auth Password:", question);
                    assertFalse(echo, "a password is not echoed");
                    return Optional.ofNullable(answers.poll());
                });
        assertEquals(Optional.of(new Credentials("alice", "typed password")), s.credentials().orElseThrow().read());

        ConfigException e = assertThrows(ConfigException.class,
                () -> map("client\ndev tun\nremote 198.18.0.1\nauth-user-pass\n", Prompt.NONE));
        assertEquals("client.ovpn:4: option 'auth-user-pass': could not read Auth username from stdin (no terminal;"
                + " give a file)", e.getMessage());
    }

    @Test
    void aServerProtocolInAClientIsAConfigurationErrorNamingTheLine() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> map("client\ndev tun\nremote 198.18.0.1 1194 tcp-server\n", Prompt.NONE));
        assertTrue(e.getMessage().startsWith("client.ovpn:3: option 'remote': "), e.getMessage());
    }
}
