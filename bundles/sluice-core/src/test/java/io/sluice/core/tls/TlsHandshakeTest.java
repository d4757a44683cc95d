package io.sluice.core.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Server and client endpoints completing handshakes with each other and using the session. */
class TlsHandshakeTest {

    private final TestPki pki = new TestPki();
    private final TestPki.Authority ca = pki.root("Test CA");

    private TlsSettings serverSettings(TestPki.Issued cert) {
        return TlsSettings.builder("server").trustAnchors(List.of(ca.certificate()))
                .credentials(cert.chain(), cert.key()).build();
    }

    private TlsSettings clientSettings(TestPki.Issued cert) {
        return TlsSettings.builder("client").trustAnchors(List.of(ca.certificate()))
                .credentials(cert.chain(), cert.key()).build();
    }

    static List<Arguments> versionsAndKeys() {
        return List.of(
                Arguments.of(TlsVersion.TLS_1_2, TestPki.Kind.EC, TlsCipherSuite.ECDHE_ECDSA_AES256_GCM),
                Arguments.of(TlsVersion.TLS_1_2, TestPki.Kind.RSA, TlsCipherSuite.ECDHE_RSA_AES256_GCM),
                Arguments.of(TlsVersion.TLS_1_2, TestPki.Kind.ED25519, TlsCipherSuite.ECDHE_ECDSA_AES256_GCM),
                Arguments.of(TlsVersion.TLS_1_3, TestPki.Kind.EC, TlsCipherSuite.TLS_AES_256_GCM_SHA384),
                Arguments.of(TlsVersion.TLS_1_3, TestPki.Kind.RSA, TlsCipherSuite.TLS_AES_256_GCM_SHA384),
                Arguments.of(TlsVersion.TLS_1_3, TestPki.Kind.ED25519, TlsCipherSuite.TLS_AES_256_GCM_SHA384));
    }

