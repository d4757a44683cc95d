package io.sluice.core.pki;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

/**
 * PEM as OpenSSL writes it (64 base64 characters a line, LF line ends): {@code CERTIFICATE} for
 * certificates and unencrypted PKCS#8 {@code PRIVATE KEY} for keys, the forms OpenVPN, OpenSSL
 * and Sluice's own loaders all read.
 */
final class PemText {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PemText() {
    }

    static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate built here cannot be encoded", e);
        }
    }

    /** The key as PKCS#8; the DER copy is wiped once encoded. */
    static byte[] privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalStateException("private key is not PKCS#8 encodable: " + key.getFormat());
        }
        byte[] der = key.getEncoded();
        try {
            return block("PRIVATE KEY", der).getBytes(StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
