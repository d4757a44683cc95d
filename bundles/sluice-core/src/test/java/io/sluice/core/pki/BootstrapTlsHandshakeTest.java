package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sluice.api.cert.PeerRole;
import io.sluice.core.tls.PemCertificates;
import io.sluice.core.tls.PemPrivateKeys;
import io.sluice.core.tls.RemoteCertUsage;
import io.sluice.core.tls.TlsEndpoint;
import io.sluice.core.tls.TlsEndpointFactory;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.tls.TlsState;
import io.sluice.core.tls.TlsVersion;

/**
 * Sluice's own TLS endpoints, configured as the server and the profile configure them
 * ({@code remote-cert-tls client} on the server, {@code remote-cert-tls server} on the client),
 * accept the bootstrapped credentials; and the client certificate cannot pose as the server (its
 * only extended key usage is clientAuth, which fails the TLS client's server-purpose check,
 * as in OpenSSL, before {@code remote-cert-tls server} even looks).
 */
class BootstrapTlsHandshakeTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private PkiFiles files;

    @BeforeEach
    void bootstrap() throws Exception {
        files = TestBootstraps.now().ensure(dir, false).files();
    }

    private TlsSettings settings(String instance, Path cert, Path key, PeerRole expectedPeer, TlsVersion version)
            throws Exception {
        return TlsSettings.builder(instance)
                .trustAnchors(PemCertificates.read(files.caCert()))
                .credentials(PemCertificates.read(cert), PemPrivateKeys.read(key))
                .remoteCertUsage(RemoteCertUsage.remoteCertTls(expectedPeer))
                .maxVersion(version)
                .build();
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void serverAndClientCredentialsCompleteAHandshakeWithRemoteCertTlsOnBothSides(TlsVersion version)
            throws Exception {
        TlsEndpoint server = TlsEndpointFactory.server(settings("server", files.serverCert(), files.serverKey(),
                PeerRole.CLIENT, version), CLOCK, RANDOM).newEndpoint();
        TlsEndpoint client = TlsEndpointFactory.client(settings("client", files.clientCert(), files.clientKey(),
                PeerRole.SERVER, version), CLOCK, RANDOM).newEndpoint();

        pump(client, server);

        assertEquals(TlsState.ESTABLISHED, server.state(), () -> server.failure() + " " + server.verificationLog());
        assertEquals(TlsState.ESTABLISHED, client.state(), () -> client.failure() + " " + client.verificationLog());
        assertEquals("client1", server.session().orElseThrow().peerCommonName().orElseThrow());
        assertEquals(version, client.session().orElseThrow().version());
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void theClientCertificateCannotPoseAsTheServer(TlsVersion version) throws Exception {
        TlsEndpoint impostor = TlsEndpointFactory.server(settings("impostor", files.clientCert(), files.clientKey(),
                PeerRole.CLIENT, version), CLOCK, RANDOM).newEndpoint();
        TlsEndpoint client = TlsEndpointFactory.client(settings("client", files.clientCert(), files.clientKey(),
                PeerRole.SERVER, version), CLOCK, RANDOM).newEndpoint();

        pump(client, impostor);

        assertEquals(TlsState.FAILED, client.state());
        assertNotEquals(TlsState.ESTABLISHED, impostor.state());
    }

    /** Moves bytes both ways until neither side has anything to send. */
    private static void pump(TlsEndpoint a, TlsEndpoint b) {
        for (int round = 0; round < 50; round++) {
            byte[] ab = a.takeOutput();
            if (ab.length > 0 && b.state() != TlsState.FAILED) {
                b.receive(ab);
            }
            byte[] ba = b.takeOutput();
            if (ba.length > 0 && a.state() != TlsState.FAILED) {
                a.receive(ba);
            }
            if (ab.length == 0 && ba.length == 0) {
                return;
            }
        }
        fail("endpoints kept exchanging bytes");
    }
}
