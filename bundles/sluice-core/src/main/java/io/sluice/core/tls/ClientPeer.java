package io.sluice.core.tls;

import java.io.IOException;
import java.util.Vector;

import org.bouncycastle.tls.AbstractTlsClient;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The client side of one handshake, as Bouncy Castle asks for it: what to offer, the server's
 * certificate, and our certificate when the server asks for one.
 */
final class ClientPeer extends AbstractTlsClient {

    private final BcTlsCrypto crypto;
    private final TlsSettings settings;
    private final LocalCredentials credentials; // null: no client certificate
    private final HandshakeEvents events;

    ClientPeer(BcTlsCrypto crypto, TlsSettings settings, LocalCredentials credentials, HandshakeEvents events) {
        super(crypto);
        this.crypto = crypto;
        this.settings = settings;
        this.credentials = credentials;
        this.events = events;
    }

    TlsContext context() {
        return context;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return Algorithms.versions(settings.minVersion(), settings.maxVersion());
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return Algorithms.cipherSuites(crypto, settings.minVersion(), settings.maxVersion(), null);
    }

    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        return Algorithms.supportedGroups(crypto);
    }

    @Override
    protected Vector getSupportedSignatureAlgorithms() {
        return Algorithms.acceptedSignatures(crypto);
    }

    @Override
    public int getMaxCertificateChainLength() {
        return ChainVerifier.MAX_DEPTH;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                events.peerCertificate(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                if (credentials == null) {
                    return null; // an empty Certificate: the server decides whether that is enough
                }
                return credentials.signer(context, crypto, request.getSupportedSignatureAlgorithms(),
                        request.getCertificateRequestContext());
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        events.handshakeComplete();
    }
}