    @ParameterizedTest(name = "{0} with {1} keys")
    @MethodSource("versionsAndKeys")
    void handshakeCompletesAndCarriesDataBothWaysAndExportsTheSameKeys(TlsVersion version, TestPki.Kind kind,
            TlsCipherSuite expectedSuite) {
        TestPki.Issued serverCert = pki.issue(ca, "server", kind, TestPki.Usage.SERVER);
        TestPki.Issued clientCert = pki.issue(ca, "alice", kind, TestPki.Usage.CLIENT);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert).toBuilder().maxVersion(version).build());
        TlsEndpoint client = Handshakes.client(clientSettings(clientCert));

        Handshakes.pump(client, server);

        assertEquals(TlsState.ESTABLISHED, server.state(), () -> String.valueOf(server.failure()));
        assertEquals(TlsState.ESTABLISHED, client.state(), () -> String.valueOf(client.failure()));
        for (TlsEndpoint e : List.of(server, client)) {
            TlsSessionInfo info = e.session().orElseThrow();
            assertEquals(version, info.version());
            assertEquals(expectedSuite, info.cipherSuite());
        }
        assertEquals(clientCert.certificate(), server.session().orElseThrow().peerCertificate().orElseThrow());
        assertEquals(serverCert.certificate(), client.session().orElseThrow().peerCertificate().orElseThrow());
        assertEquals("alice", server.session().orElseThrow().peerCommonName().orElseThrow());

        client.send("PUSH_REQUEST\0".getBytes(US_ASCII));
        Handshakes.pump(client, server);
        assertEquals("PUSH_REQUEST\0", new String(server.takeApplicationData(), US_ASCII));
        server.send("PUSH_REPLY,ping 10\0".getBytes(US_ASCII));
        Handshakes.pump(client, server);
        assertEquals("PUSH_REPLY,ping 10\0", new String(client.takeApplicationData(), US_ASCII));

        assertTrue(server.canExportKeyingMaterial());
        byte[] serverKeys = server.exportKeyingMaterial("EXPORTER-OpenVPN-datakeys", 256);
        byte[] clientKeys = client.exportKeyingMaterial("EXPORTER-OpenVPN-datakeys", 256);
        assertEquals(256, serverKeys.length);
        assertArrayEquals(serverKeys, clientKeys);
        assertFalse(java.util.Arrays.equals(serverKeys, client.exportKeyingMaterial("EXPORTER-OpenVPN-p2p-peerid", 256)),
                "a different label must give different keys");
    }

    @Test
    void eachNewEndpointIsAFreshSessionWithItsOwnKeys() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TestPki.Issued clientCert = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        byte[][] keys = new byte[2][];
        for (int i = 0; i < 2; i++) {
            TlsEndpoint server = Handshakes.server(serverSettings(serverCert));
            TlsEndpoint client = Handshakes.client(clientSettings(clientCert));
            Handshakes.pump(client, server);
            keys[i] = server.exportKeyingMaterial("EXPORTER-OpenVPN-datakeys", 256);
        }
        assertFalse(java.util.Arrays.equals(keys[0], keys[1]));
    }

    @Test
    void dataSentDuringTheHandshakeIsDeliveredOnceItCompletes() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TestPki.Issued clientCert = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert));
        TlsEndpoint client = Handshakes.client(clientSettings(clientCert));

        assertEquals(TlsState.HANDSHAKING, client.send("key-method-2".getBytes(US_ASCII)));
        Handshakes.pump(client, server);

        assertEquals("key-method-2", new String(server.takeApplicationData(), US_ASCII));
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void recordsSplitIntoSingleBytesAreReassembled(TlsVersion version) {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TestPki.Issued clientCert = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert).toBuilder().maxVersion(version).build());
        TlsEndpoint client = Handshakes.client(clientSettings(clientCert));
        client.send(new byte[20000]); // more than one record

        Handshakes.pumpBytewise(client, server);

        assertEquals(TlsState.ESTABLISHED, server.state(), () -> String.valueOf(server.failure()));
        assertEquals(20000, server.takeApplicationData().length);
    }

    @Test
    void aClientStartsWithItsClientHelloAndAServerWaitsForInput() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert));
        TlsEndpoint client = Handshakes.client(clientSettings(pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT)));

        assertEquals(0, server.outputAvailable());
        byte[] hello = client.takeOutput();
        assertTrue(hello.length > 5);
        assertEquals(0x16, hello[0], "a handshake record");
        assertEquals(1, hello[5], "carrying a ClientHello");
    }

    @Test
    void closeSendsCloseNotifyAndThePeerEndsClosedToo() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert));
        TlsEndpoint client = Handshakes.client(clientSettings(pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT)));
        Handshakes.pump(client, server);

        client.close();
        Handshakes.pump(client, server);

        assertEquals(TlsState.CLOSED, client.state());
        assertEquals(TlsState.CLOSED, server.state());
        assertTrue(server.failure().isEmpty());
        assertEquals(TlsState.CLOSED, server.send(new byte[] {1}), "no data after close");
    }

    @Test
    void keyingMaterialCannotBeExportedBeforeTheHandshakeCompletes() {
        TlsEndpoint client = Handshakes.client(clientSettings(pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT)));

        assertFalse(client.canExportKeyingMaterial());
        assertThrows(IllegalStateException.class, () -> client.exportKeyingMaterial("EXPORTER-OpenVPN-datakeys", 256));
    }

    @Test
    void theControlChannelLineReadsLikeOpenVpns() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TestPki.Issued clientCert = pki.issue(ca, "alice", TestPki.Kind.RSA, TestPki.Usage.CLIENT);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert));
        TlsEndpoint client = Handshakes.client(clientSettings(clientCert));
        Handshakes.pump(client, server);

        assertEquals("Control Channel: TLSv1.3, cipher TLSv1.3 TLS_AES_256_GCM_SHA384, peer certificate: "
                + "2048 bits RSA, signature: ecdsa-with-SHA256", server.session().orElseThrow().controlChannelLine());
        assertEquals("Control Channel: TLSv1.3, cipher TLSv1.3 TLS_AES_256_GCM_SHA384, peer certificate: "
                + "256 bits ECprime256v1, signature: ecdsa-with-SHA256", client.session().orElseThrow().controlChannelLine());
    }

    @Test
    void tls12LineNamesTheSuiteAsOpenSslDoes() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.RSA, TestPki.Usage.SERVER);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert).toBuilder().maxVersion(TlsVersion.TLS_1_2).build());
        TlsEndpoint client = Handshakes.client(clientSettings(pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT)));
        Handshakes.pump(client, server);

        String line = client.session().orElseThrow().controlChannelLine();
        assertEquals("Control Channel: TLSv1.2, cipher TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384, peer certificate: "
                + "2048 bits RSA, signature: ecdsa-with-SHA256", line);
    }

    @Test
    void versionsOutsideTheOtherSidesRangeFailTheNegotiation() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert).toBuilder().minVersion(TlsVersion.TLS_1_3).build());
        TlsEndpoint client = Handshakes.client(clientSettings(pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT))
                .toBuilder().maxVersion(TlsVersion.TLS_1_2).build());

        Handshakes.pump(client, server);

        assertEquals(TlsState.FAILED, server.state());
        assertEquals(TlsFailure.Kind.NEGOTIATION_FAILED, server.failure().orElseThrow().kind());
        assertTrue(server.failure().orElseThrow().message().startsWith("TLS Error: TLS handshake failed: sent fatal alert protocol_version"),
                server.failure().orElseThrow().message());
        assertEquals(TlsState.FAILED, client.state());
        assertEquals(TlsFailure.Kind.ALERT_RECEIVED, client.failure().orElseThrow().kind());
        assertNotEquals(-1, client.failure().orElseThrow().message().indexOf("protocol_version"));
    }

    @Test
    void aTls13OnlyClientGetsTls13() {
        TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsEndpoint server = Handshakes.server(serverSettings(serverCert));
        TlsEndpoint client = Handshakes.client(clientSettings(pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT))
                .toBuilder().minVersion(TlsVersion.TLS_1_3).build());

        Handshakes.pump(client, server);

        assertEquals(TlsVersion.TLS_1_3, server.session().orElseThrow().version());
    }
}
