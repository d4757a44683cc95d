package io.sluice.itests.interop;

import static io.sluice.itests.interop.InteropConfigs.pingAndMoveFiveMegabytes;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CBC data-channel ciphers with their HMAC digests against stock OpenVPN 2.6, both
 * directions (Sluice server with an OpenVPN client, OpenVPN server with a Sluice client), over
 * UDP in namespaces with kernel TUN devices, each pinging and moving 5 MB: AES-CBC from the JDK
 * bundle, and the legacy 64-bit-block ciphers from the Bouncy Castle bundle, which OpenVPN on
 * OpenSSL 3 only offers with its legacy provider loaded ({@code providers legacy default}).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DataCipherIT {

    private static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    /** OpenVPN on OpenSSL 3 needs the legacy provider for 64-bit-block ciphers and MD5. */
    private static String openVpnExtras(String cipher, String digest) {
        boolean legacy = !cipher.startsWith("AES-") && !cipher.equals("none") || digest.equals("MD5");
        return legacy ? "providers legacy default\n" : "";
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"AES-128-CBC, SHA1", "AES-192-CBC, SHA224", "AES-256-CBC, SHA512", "BF-CBC, SHA1",
        "DES-EDE3-CBC, SHA256", "CAST5-CBC, MD5", "none, SHA256", "none, none"})
    void cbcCipherAndDigestInteroperateBothWays(String cipher, String digest) throws Exception {
        try (NetLab lab = NetLab.open("DataCipherIT-" + cipher)) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            String extras = openVpnExtras(cipher, digest);
            // OpenSSL's names for the null cipher and digest, in both implementations' logs.
            Pattern chosen = Pattern.compile("Data Channel: cipher '"
                    + Pattern.quote(cipher.equals("none") ? "[null-cipher]" : cipher) + "', auth '"
                    + Pattern.quote(digest.equals("none") ? "[null-digest]" : digest) + "'");

            // Sluice serves, OpenVPN connects.
            SluicePeer sluiceServer = SluicePeer.start(lab, serverNs, "sluice-server",
                    InteropConfigs.server("udp", link.a().v4(), pki, pki.server("server"), "data-ciphers " + cipher,
                            "auth " + digest));
            OpenVpnPeer openVpnClient = OpenVpnPeer.start(lab, clientNs, "openvpn-client",
                    InteropConfigs.client("udp", link.a().v4(), pki, pki.client("alice"), "data-ciphers " + cipher,
                            "auth " + digest) + extras);
            openVpnClient.awaitLog(chosen, T);
            sluiceServer.awaitLog(chosen, T);
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            openVpnClient.stop();
            assertEquals(0, sluiceServer.stop());

            // OpenVPN serves, Sluice connects.
            OpenVpnPeer.start(lab, serverNs, "openvpn-server",
                    InteropConfigs.server("udp", link.a().v4(), pki, pki.server("server"), "data-ciphers " + cipher,
                            "auth " + digest) + extras);
            SluicePeer sluiceClient = SluicePeer.start(lab, clientNs, "sluice-client",
                    InteropConfigs.client("udp", link.a().v4(), pki, pki.client("alice"), "data-ciphers " + cipher,
                            "auth " + digest));
            sluiceClient.awaitLog(chosen, T);
            pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertEquals(0, sluiceClient.stop());
        }
    }

}
