package io.sluice.core.tls;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Our own certificate chain and key ({@code cert}, {@code extra-certs}, {@code key}), turned
 * into Bouncy Castle signing credentials for one handshake.
 */
final class LocalCredentials {

    private final List<X509Certificate> chain;
    private final AsymmetricKeyParameter key;
    private final KeyType keyType;

    LocalCredentials(List<X509Certificate> chain, PrivateKey key) {
        this.chain = List.copyOf(chain);
        this.keyType = KeyType.of(chain.get(0));
        try {
            // Bouncy Castle's lightweight form of the key, from its PKCS#8 encoding, whichever
            // JCA provider made the PrivateKey object.
            this.key = PrivateKeyFactory.createKey(key.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unusable private key (" + key.getAlgorithm() + "): " + e.getMessage(), e);
        }
    }

    KeyType keyType() {
        return keyType;
    }

    /**
     * Signing credentials for this handshake, or null when the peer offered no signature
     * scheme our key can make.
     *
     * @param offered        the peer's signature_algorithms
     * @param requestContext TLS 1.3's certificate_request_context (empty for a server)
     */
    TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto, List<?> offered, byte[] requestContext)
            throws IOException {
        boolean tls13 = TlsUtils.isTLSv13(context);
        SignatureAndHashAlgorithm algorithm = Algorithms.signatureFor(keyType, tls13, offered);
        if (algorithm == null) {
            return null;
        }
        TlsCertificate[] certificates = new TlsCertificate[chain.size()];
        for (int i = 0; i < certificates.length; i++) {
            try {
                certificates[i] = crypto.createCertificate(chain.get(i).getEncoded());
            } catch (CertificateEncodingException e) {
                throw new TlsFatalAlert(AlertDescription.internal_error, "cannot encode our certificate", e);
            }
        }
        Certificate certificate;
        if (tls13) {
            CertificateEntry[] entries = new CertificateEntry[certificates.length];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = new CertificateEntry(certificates[i], null);
            }
            certificate = new Certificate(requestContext, entries);
        } else {
            certificate = new Certificate(certificates);
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, certificate,
                algorithm);
    }
}
