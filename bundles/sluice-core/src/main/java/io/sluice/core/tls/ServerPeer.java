package io.sluice.core.tls;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Vector;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.tls.AbstractTlsServer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The server side of one handshake, as Bouncy Castle asks for it: versions, suites, groups,
 * our credentials, the certificate request and the client's certificate.
 */
final class ServerPeer extends AbstractTlsServer {

    private final BcTlsCrypto crypto;
    private final TlsSettings settings;
    private final LocalCredentials credentials;
    private final HandshakeEvents events;

    ServerPeer(BcTlsCrypto crypto, TlsSettings settings, LocalCredentials credentials, HandshakeEvents events) {
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
        return Algorithms.cipherSuites(crypto, settings.minVersion(), settings.maxVersion(), credentials.keyType());
    }

    /** OpenVPN sets SSL_OP_CIPHER_SERVER_PREFERENCE: our order (AES-256-GCM first) wins. */
    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    public int[] getSupportedGroups() {
        return Algorithms.supportedGroups(crypto).stream().mapToInt(Integer::intValue).toArray();
    }

    /** TLS 1.2 ECDHE: the client's most preferred group that is also one of ours. */
    @Override
    protected int selectECDH(int minimumCurveBits) {
        int[] offered = context.getSecurityParametersHandshake().getClientSupportedGroups();
        if (offered == null) {
            return selectECDHDefault(minimumCurveBits);
        }
        for (int group : offered) {
            if (Algorithms.isOurGroup(group) && crypto.hasNamedGroup(group)) {
                return group;
            }
        }
        return -1;
    }

    /** No finite-field DHE suites are offered, so this is never asked for real. */
    @Override
    protected int selectDH(int minimumFiniteFieldBits) {
        return -1;
    }

    @Override
    public int getMaxCertificateChainLength() {
        return ChainVerifier.MAX_DEPTH;
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        Vector<?> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        TlsCredentialedSigner signer = credentials.signer(context, crypto, offered, TlsUtils.EMPTY_BYTES);
        if (signer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "the client offers no signature scheme for our " + credentials.keyType() + " key");
        }
        return signer;
    }

    @Override
    public CertificateRequest getCertificateRequest() throws IOException {
        if (settings.clientCertificates() == ClientCertificateMode.NONE) {
            return null;
        }
        Vector<?> signatures = Algorithms.acceptedSignatures(crypto);
        // Naming our CAs helps a client with several certificates pick the right one, as
        // OpenVPN's SSL_CTX_set_client_CA_list does.
        // (None at all, rather than an empty list, which the encoding does not allow.)
        Vector<X500Name> authorities = null;
        for (X509Certificate ca : settings.trustAnchors()) {
            if (authorities == null) {
                authorities = new Vector<>();
            }
            authorities.add(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()));
        }
        if (TlsUtils.isTLSv13(context)) {
            return new CertificateRequest(TlsUtils.EMPTY_BYTES, signatures, null, authorities);
        }
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, signatures, authorities);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        events.peerCertificate(clientCertificate);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        events.handshakeComplete();
    }
}
