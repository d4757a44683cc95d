package io.sluice.itests.interop;

import static io.sluice.itests.interop.InteropConfigs.pingAndMoveFiveMegabytes;
import static io.sluice.itests.interop.InteropConfigs.client;
import static io.sluice.itests.interop.InteropConfigs.server;

import static io.sluice.itests.net.TunnelChecks.assertAllReplies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnKeys;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import io.sluice.itests.net.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Control-channel protection against stock OpenVPN 2.6, both directions, in namespaces with
 * kernel TUN devices: {@code tls-auth} with key directions and a non-default digest,
 * {@code tls-crypt}, over UDP and TCP, each case pinging and moving 5 MB; keys made by
 * OpenVPN's own {@code --genkey}. A peer with the wrong key is refused and costs the server
 * nothing but a log line, while everyone else stays connected.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ControlProtectionIT {

    private static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }


    @Test
    void sluiceServerWithTlsAuthServesOpenVpnClientsAndDropsAClientWithTheWrongKey() throws Exception {
        try (NetLab lab = NetLab.open("ControlProtectionIT-server-tls-auth")) {
            Ns serverNs = lab.namespace("server");
            Ns aliceNs = lab.namespace("alice");
            Ns malloryNs = lab.namespace("mallory");
            Link alice = lab.link(serverNs, aliceNs);
            Link mallory = lab.link(serverNs, malloryNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path ta = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_AUTH, lab.dir().resolve("ta.key"));
            Path other = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_AUTH, lab.dir().resolve("other.key"));
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server", server("udp", "0.0.0.0", pki,
                    pki.server("server"), "tls-auth " + OpenVpnPeer.quote(ta) + " 0", "auth SHA256"));
            OpenVpnPeer.start(lab, aliceNs, "alice", client("udp", alice.a().v4(), pki, pki.client("alice"),
                    "tls-auth " + OpenVpnPeer.quote(ta) + " 1", "auth SHA256"));
            pingAndMoveFiveMegabytes(lab, serverNs, aliceNs);

            // Same PKI, same everything, but another tls-auth key: its packets never get past the HMAC.
            OpenVpnPeer intruder = OpenVpnPeer.launch(lab, malloryNs, "mallory", client("udp", mallory.a().v4(), pki,
                    pki.client("mallory"), "tls-auth " + OpenVpnPeer.quote(other) + " 1", "auth SHA256"));
            sluice.awaitLog(Pattern.compile("TLS Error: cannot locate HMAC in incoming packet from \\[AF_INET\\]"
                    + Pattern.quote(mallory.b().v4())), T);
            assertFalse(sluice.process().lines().stream().anyMatch(l -> l.contains("Initial packet from [AF_INET]"
                    + mallory.b().v4())), "no session was made for the intruder: " + sluice.process().tail(20));
            assertFalse(intruder.process().lines().stream().anyMatch(l -> l.contains("Initialization Sequence Completed")));
            assertAllReplies(lab.ping(aliceNs, "10.8.0.1", 3, T));
        }
    }

    @Test
    void sluiceServerWithTlsCryptOverTcpServesAnOpenVpnClient() throws Exception {
        try (NetLab lab = NetLab.open("ControlProtectionIT-server-tls-crypt")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path tc = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT, lab.dir().resolve("tc.key"));
            SluicePeer.start(lab, serverNs, "sluice-server", server("tcp-server", link.a().v4(), pki,
                    pki.server("server"), "tls-crypt " + OpenVpnPeer.quote(tc)));
            OpenVpnPeer.start(lab, clientNs, "client", client("tcp-client", link.a().v4(), pki, pki.client("alice"),
                    "tls-crypt " + OpenVpnPeer.quote(tc)));
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
        }
    }

    @Test
    void sluiceClientWithAnInlineTlsAuthKeyAndKeyDirectionConnectsToAnOpenVpnServerOverTcp() throws Exception {
        try (NetLab lab = NetLab.open("ControlProtectionIT-client-tls-auth")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path ta = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_AUTH, lab.dir().resolve("ta.key"));
            OpenVpnPeer.start(lab, serverNs, "openvpn-server", server("tcp-server", link.a().v4(), pki,
                    pki.server("server"), "tls-auth " + OpenVpnPeer.quote(ta) + " 0", "auth SHA512"));
            // As providers ship it: the key inline, its direction on a line of its own.
            SluicePeer sluice = SluicePeer.start(lab, clientNs, "sluice-client", client("tcp-client", link.a().v4(), pki,
                    pki.client("alice"), "auth SHA512", "key-direction 1", "<tls-auth>", Files.readString(ta).strip(),
                    "</tls-auth>"));
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertEquals(0, sluice.stop());
        }
    }

    @Test
    void sluiceClientWithTlsCryptConnectsToAnOpenVpnServerAndAWrongKeyNeverGetsIn() throws Exception {
        try (NetLab lab = NetLab.open("ControlProtectionIT-client-tls-crypt")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path tc = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT, lab.dir().resolve("tc.key"));
            Path other = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT, lab.dir().resolve("other.key"));
            OpenVpnPeer server = OpenVpnPeer.start(lab, serverNs, "openvpn-server", server("udp", link.a().v4(), pki,
                    pki.server("server"), "tls-crypt " + OpenVpnPeer.quote(tc)));

            SluicePeer wrong = SluicePeer.launch(lab, clientNs, "sluice-wrong-key", client("udp", link.a().v4(), pki,
                    pki.client("alice"), "tls-crypt " + OpenVpnPeer.quote(other), "server-poll-timeout 3"));
            server.awaitLog(Pattern.compile("tls-crypt unwrapping failed from"), T);
            assertFalse(wrong.process().lines().stream().anyMatch(l -> SluicePeer.READY.matcher(l).find()),
                    "never connected: " + wrong.process().tail(20));
            assertEquals(0, wrong.stop());

            SluicePeer right = SluicePeer.start(lab, clientNs, "sluice-client", client("udp", link.a().v4(), pki,
                    pki.client("alice"), "tls-crypt " + OpenVpnPeer.quote(tc)));
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertEquals(0, right.stop());
        }
    }

    @Test
    void sluiceClientAndSluiceServerWithTlsCrypt() throws Exception {
        try (NetLab lab = NetLab.open("ControlProtectionIT-sluice-both")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path tc = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT, lab.dir().resolve("tc.key"));
            SluicePeer server = SluicePeer.start(lab, serverNs, "sluice-server", server("udp", link.a().v4(), pki,
                    pki.server("server"), "tls-crypt " + OpenVpnPeer.quote(tc)));
            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client", client("udp", link.a().v4(), pki,
                    pki.client("alice"), "tls-crypt " + OpenVpnPeer.quote(tc)));
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertTrue(client.process().isAlive() && server.process().isAlive());
            assertEquals(0, client.stop());
            assertEquals(0, server.stop());
        }
    }
}
