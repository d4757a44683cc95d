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
import io.sluice.itests.net.SluiceKeys;
import io.sluice.itests.net.SluicePeer;
import io.sluice.itests.net.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tls-crypt-v2} against stock OpenVPN 2.6, in namespaces with kernel TUN devices, each
 * case pinging and moving 5 MB: keys made by OpenVPN's {@code --genkey} with a Sluice server and
 * an OpenVPN client; keys made by {@code bin/sluice --genkey} with an OpenVPN server (which
 * answers statelessly and has the client resend its wrapped key in P_CONTROL_WKC_V1) and a
 * Sluice client. A client key wrapped under another server key, or refused by
 * {@code tls-crypt-v2-verify}, gets no session, and the server logs OpenVPN's lines. And Sluice
 * with itself, the client key inline.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TlsCryptV2IT {

    private static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }


    private static boolean logged(SluicePeer peer, String text) {
        return peer.process().lines().stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void sluiceServerWithOpenVpnsKeysServesAnOpenVpnClientAndRefusesAKeyForAnotherServer() throws Exception {
        try (NetLab lab = NetLab.open("TlsCryptV2IT-server")) {
            Ns serverNs = lab.namespace("server");
            Ns aliceNs = lab.namespace("alice");
            Ns malloryNs = lab.namespace("mallory");
            Link alice = lab.link(serverNs, aliceNs);
            Link mallory = lab.link(serverNs, malloryNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path serverKey = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT_V2_SERVER, lab.dir().resolve("v2-server.key"));
            Path aliceKey = OpenVpnKeys.tlsCryptV2Client(serverKey, lab.dir().resolve("alice.key"));
            Path otherServer = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT_V2_SERVER, lab.dir().resolve("other.key"));
            Path malloryKey = OpenVpnKeys.tlsCryptV2Client(otherServer, lab.dir().resolve("mallory.key"));

            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server", server("udp", "0.0.0.0", pki,
                    pki.server("server"), "tls-crypt-v2 " + OpenVpnPeer.quote(serverKey)));
            assertTrue(logged(sluice, "tls-crypt-v2 server key: Cipher 'AES-256-CTR' initialized with 256 bit key"),
                    sluice.process().tail(30));
            OpenVpnPeer.start(lab, aliceNs, "alice", client("udp", alice.a().v4(), pki, pki.client("alice"),
                    "tls-crypt-v2 " + OpenVpnPeer.quote(aliceKey)));
            pingAndMoveFiveMegabytes(lab, serverNs, aliceNs);

            // Same PKI, but a client key wrapped under another server key: it never unwraps.
            OpenVpnPeer intruder = OpenVpnPeer.launch(lab, malloryNs, "mallory", client("udp", mallory.a().v4(), pki,
                    pki.client("mallory"), "tls-crypt-v2 " + OpenVpnPeer.quote(malloryKey)));
            sluice.awaitLog(Pattern.compile("TLS Error: can not extract tls-crypt-v2 client key from \\[AF_INET\\]"
                    + Pattern.quote(mallory.b().v4())), T);
            assertTrue(logged(sluice, "tls_crypt_v2_unwrap_client_key: client key authentication error"),
                    sluice.process().tail(30));
            assertFalse(logged(sluice, "Initial packet from [AF_INET]" + mallory.b().v4()),
                    "no session was made for the intruder: " + sluice.process().tail(20));
            assertFalse(intruder.process().lines().stream().anyMatch(l -> l.contains("Initialization Sequence Completed")));
            assertAllReplies(lab.ping(aliceNs, "10.8.0.1", 3, T));
        }
    }

    @Test
    void sluiceClientWithKeysFromBinSluiceConnectsToAnOpenVpnServer() throws Exception {
        try (NetLab lab = NetLab.open("TlsCryptV2IT-client")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path serverKey = SluiceKeys.tlsCryptV2Server(lab.dir().resolve("v2-server.key"));
            Path clientKey = SluiceKeys.tlsCryptV2Client(serverKey, lab.dir().resolve("client.key"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(clientKey)));
            assertTrue(Files.readString(serverKey).startsWith("-----BEGIN OpenVPN tls-crypt-v2 server key-----\n"));

            OpenVpnPeer server = OpenVpnPeer.start(lab, serverNs, "openvpn-server", server("udp", link.a().v4(), pki,
                    pki.server("server"), "tls-crypt-v2 " + OpenVpnPeer.quote(serverKey)));
            SluicePeer sluice = SluicePeer.start(lab, clientNs, "sluice-client", client("udp", link.a().v4(), pki,
                    pki.client("alice"), "tls-crypt-v2 " + OpenVpnPeer.quote(clientKey)));
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            // OpenVPN answered the V3 reset statelessly and took the key again from our P_CONTROL_WKC_V1,
            // which it unwraps while the session is still a "Connection Attempt".
            assertTrue(server.process().lines().stream().anyMatch(
                    l -> l.contains("Connection Attempt Control Channel: using tls-crypt-v2 key")), server.process().tail(40));
            assertFalse(server.process().lines().stream().anyMatch(l -> l.contains("tls-crypt-v2 client key")
                    && l.contains("Error")), server.process().tail(30));
            assertEquals(0, sluice.stop());
        }
    }

    @Test
    void tlsCryptV2VerifyAdmitsOneClientKeyAndRefusesAnotherOverTcp() throws Exception {
        try (NetLab lab = NetLab.open("TlsCryptV2IT-verify")) {
            Ns serverNs = lab.namespace("server");
            Ns aliceNs = lab.namespace("alice");
            Ns malloryNs = lab.namespace("mallory");
            Link alice = lab.link(serverNs, aliceNs);
            Link mallory = lab.link(serverNs, malloryNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path serverKey = SluiceKeys.tlsCryptV2Server(lab.dir().resolve("v2-server.key"));
            Path aliceKey = SluiceKeys.tlsCryptV2Client(serverKey, lab.dir().resolve("alice.key"), b64("user=alice"));
            Path malloryKey = SluiceKeys.tlsCryptV2Client(serverKey, lab.dir().resolve("mallory.key"),
                    b64("user=mallory"));
            // As OpenVPN runs it: metadata_type 0 (user), the metadata in metadata_file.
            Path verify = lab.dir().resolve("verify.sh");
            Files.writeString(verify, "#!/bin/sh\n[ \"$script_type\" = tls-crypt-v2-verify ] && [ \"$metadata_type\" = 0 ]"
                    + " && grep -qx 'user=alice' \"$metadata_file\"\n");
            Files.setPosixFilePermissions(verify, PosixFilePermissions.fromString("rwxr-xr-x"));

            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server", server("tcp-server", "0.0.0.0", pki,
                    pki.server("server"), "tls-crypt-v2 " + OpenVpnPeer.quote(serverKey), "script-security 2",
                    "tls-crypt-v2-verify " + OpenVpnPeer.quote(verify)));
            OpenVpnPeer.start(lab, aliceNs, "alice", client("tcp-client", alice.a().v4(), pki, pki.client("alice"),
                    "tls-crypt-v2 " + OpenVpnPeer.quote(aliceKey)));
            pingAndMoveFiveMegabytes(lab, serverNs, aliceNs);
            assertTrue(logged(sluice, "TLS CRYPT V2 VERIFY SCRIPT OK"), sluice.process().tail(30));

            OpenVpnPeer refused = OpenVpnPeer.launch(lab, malloryNs, "mallory", client("tcp-client",
                    mallory.a().v4(), pki, pki.client("mallory"), "tls-crypt-v2 " + OpenVpnPeer.quote(malloryKey)));
            sluice.awaitLog(Pattern.compile("TLS Error: can not extract tls-crypt-v2 client key from \\[AF_INET\\]"
                    + Pattern.quote(mallory.b().v4())), T);
            assertTrue(logged(sluice, "TLS CRYPT V2 VERIFY SCRIPT ERROR"), sluice.process().tail(30));
            assertFalse(refused.process().lines().stream().anyMatch(l -> l.contains("Initialization Sequence Completed")));
            assertAllReplies(lab.ping(aliceNs, "10.8.0.1", 3, T));
        }
    }

    @Test
    void sluiceClientAndSluiceServerWithTlsCryptV2() throws Exception {
        try (NetLab lab = NetLab.open("TlsCryptV2IT-sluice-both")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path serverKey = SluiceKeys.tlsCryptV2Server(lab.dir().resolve("v2-server.key"));
            Path clientKey = SluiceKeys.tlsCryptV2Client(serverKey, lab.dir().resolve("client.key"));
            SluicePeer server = SluicePeer.start(lab, serverNs, "sluice-server", server("udp", link.a().v4(), pki,
                    pki.server("server"), "tls-crypt-v2 " + OpenVpnPeer.quote(serverKey)));
            // Inline, as a provider's profile carries it.
            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client", client("udp", link.a().v4(), pki,
                    pki.client("alice"), "<tls-crypt-v2>", Files.readString(clientKey).strip(), "</tls-crypt-v2>"));
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertTrue(client.process().isAlive() && server.process().isAlive());
            assertEquals(0, client.stop());
            assertEquals(0, server.stop());
        }
    }

    @Test
    void sluiceServerStartsStatelesslyForOpenVpn26AndKeepsStateForA25ClientUnlessForceCookie() throws Exception {
        try (NetLab lab = NetLab.open("TlsCryptV2IT-cookie")) {
            Ns serverNs = lab.namespace("server");
            Ns aliceNs = lab.namespace("alice");
            Ns bobNs = lab.namespace("bob");
            Link alice = lab.link(serverNs, aliceNs);
            Link bob = lab.link(serverNs, bobNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path serverKey = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT_V2_SERVER, lab.dir().resolve("v2-server.key"));
            String aliceKey = "tls-crypt-v2 " + OpenVpnPeer.quote(
                    OpenVpnKeys.tlsCryptV2Client(serverKey, lab.dir().resolve("alice.key")));
            String bobKey = "tls-crypt-v2 " + OpenVpnPeer.quote(
                    OpenVpnKeys.tlsCryptV2Client(serverKey, lab.dir().resolve("bob.key")));
            String aliceConfig = client("udp", alice.a().v4(), pki, pki.client("alice"), aliceKey);
            String bobConfig = client("udp", bob.a().v4(), pki, pki.client("bob"), bobKey);

            // verb 7 shows OpenVPN's D_MULTI_DEBUG lines of the stateless start.
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-allow-noncookie", server("udp", "0.0.0.0",
                    pki, pki.server("server"), "tls-crypt-v2 " + OpenVpnPeer.quote(serverKey), "verb 7"));
            OpenVpnPeer alice26 = OpenVpnPeer.start(lab, aliceNs, "alice-openvpn26", aliceConfig);
            pingAndMoveFiveMegabytes(lab, serverNs, aliceNs);
            assertTrue(logged(sluice, "Reset packet from client, sending HMAC based reset challenge"),
                    sluice.process().tail(40));
            assertTrue(logged(sluice, "Valid packet (P_CONTROL_WKC_V1) with HMAC challenge from peer ([AF_INET]"
                    + alice.b().v4()), "OpenVPN 2.6 resent its key with the cookie: " + sluice.process().tail(40));

            // OpenVPN 2.5 announces no early negotiation and would not resend its key: its reset makes the session.
            OpenVpnPeer bob25 = OpenVpnPeer.startVersion25(lab, bobNs, "bob-openvpn25", bobConfig);
            pingAndMoveFiveMegabytes(lab, serverNs, bobNs);
            assertFalse(logged(sluice, "with HMAC challenge from peer ([AF_INET]" + bob.b().v4()),
                    sluice.process().tail(40));
            bob25.stop();
            alice26.stop();
            assertEquals(0, sluice.stop());

            SluicePeer strict = SluicePeer.start(lab, serverNs, "sluice-force-cookie", server("udp", "0.0.0.0", pki,
                    pki.server("server"), "tls-crypt-v2 " + OpenVpnPeer.quote(serverKey) + " force-cookie", "verb 7"));
            OpenVpnPeer refused = OpenVpnPeer.launchVersion25(lab, bobNs, "bob-openvpn25-refused", bobConfig);
            strict.awaitLog(Pattern.compile(Pattern.quote("tls-crypt-v2 force-cookie is enabled, ignoring connection"
                    + " attempt from old client ([AF_INET]" + bob.b().v4())), T);
            OpenVpnPeer.start(lab, aliceNs, "alice-openvpn26-again", aliceConfig);
            pingAndMoveFiveMegabytes(lab, serverNs, aliceNs);
            assertFalse(refused.process().lines().stream().anyMatch(l -> l.contains("Initialization Sequence Completed")));
            assertFalse(logged(strict, "Initial packet from [AF_INET]" + bob.b().v4()),
                    "no session for the old client: " + strict.process().tail(20));
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
