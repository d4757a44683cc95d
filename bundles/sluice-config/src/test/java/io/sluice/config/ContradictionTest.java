package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Combinations OpenVPN's option verification refuses, each reported at one offending line. */
class ContradictionTest {

    @TempDir
    Path dir;

    @BeforeEach
    void keys() {
        for (String f : new String[] {"ca.crt", "s.crt", "s.key", "dh.pem", "ta.key", "tc.key", "static.key"}) {
            Fixtures.write(dir, f, "x");
        }
    }

    private String error(String text) {
        return Fixtures.error(dir, text);
    }

    @Test
    void tlsServerWithTlsClient() {
        assertEquals("test.conf:2: option 'tls-client': cannot be used together with 'tls-server' (test.conf:1)",
                error("tls-server\ntls-client\n"));
    }

    @Test
    void clientWithModeServer() {
        assertEquals("test.conf:3: option 'mode': cannot be used together with 'client' (test.conf:1)",
                error("client\ndev tun\nmode server\n"));
    }

    @Test
    void serverWithServerBridge() {
        assertEquals("test.conf:2: option 'server': cannot be used together with 'server-bridge' (test.conf:3)",
                error("dev tap\nserver 10.8.0.0 255.255.255.0\nserver-bridge\n"));
    }

    @Test
    void tcpServerInClientMode() {
        assertEquals("test.conf:3: option 'proto': 'tcp-server' cannot be used in client mode (use tcp-client or tcp)",
                error("client\ndev tun\nproto tcp-server\nremote a\n"));
    }

    @Test
    void tcpClientInServerMode() {
        assertTrue(error("dev tun\nserver 10.8.0.0 255.255.255.0\nproto tcp-client\n")
                .startsWith("test.conf:3: option 'proto': 'tcp-client' cannot be used in server mode"));
    }

    @Test
    void ambiguousTcpWithoutHelpers() {
        assertEquals("test.conf:2: option 'proto': 'tcp' is ambiguous here; use tcp-server or tcp-client",
                error("dev tun\nproto tcp\nremote a\n"));
    }

    @Test
    void serverOptionsWithoutModeServer() {
        assertEquals("test.conf:2: option 'client-config-dir': requires 'mode server' (or the 'server' helper)",
                error("dev tun\nclient-config-dir ccd\n"));
        assertEquals("test.conf:2: option 'duplicate-cn': requires 'mode server' (or the 'server' helper)",
                error("client\nduplicate-cn\n"));
        assertEquals("test.conf:1: option 'ifconfig-pool': requires 'mode server' (or the 'server' helper)",
                error("ifconfig-pool 10.0.0.2 10.0.0.9\n"));
    }

    @Test
    void tlsAuthWithTlsCrypt() {
        assertEquals("test.conf:3: option 'tls-crypt': cannot be used together with 'tls-auth' (test.conf:2)",
                error("tls-client\ntls-auth ta.key 1\ntls-crypt tc.key\n"));
    }

    @Test
    void secretWithTls() {
        assertEquals("test.conf:2: option 'secret': cannot be used together with 'tls-client' (test.conf:1)",
                error("tls-client\nsecret static.key\n"));
    }

    @Test
    void tlsOptionsWithoutTlsMode() {
        assertEquals("test.conf:2: option 'ca': can only be used in TLS mode (with tls-server, tls-client, server or"
                + " client)", error("dev tun\nca ca.crt\n"));
    }

    @Test
    void tlsCryptV2OutsideTlsModeIsOnlyTheServerKeyOfGenkey() throws ConfigException {
        assertEquals("test.conf:2: option 'tls-crypt-v2': can only be used in TLS mode (with tls-server, tls-client,"
                + " server or client)", error("dev tun\ntls-crypt-v2 tc.key\n"));
        // As openvpn --tls-crypt-v2 server.key --genkey tls-crypt-v2-client client.key
        assertTrue(Fixtures.parse(dir, "tls-crypt-v2 tc.key\ngenkey tls-crypt-v2-client client.key\n").has("genkey"));
    }

    @Test
    void serverNetmaskMustMatchTheNetwork() {
        assertEquals("test.conf:2: option 'server': network/netmask combination is invalid (10.8.0.1 is not the start of"
                + " a network with netmask 255.255.255.0)", error("dev tun\nserver 10.8.0.1 255.255.255.0\n"));
    }

    @Test
    void serverNetworkMayBeAtMostASlash16() {
        assertEquals("test.conf:2: option 'server': netmask allows too many host addresses (the network must be /16 or"
                + " smaller)", error("dev tun\nserver 10.0.0.0 255.0.0.0\n"));
    }

    @Test
    void tunServerNeedsASlash29OrLarger() {
        assertEquals("test.conf:2: option 'server': with 'dev tun' the network must be /29 or larger, not /30",
                error("dev tun\nserver 10.8.0.0 255.255.255.252\n"));
    }

    @Test
    void serverNeedsTunOrTap() {
        assertEquals("test.conf:2: option 'server': only makes sense with 'dev tun' or 'dev tap'",
                error("dev null\nserver 10.8.0.0 255.255.255.0\n"));
    }

    @Test
    void serverWithItsOwnPoolNeedsNopool() {
        assertTrue(error("dev tun\nserver 10.8.0.0 255.255.255.0\nifconfig-pool 10.8.0.10 10.8.0.20\n")
                .startsWith("test.conf:3: option 'ifconfig-pool': 'server' already defines an address pool"));
    }

    @Test
    void keepaliveTimeoutMustBeTwiceThePing() {
        assertTrue(error("keepalive 10 15\n").startsWith("test.conf:1: option 'keepalive': the restart timeout (15) must"
                + " be at least twice the ping interval (10)"));
        assertEquals("test.conf:2: option 'ping': cannot be used together with 'keepalive' (test.conf:1)",
                error("keepalive 10 60\nping 5\n"));
    }

    @Test
    void authUserPassNeedsPull() {
        assertEquals("test.conf:2: option 'auth-user-pass': requires 'pull' (or the 'client' helper)",
                error("tls-client\nauth-user-pass\n"));
    }

    @Test
    void serverRefusesRemoteAndRedirectGateway() {
        assertTrue(error("dev tun\nserver 10.8.0.0 255.255.255.0\nremote a\n")
                .startsWith("test.conf:3: option 'remote': cannot be used in server mode (test.conf:2)"));
        assertTrue(error("dev tun\nserver 10.8.0.0 255.255.255.0\nredirect-gateway def1\n")
                .endsWith("(push \"redirect-gateway ...\" is fine)"));
    }

    @Test
    void nobindWithLocal() {
        assertEquals("test.conf:3: option 'local': cannot be used together with 'nobind' (test.conf:2)",
                error("remote a\nnobind\nlocal 10.0.0.1\n"));
    }

    @Test
    void cipherNamesAreCaseInsensitiveAndLegacyNamesAccepted() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "cipher bf-cbc\nauth sha-256\n");
        assertEquals("BF-CBC", c.dataChannel().cipher().orElseThrow());
        assertEquals("SHA256", c.dataChannel().auth().orElseThrow());
    }
}
