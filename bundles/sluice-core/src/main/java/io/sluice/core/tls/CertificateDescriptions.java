package io.sluice.core.tls;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.teletrust.TeleTrusTNamedCurves;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962NamedCurves;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Describes a certificate's key and signature the way OpenVPN 2.6 (on OpenSSL 3) does in its
 * "Control Channel:" line: {@code 256 bits ECprime256v1, signature: ecdsa-with-SHA256},
 * {@code 2048 bits RSA, signature: RSA-SHA256}.
 */
final class CertificateDescriptions {

    /** OpenSSL's short names of the signature algorithms certificates use. */
    private static final Map<String, String> SIGNATURE_NAMES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.5", "RSA-SHA1"),
            Map.entry("1.2.840.113549.1.1.14", "RSA-SHA224"),
            Map.entry("1.2.840.113549.1.1.11", "RSA-SHA256"),
            Map.entry("1.2.840.113549.1.1.12", "RSA-SHA384"),
            Map.entry("1.2.840.113549.1.1.13", "RSA-SHA512"),
            Map.entry("1.2.840.113549.1.1.10", "RSASSA-PSS"),
            Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
            Map.entry("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
            Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
            Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
            Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
            Map.entry("1.3.101.112", "ED25519"),
            Map.entry("1.3.101.113", "ED448"));

    private CertificateDescriptions() {
    }

    /** {@code <bits> bits <type>, signature: <algorithm>}. */
    static String describe(X509Certificate cert) {
        return key(cert) + ", signature: " + SIGNATURE_NAMES.getOrDefault(cert.getSigAlgOID(), cert.getSigAlgOID());
    }

    /** OpenSSL's {@code "%d bits %s%s"}: bits, key type name and, for EC, the curve's short name. */
    static String key(X509Certificate cert) {
        if (cert.getPublicKey() instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() + " bits RSA";
        }
        if (cert.getPublicKey() instanceof ECPublicKey ec) {
            BigInteger order = ec.getParams().getOrder();
            return order.bitLength() + " bits EC" + curveName(cert);
        }
        try {
            ASN1ObjectIdentifier algorithm = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded())
                    .getAlgorithm().getAlgorithm();
            if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
                return "253 bits ED25519";
            }
            if (algorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
                return "456 bits ED448";
            }
            return algorithm.getId();
        } catch (RuntimeException e) {
            return cert.getPublicKey().getAlgorithm();
        }
    }

    /** prime256v1, secp384r1, secp521r1, brainpoolP256r1 ...: OpenSSL's names. */
    private static String curveName(X509Certificate cert) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded());
            if (spki.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
                    && spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid) {
                String name = X962NamedCurves.getName(oid);
                if (name == null) {
                    name = SECNamedCurves.getName(oid);
                }
                if (name == null) {
                    name = TeleTrusTNamedCurves.getName(oid);
                }
                return name != null ? name : oid.getId();
            }
        } catch (RuntimeException e) {
            // fall through: an unnamed curve is still an EC key
        }
        return "(unnamed curve)";
    }
}
