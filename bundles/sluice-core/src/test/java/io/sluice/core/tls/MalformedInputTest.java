package io.sluice.core.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bytes that are not valid TLS end in a typed failure, never in an exception. */
class MalformedInputTest {

    private final TestPki pki = new TestPki();
    private final TestPki.Authority ca = pki.root("Test CA");
    private final TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
    private final TestPki.Issued clientCert = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);

    private TlsEndpoint server() {
        return Handshakes.server(TlsSettings.builder("server").trustAnchors(List.of(ca.certificate()))
                .credentials(serverCert.chain(), serverCert.key()).build());
    }

    private TlsEndpoint client() {
        return Handshakes.client(TlsSettings.builder("client").trustAnchors(List.of(ca.certificate()))
                .credentials(clientCert.chain(), clientCert.key()).build());
    }

    @Test
    void plainTextInsteadOfTlsFailsAsMalformed() {
        TlsEndpoint server = server();

        TlsState state = server.receive("GET / HTTP/1.1\r\nHost: vpn\r\n\r\n".getBytes(US_ASCII));

        assertEquals(TlsState.FAILED, state);
        TlsFailure failure = server.failure().orElseThrow();
        assertEquals(TlsFailure.Kind.MALFORMED_INPUT, failure.kind());
        assertTrue(failure.message().startsWith("TLS Error: TLS handshake failed: sent fatal alert"), failure.message());
    }

    @Test
    void randomBytesNeverThrowAndAlwaysEndInAFailureOrAWait() {
        Random random = new Random(42); // fixed seed: reproducible garbage
        for (int i = 0; i < 200; i++) {
            TlsEndpoint endpoint = i % 2 == 0 ? server() : client();
            endpoint.takeOutput();
            byte[] garbage = new byte[1 + random.nextInt(600)];
            random.nextBytes(garbage);
            if (i % 3 == 0) {
                garbage[0] = 0x16; // looks like a handshake record, to get past the first check
                garbage[1] = 0x03;
                garbage[2] = 0x03;
            }

            TlsState state = endpoint.receive(garbage);

            assertTrue(state == TlsState.FAILED || state == TlsState.HANDSHAKING, state::toString);
            if (state == TlsState.FAILED) {
                assertTrue(endpoint.failure().isPresent());
            }
        }
    }

    @Test
    void anOversizedRecordHeaderIsRefused() {
        TlsEndpoint server = server();

        server.receive(new byte[] {0x16, 0x03, 0x01, (byte) 0xff, (byte) 0xff});

        assertEquals(TlsState.FAILED, server.state());
        assertEquals(TlsFailure.Kind.MALFORMED_INPUT, server.failure().orElseThrow().kind());
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void aTamperedRecordAfterTheHandshakeFailsTheSession(TlsVersion version) {
        TlsEndpoint server = Handshakes.server(TlsSettings.builder("server").trustAnchors(List.of(ca.certificate()))
                .credentials(serverCert.chain(), serverCert.key()).maxVersion(version).build());
        TlsEndpoint client = client();
        Handshakes.pump(client, server);
        client.send("PUSH_REQUEST".getBytes(US_ASCII));
        byte[] record = client.takeOutput();
        record[record.length - 1] ^= 1; // flip a bit of the authentication tag

        server.receive(record);

        assertEquals(TlsState.FAILED, server.state());
        TlsFailure failure = server.failure().orElseThrow();
        assertEquals(TlsFailure.Kind.MALFORMED_INPUT, failure.kind());
        assertTrue(failure.message().startsWith("TLS Error: TLS session failed: sent fatal alert bad_record_mac"),
                failure.message());
        assertEquals(0, server.applicationDataAvailable());
        assertTrue(server.outputAvailable() > 0, "the bad_record_mac alert is left to send");
    }

    @Test
    void inputAfterAFailureIsIgnored() {
        TlsEndpoint server = server();
        server.receive(new byte[] {1, 2, 3, 4, 5, 6});
        TlsFailure first = server.failure().orElseThrow();

        assertEquals(TlsState.FAILED, server.receive(new byte[] {0x16, 3, 3, 0, 1, 1}));
        assertEquals(first, server.failure().orElseThrow());
        assertEquals(TlsState.FAILED, server.send(new byte[] {1}));
    }

    @Test
    void aServerHelloSentToAServerIsAProtocolError() {
        TlsEndpoint server = server();
        TlsEndpoint otherServer = server();
        TlsEndpoint client = client();
        otherServer.receive(client.takeOutput());
        byte[] serverFlight = otherServer.takeOutput();

        server.receive(serverFlight);

        assertEquals(TlsState.FAILED, server.state());
        assertEquals(TlsFailure.Kind.MALFORMED_INPUT, server.failure().orElseThrow().kind());
    }
}
