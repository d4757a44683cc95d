package io.sluice.itests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import io.sluice.itests.net.TestPki;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Peers without cipher negotiation, as OpenVPN 2.3 and 2.4 peers are: Debian 11's stock OpenVPN
 * 2.5 with {@code ncp-disable} and a {@code cipher} announces no ciphers ({@code IV_CIPHERS},
 * {@code IV_NCP}) and, as a server, pushes none. As OpenVPN 2.6's server does (multi.c), Sluice's
 * takes the cipher of such a client's options string when its {@code data-ciphers} has it, or
 * with {@code compat-mode 2.4.0} its own {@code cipher}; {@code data-ciphers-fallback} only
 * serves clients that name no cipher at all. As a client, Sluice connects to such a server with
 * its fallback. UDP, namespaces, kernel TUN; each case pings and moves 5 MB.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class NoNegotiationIT {

    private static final Duration T = Duration.ofSeconds(30);
    private static final Pattern CBC = Pattern.compile("Data Channel: cipher 'AES-256-CBC', auth 'SHA1'");

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    @Test
    void aSluiceServerServesAClientWithoutNegotiationByItsOptionsStringOrCompatMode() throws Exception {
        try (NetLab lab = NetLab.open("NoNegotiationIT-server")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            String oldClient = InteropConfigs.client("udp", link.a().v4(), pki, pki.client("alice"), "ncp-disable",
                    "cipher AES-256-CBC");

            // A fallback alone would not do: the client names its cipher, which data-ciphers must then hold.
            SluicePeer fallback = SluicePeer.start(lab, serverNs, "sluice-occ", InteropConfigs.server("udp",
                    link.a().v4(), pki, pki.server("server"), "data-ciphers AES-256-GCM:AES-128-GCM:AES-256-CBC",
                    "data-ciphers-fallback AES-256-CBC"));
            OpenVpnPeer client = OpenVpnPeer.startVersion25(lab, clientNs, "openvpn25-client", oldClient);
            fallback.awaitLog(CBC, T);
            InteropConfigs.pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            client.stop();
            assertEquals(0, fallback.stop());

            SluicePeer compat = SluicePeer.start(lab, serverNs, "sluice-compat", InteropConfigs.server("udp",
                    link.a().v4(), pki, pki.server("server"), "cipher AES-256-CBC", "compat-mode 2.4.0"));
            OpenVpnPeer.startVersion25(lab, clientNs, "openvpn25-client-again", oldClient);
            compat.awaitLog(CBC, T);
            InteropConfigs.pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
        }
    }

    @Test
    void aSluiceClientConnectsToAServerWithoutNegotiationThroughItsFallback() throws Exception {
        try (NetLab lab = NetLab.open("NoNegotiationIT-client")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            OpenVpnPeer.startVersion25(lab, serverNs, "openvpn25-server", InteropConfigs.server("udp", link.a().v4(),
                    pki, pki.server("server"), "ncp-disable", "cipher AES-256-CBC"));
            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client", InteropConfigs.client("udp",
                    link.a().v4(), pki, pki.client("alice"), "data-ciphers-fallback AES-256-CBC"));
            client.awaitLog(CBC, T);
            InteropConfigs.pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertEquals(0, client.stop());
        }
    }
}
