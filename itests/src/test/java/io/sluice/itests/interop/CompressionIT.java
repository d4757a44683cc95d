package io.sluice.itests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * Compression framing against stock OpenVPN 2.6, both directions over UDP in namespaces with
 * kernel TUN devices, each pinging and moving 5 MB: the framing byte is written and read as
 * OpenVPN does, or one side would drop every packet ("Bad compression stub decompression header
 * byte"). Sluice never compresses; the stock peers here do not either (OpenVPN 2.6 only
 * decompresses unless told {@code allow-compression yes}).
 *
 * <p>Each case gives the server and the client their own compression lines; the server may push
 * one as well. {@code compress migrate} moves a client configured with {@code comp-lzo} to
 * {@code compress stub-v2} by a push, which both OpenVPN and Sluice do as servers and follow as
 * clients.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CompressionIT {

    private static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    /** OpenVPN's "Data Channel" line with the compression it names, or none. */
    private static Pattern dataChannel(String framing) {
        return Pattern.compile("Data Channel: cipher '[^']+', peer-id: \\d+"
                + (framing == null ? "\\s*$" : ", compression: '" + Pattern.quote(framing) + "'"));
    }

    @ParameterizedTest(name = "server [{0}] client [{1}]")
    @CsvSource(delimiter = '|', value = {
        "comp-lzo no                                | comp-lzo no | stub   | stub",
        "compress;push \"compress\"                 |             | stub   | stub",
        "compress stub-v2;push \"compress stub-v2\" |             | stubv2 | stubv2",
        "comp-lzo no;push \"comp-lzo no\"           |             | stub   | stub",
        // The migrating server keeps no framing of its own for stub-v2 clients (multi.c): IP packets never need it.
        "compress migrate                           | comp-lzo    |        | stubv2"})
    void framingInteroperatesBothWays(String serverLines, String clientLines, String serverFraming,
                                      String clientFraming) throws Exception {
        String[] server = serverLines.split(";");
        String[] client = clientLines == null ? new String[0] : clientLines.split(";");
        Pattern serverChose = dataChannel(serverFraming);
        Pattern clientChose = dataChannel(clientFraming);
        try (NetLab lab = NetLab.open("CompressionIT-" + server[0].replace(' ', '_') + "-" + client.length)) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));

            // Sluice serves, OpenVPN connects.
            SluicePeer sluiceServer = SluicePeer.start(lab, serverNs, "sluice-server",
                    InteropConfigs.server("udp", link.a().v4(), pki, pki.server("server"), server));
            OpenVpnPeer openVpnClient = OpenVpnPeer.start(lab, clientNs, "openvpn-client",
                    InteropConfigs.client("udp", link.a().v4(), pki, pki.client("alice"), client));
            openVpnClient.awaitLog(clientChose, T);
            sluiceServer.awaitLog(serverChose, T);
            InteropConfigs.pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertFalse(openVpnClient.process().output().contains("Bad compression"), "OpenVPN read every framing byte");
            openVpnClient.stop();
            assertEquals(0, sluiceServer.stop());

            // OpenVPN serves, Sluice connects.
            OpenVpnPeer openVpnServer = OpenVpnPeer.start(lab, serverNs, "openvpn-server",
                    InteropConfigs.server("udp", link.a().v4(), pki, pki.server("server"), server));
            SluicePeer sluiceClient = SluicePeer.start(lab, clientNs, "sluice-client",
                    InteropConfigs.client("udp", link.a().v4(), pki, pki.client("alice"), client));
            sluiceClient.awaitLog(clientChose, T);
            openVpnServer.awaitLog(serverChose, T);
            InteropConfigs.pingAndMoveFiveMegabytes(lab, serverNs, clientNs);
            assertFalse(openVpnServer.process().output().contains("Bad compression"), "OpenVPN read every framing byte");
            assertEquals(0, sluiceClient.stop());
        }
    }
}
