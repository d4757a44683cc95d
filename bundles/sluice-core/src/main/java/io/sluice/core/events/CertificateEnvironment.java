package io.sluice.core.events;

import io.sluice.core.tls.X509Names;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificate variables OpenVPN 2.6 (OpenSSL build) sets for every certificate of the peer's
 * chain as it verifies it, {@code N} being the depth (0 for the peer, 1 for its issuer ...):
 * ssl_verify.c {@code verify_cert_set_env}, ssl_verify_openssl.c {@code x509_setenv}.
 *
 * <ul>
 *   <li>{@code X509_N_<field>} for each subject attribute with an OpenSSL short name, in
 *       certificate order; a repeated field gets {@code _1}, {@code _2} ... ({@code X509_0_OU},
 *       {@code X509_0_OU_1}); control characters become {@code _}. Attributes OpenSSL has no
 *       name for are skipped, as OpenSSL skips unknown objects.</li>
 *   <li>{@code tls_id_N}: the subject as OpenVPN prints it, {@code C=KG, O=OpenVPN-TEST, CN=alice}.</li>
 *   <li>{@code tls_digest_N}, {@code tls_digest_sha256_N}: SHA-1 and SHA-256 fingerprints,
 *       lower-case hex bytes joined by {@code :}.</li>
 *   <li>{@code tls_serial_N} in decimal and {@code tls_serial_hex_N} as lower-case hex bytes
 *       joined by {@code :}.</li>
 * </ul>
 */
final class CertificateEnvironment {

    private CertificateEnvironment() {
    }

    static Map<String, String> of(List<X509Certificate> chain) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int depth = 0; depth < chain.size(); depth++) {
            X509Certificate cert = chain.get(depth);
            for (Map.Entry<String, String> attribute : X509Names.subjectAttributes(cert)) {
                putNumbered(env, "X509_" + depth + "_" + attribute.getKey(), controlsToUnderscore(attribute.getValue()));
            }
            env.put("tls_id_" + depth, X509Names.subject(cert));
            byte[] der = encoded(cert);
            env.put("tls_digest_" + depth, hex(digest("SHA-1", der)));
            env.put("tls_digest_sha256_" + depth, hex(digest("SHA-256", der)));
            BigInteger serial = cert.getSerialNumber();
            env.put("tls_serial_" + depth, serial.toString());
            env.put("tls_serial_hex_" + depth, hex(magnitude(serial)));
        }
        return env;
    }

    /** env_set.c {@code setenv_str_incr}: the name, else the first free {@code name_1} ... {@code name_999}. */
    private static void putNumbered(Map<String, String> env, String name, String value) {
        String key = name;
        for (int n = 1; env.containsKey(key); n++) {
            if (n >= 1000) {
                return;
            }
            key = name + "_" + n;
        }
        env.put(key, value);
    }

    /** {@code string_mod(CC_PRINT, CC_CRLF, '_')}. */
    private static String controlsToUnderscore(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 32 || c == 127 ? '_' : c);
        }
        return b.toString();
    }

    /** The serial's bytes as OpenSSL's {@code ASN1_INTEGER} holds them: magnitude, no sign byte. */
    private static byte[] magnitude(BigInteger serial) {
        byte[] b = serial.abs().toByteArray();
        if (b.length > 1 && b[0] == 0) {
            byte[] t = new byte[b.length - 1];
            System.arraycopy(b, 1, t, 0, t.length);
            return t;
        }
        return b;
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /** buffer.c {@code format_hex_ex(..., 1, ":")}: lower-case, a colon between bytes. */
    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                b.append(':');
            }
            b.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return b.toString();
    }
}
