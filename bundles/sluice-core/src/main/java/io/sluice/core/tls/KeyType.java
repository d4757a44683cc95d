package io.sluice.core.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The kinds of key a local certificate may carry, which decide the signature schemes (and, in
 * TLS 1.2, the cipher suites) a handshake can use with it.
 *
 * <p>EC keys are per curve because TLS 1.3 binds each ECDSA scheme to one curve
 * ({@code ecdsa_secp256r1_sha256} ...).
 */
enum KeyType {
    RSA("SHA256withRSA"),
    EC_P256("SHA256withECDSA"),
    EC_P384("SHA384withECDSA"),
    EC_P521("SHA512withECDSA"),
    ED25519("Ed25519"),
    ED448("Ed448");

    private final String jcaSignature;

    KeyType(String jcaSignature) {
        this.jcaSignature = jcaSignature;
    }

    boolean isRsa() {
        return this == RSA;
    }

    /** The key type of this certificate's public key. */
    static KeyType of(X509Certificate certificate) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return RSA;
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return ED25519;
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
            return ED448;
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)
                && spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
            if (curve.equals(X9ObjectIdentifiers.prime256v1)) {
                return EC_P256;
            }
            if (curve.equals(SECObjectIdentifiers.secp384r1)) {
                return EC_P384;
            }
            if (curve.equals(SECObjectIdentifiers.secp521r1)) {
                return EC_P521;
            }
            throw new IllegalArgumentException("unsupported EC curve " + curve.getId() + " in certificate "
                    + X509Names.subject(certificate) + " (Sluice supports P-256, P-384 and P-521)");
        }
        throw new IllegalArgumentException("unsupported key algorithm " + algorithm.getId() + " in certificate "
                + X509Names.subject(certificate) + " (Sluice supports RSA, EC P-256/P-384/P-521, Ed25519, Ed448)");
    }

    /**
     * Fails unless {@code key} is the private half of the certificate's public key, as
     * OpenSSL's {@code SSL_CTX_check_private_key} would when OpenVPN loads its {@code key}:
     * a mismatched pair would otherwise only surface as a failed handshake with every peer.
     */
    void requireMatch(X509Certificate certificate, PrivateKey key) {
        byte[] probe = "sluice key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(jcaSignature);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(jcaSignature);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("private key (" + key.getAlgorithm()
                    + ") cannot be used with certificate " + X509Names.subject(certificate) + ": " + e.getMessage(), e);
        }
        if (!matches) {
            throw new IllegalArgumentException(
                    "private key does not match the certificate " + X509Names.subject(certificate));
        }
    }
}
