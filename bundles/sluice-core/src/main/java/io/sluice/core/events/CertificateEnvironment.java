package io.sluice.core.events;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

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

    /** OpenSSL's short names ({@code OBJ_nid2sn}) of the attributes certificates carry. */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry(BCStyle.CN.getId(), "CN"),
            Map.entry(BCStyle.C.getId(), "C"),
            Map.entry(BCStyle.L.getId(), "L"),
            Map.entry(BCStyle.ST.getId(), "ST"),
            Map.entry(BCStyle.O.getId(), "O"),
            Map.entry(BCStyle.OU.getId(), "OU"),
            Map.entry(BCStyle.EmailAddress.getId(), "emailAddress"),
            Map.entry(BCStyle.SERIALNUMBER.getId(), "serialNumber"),
            Map.entry(BCStyle.SURNAME.getId(), "SN"),
            Map.entry(BCStyle.GIVENNAME.getId(), "GN"),
            Map.entry(BCStyle.T.getId(), "title"),
            Map.entry(BCStyle.DC.getId(), "DC"),
            Map.entry(BCStyle.UID.getId(), "UID"),
            Map.entry(BCStyle.NAME.getId(), "name"),
            Map.entry(BCStyle.INITIALS.getId(), "initials"),
            Map.entry(BCStyle.GENERATION.getId(), "generationQualifier"),
            Map.entry(BCStyle.DN_QUALIFIER.getId(), "dnQualifier"),
            Map.entry(BCStyle.PSEUDONYM.getId(), "pseudonym"),
            Map.entry(BCStyle.STREET.getId(), "street"),
            Map.entry(BCStyle.POSTAL_CODE.getId(), "postalCode"),
            Map.entry(BCStyle.DESCRIPTION.getId(), "description"),
            Map.entry(BCStyle.BUSINESS_CATEGORY.getId(), "businessCategory"));

    private CertificateEnvironment() {
    }

    static Map<String, String> of(List<X509Certificate> chain) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int depth = 0; depth < chain.size(); depth++) {
            X509Certificate cert = chain.get(depth);
            X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
            StringBuilder id = new StringBuilder();
            for (RDN rdn : subject.getRDNs()) {
                if (id.length() > 0) {
                    id.append(", ");
                }
                AttributeTypeAndValue[] values = rdn.getTypesAndValues();
                for (int i = 0; i < values.length; i++) {
                    String oid = values[i].getType().getId();
                    String shortName = SHORT_NAMES.get(oid);
                    String value = value(values[i].getValue());
                    id.append(i > 0 ? " + " : "").append(shortName == null ? oid : shortName).append('=')
                            .append(escapeControls(value));
                    if (shortName != null) {
                        putNumbered(env, "X509_" + depth + "_" + shortName, controlsToUnderscore(value));
                    }
                }
            }
            env.put("tls_id_" + depth, id.toString());
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

    private static String value(ASN1Encodable v) {
        return v instanceof ASN1String s ? s.getString() : v.toString();
    }

    /** {@code ASN1_STRFLGS_ESC_CTRL}: control characters as {@code \XX}. */
    private static String escapeControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c == 127) {
                b.append(String.format("\\%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
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
