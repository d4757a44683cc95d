package io.sluice.itests.interop;

import static io.sluice.itests.net.TunnelChecks.assertAllReplies;
import static io.sluice.itests.net.TunnelChecks.pingBothWaysAndMove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.Iperf3;
import io.sluice.itests.net.Iperf3Result;
import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnKeys;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.PingResult;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Static-key peer-to-peer tunnels ({@code secret FILE [0|1]} with {@code ifconfig local remote})
 * between stock OpenVPN 2.6 ({@code --secret}) and bin/sluice, in namespaces with kernel TUN
 * devices, the key made by OpenVPN's own {@code --genkey secret}: over UDP with key directions 0
 * and 1 (Sluice learning the peer's address from its first authentic packet), and over TCP with
 * Sluice as tcp-server and as tcp-client; each pings both ways and moves 5 MB. A peer with
 * another key never gets a packet through. As OpenVPN 2.6 does, each side says "Initialization
 * Sequence Completed" only once the other's first authentic packet arrived.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StaticKeyIT {

    private static final Duration T = Duration.ofSeconds(30);
    private static final long FIVE_MB = 5L * 1024 * 1024;
    private static final String LEFT = "10.9.0.1";
    private static final String RIGHT = "10.9.0.2";

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    /** A static-key peer (either implementation reads it); {@code extra} lines appended. */
    private static String peer(String local, String ifconfigLocal, String ifconfigRemote, String secret,
                               String... extra) {
        return String.join("\n", "dev tun", "local " + local, "port 1194", "ifconfig " + ifconfigLocal + " "
                + ifconfigRemote, "secret " + secret, "cipher AES-256-CBC", "auth SHA256", "keepalive 2 10",
                String.join("\n", extra), "verb 4", "");
    }

    /** Pings both ways and moves 5 MB from the right peer to the left one through the tunnel. */
    private static void pingAndMoveFiveMegabytes(NetLab lab, Ns left, Ns right) throws InterruptedException {
        pingBothWaysAndMove(lab, left, LEFT, right, RIGHT, FIVE_MB);
    }

    @Test
    void overUdpOpenVpnWithDirection0AndSluiceWithDirection1LearningItsPeerPingAndMoveFiveMegabytes()
            throws Exception {
        try (NetLab lab = NetLab.open("StaticKeyIT-udp")) {
            Ns left = lab.namespace("openvpn");
            Ns right = lab.namespace("sluice");
            Link link = lab.link(left, right);
            Path key = OpenVpnKeys.genkey(OpenVpnKeys.Kind.SECRET, lab.dir().resolve("static.key"));
            // Sluice has no remote: it takes OpenVPN's address from its first authentic packet.
            SluicePeer sluice = SluicePeer.launch(lab, right, "sluice", peer(link.b().v4(), RIGHT, LEFT,
                    OpenVpnPeer.quote(key) + " 1", "proto udp"));
            sluice.awaitLog(Pattern.compile("UDPv4 link local \\(bound\\)"), Duration.ofSeconds(90));
            OpenVpnPeer openvpn = OpenVpnPeer.start(lab, left, "openvpn", peer(link.a().v4(), LEFT, RIGHT,
                    OpenVpnPeer.quote(key) + " 0", "proto udp", "remote " + link.b().v4() + " 1194"));
            sluice.awaitLog(SluicePeer.READY, T);
            pingAndMoveFiveMegabytes(lab, left, right);

            sluice.awaitLog(Pattern.compile("Peer Connection Initiated with \\[AF_INET\\]"
                    + Pattern.quote(link.a().v4()) + ":1194"), T);
            openvpn.awaitLog(Pattern.compile("Peer Connection Initiated with \\[AF_INET\\]"
                    + Pattern.quote(link.b().v4()) + ":1194"), T);
            assertTrue(sluice.process().lines().stream().anyMatch(l -> l.contains(
                    "Outgoing Static Key Encryption: Cipher 'AES-256-CBC' initialized with 256 bit key")),
                    sluice.process().tail(40));
            // Both exchanged options strings (OCC) and found nothing to warn about.
            sluice.awaitLog(Pattern.compile("OCC: the peer's options string: 'V4,dev-type tun,"), T);
            assertFalse(sluice.process().lines().stream().anyMatch(l -> l.contains("WARNING: '")),
                    sluice.process().tail(40));
            assertFalse(openvpn.process().lines().stream().anyMatch(l -> l.contains("WARNING: '")
                    || l.contains("failed to obtain options consistency info")), openvpn.process().tail(40));
            assertEquals(0, sluice.stop());
        }
    }

    @Test
    void withoutACipherLineBothSidesUseOpenVpnsDefaultBlowfishFromTheLegacyBundle() throws Exception {
        try (NetLab lab = NetLab.open("StaticKeyIT-bf-cbc")) {
            Ns left = lab.namespace("openvpn");
            Ns right = lab.namespace("sluice");
            Link link = lab.link(left, right);
            Path key = OpenVpnKeys.genkey(OpenVpnKeys.Kind.SECRET, lab.dir().resolve("static.key"));
            String defaults = "cipher AES-256-CBC\nauth SHA256\n";
            SluicePeer sluice = SluicePeer.launch(lab, right, "sluice", peer(link.b().v4(), RIGHT, LEFT,
                    OpenVpnPeer.quote(key), "proto udp").replace(defaults, ""));
            sluice.awaitLog(Pattern.compile("UDPv4 link local \\(bound\\)"), Duration.ofSeconds(90));
            // OpenVPN on OpenSSL 3 has Blowfish only in its legacy provider.
            OpenVpnPeer.start(lab, left, "openvpn", peer(link.a().v4(), LEFT, RIGHT, OpenVpnPeer.quote(key),
                    "proto udp", "remote " + link.b().v4() + " 1194", "providers legacy default").replace(defaults, ""));
            sluice.awaitLog(SluicePeer.READY, T);
            pingAndMoveFiveMegabytes(lab, left, right);
            assertTrue(sluice.process().lines().stream().anyMatch(l -> l.contains(
                    "Outgoing Static Key Encryption: Cipher 'BF-CBC' initialized with 128 bit key")),
                    sluice.process().tail(40));
            assertEquals(0, sluice.stop());
        }
    }

    @Test
    void overTcpSluiceAsTcpServerAndOpenVpnAsTcpClientPingAndMoveFiveMegabytes() throws Exception {
        try (NetLab lab = NetLab.open("StaticKeyIT-tcp-server")) {
            Ns left = lab.namespace("sluice");
            Ns right = lab.namespace("openvpn");
            Link link = lab.link(left, right);
            Path key = OpenVpnKeys.genkey(OpenVpnKeys.Kind.SECRET, lab.dir().resolve("static.key"));
            // Like OpenVPN's, a tcp-server peer is ready once its peer has connected.
            SluicePeer sluice = SluicePeer.launch(lab, left, "sluice", peer(link.a().v4(), LEFT, RIGHT,
                    OpenVpnPeer.quote(key) + " 0", "proto tcp-server"));
            sluice.awaitLog(Pattern.compile("Listening for incoming TCP connection on"), Duration.ofSeconds(90));
            OpenVpnPeer.launch(lab, right, "openvpn", peer(link.b().v4(), RIGHT, LEFT, OpenVpnPeer.quote(key) + " 1",
                    "proto tcp-client", "remote " + link.a().v4() + " 1194"));
            sluice.awaitLog(SluicePeer.READY, T);
            pingAndMoveFiveMegabytes(lab, left, right);
            assertEquals(0, sluice.stop());
        }
    }

    @Test
    void overTcpSluiceAsTcpClientAndOpenVpnAsTcpServerPingAndMoveFiveMegabytes() throws Exception {
        try (NetLab lab = NetLab.open("StaticKeyIT-tcp-client")) {
            Ns left = lab.namespace("openvpn");
            Ns right = lab.namespace("sluice");
            Link link = lab.link(left, right);
            Path key = OpenVpnKeys.genkey(OpenVpnKeys.Kind.SECRET, lab.dir().resolve("static.key"));
            OpenVpnPeer openvpn = OpenVpnPeer.launch(lab, left, "openvpn", peer(link.a().v4(), LEFT, RIGHT,
                    OpenVpnPeer.quote(key) + " 0", "proto tcp-server"));
            openvpn.awaitLog(Pattern.compile("Listening for incoming TCP connection on"), T);
            // The direction from key-direction this time, as an inline key would have it.
            SluicePeer sluice = SluicePeer.launch(lab, right, "sluice", peer(link.b().v4(), RIGHT, LEFT,
                    OpenVpnPeer.quote(key), "key-direction 1", "proto tcp-client",
                    "remote " + link.a().v4() + " 1194"));
            openvpn.awaitReady(T);
            sluice.awaitLog(SluicePeer.READY, Duration.ofSeconds(90));
            pingAndMoveFiveMegabytes(lab, left, right);
            assertEquals(0, sluice.stop());
        }
    }

    @Test
    void aPeerWithAnotherKeyNeverGetsTrafficThroughWhileTheRightPeerDoes() throws Exception {
        try (NetLab lab = NetLab.open("StaticKeyIT-wrong-key")) {
            Ns sluiceNs = lab.namespace("sluice");
            Ns aliceNs = lab.namespace("alice");
            Ns malloryNs = lab.namespace("mallory");
            Link alice = lab.link(sluiceNs, aliceNs);
            Link mallory = lab.link(sluiceNs, malloryNs);
            Path key = OpenVpnKeys.genkey(OpenVpnKeys.Kind.SECRET, lab.dir().resolve("static.key"));
            Path other = OpenVpnKeys.genkey(OpenVpnKeys.Kind.SECRET, lab.dir().resolve("other.key"));
            SluicePeer sluice = SluicePeer.launch(lab, sluiceNs, "sluice", peer("0.0.0.0", LEFT, RIGHT,
                    OpenVpnPeer.quote(key) + " 0", "proto udp"));
            sluice.awaitLog(Pattern.compile("UDPv4 link local \\(bound\\)"), Duration.ofSeconds(90));

            OpenVpnPeer intruder = OpenVpnPeer.launch(lab, malloryNs, "mallory", peer(mallory.b().v4(), RIGHT, LEFT,
                    OpenVpnPeer.quote(other) + " 1", "proto udp", "remote " + mallory.a().v4() + " 1194"));
            sluice.awaitLog(Pattern.compile("Authenticate/Decrypt packet error: packet HMAC authentication failed"), T);
            PingResult ping = lab.ping(malloryNs, LEFT, 3, Duration.ofSeconds(10));
            assertFalse(ping.anyReceived(), "no reply through the tunnel for the wrong key: " + ping);
            assertFalse(sluice.process().lines().stream().anyMatch(l -> l.contains("Peer Connection Initiated")),
                    "the intruder never became the peer: " + sluice.process().tail(20));
            assertFalse(intruder.process().lines().stream().anyMatch(l -> l.contains("Peer Connection Initiated")
                    || OpenVpnPeer.READY.matcher(l).find()), "nor did Sluice ever reach the intruder");
            assertFalse(sluice.process().lines().stream().anyMatch(l -> SluicePeer.READY.matcher(l).find()));
            intruder.stop();

            OpenVpnPeer.start(lab, aliceNs, "alice", peer(alice.b().v4(), RIGHT, LEFT, OpenVpnPeer.quote(key) + " 1",
                    "proto udp", "remote " + alice.a().v4() + " 1194"));
            sluice.awaitLog(SluicePeer.READY, T);
            pingAndMoveFiveMegabytes(lab, sluiceNs, aliceNs);
            assertEquals(0, sluice.stop());
        }
    }
}
