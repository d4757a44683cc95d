package io.sluice.core.tls;

import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Certificate names as OpenVPN 2.6 prints and compares them.
 *
 * <p>OpenVPN formats a subject with OpenSSL's {@code X509_NAME_print_ex} and the flags
 * {@code XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_FN_SN | ASN1_STRFLGS_UTF8_CONVERT |
 * ASN1_STRFLGS_ESC_CTRL}: attributes in certificate order (not reversed as RFC 2253 would),
 * OpenSSL short names, {@code ", "} between RDNs and {@code " + "} inside multi-valued ones,
 * values in UTF-8 with only control characters escaped. {@code verify-x509-name ... subject}
 * compares against exactly this string, so it has to be reproduced, not approximated with
 * {@link javax.security.auth.x500.X500Principal#getName()}.
 */
public final class X509Names {

    /** OpenSSL's short names for the attributes certificates carry in practice. */
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

    private X509Names() {
    }

    /** The subject as OpenVPN prints it: {@code C=US, O=Example, CN=alice}. */
    public static String subject(X509Certificate certificate) {
        return format(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
    }

    /** The issuer, formatted like {@link #subject}. */
    static String issuer(X509Certificate certificate) {
        return format(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()));
    }

    static String format(X500Name name) {
        StringBuilder out = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            AttributeTypeAndValue[] values = rdn.getTypesAndValues();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(" + ");
                }
                String oid = values[i].getType().getId();
                out.append(SHORT_NAMES.getOrDefault(oid, oid)).append('=');
                appendValue(out, values[i].getValue());
            }
        }
        return out.toString();
    }

    /**
     * The common name OpenVPN uses as the peer's identity: the <em>last</em> CN of the subject
     * (OpenVPN's {@code extract_x509_field_ssl} keeps the last match), or {@code ""} if none.
     */
    static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String cn = "";
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.CN)) {
                    StringBuilder value = new StringBuilder();
                    appendValue(value, atv.getValue());
                    cn = value.toString();
                }
            }
        }
        return cn;
    }

    /** The serial number in decimal, as OpenVPN's {@code VERIFY ERROR} lines print it. */
    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString();
    }

    /**
     * OpenVPN's {@code string_mod_remap_name}: anything but printable characters becomes
     * {@code _} before a name is compared or handed to scripts, so a crafted CN cannot smuggle
     * line breaks into logs or matches.
     */
    public static String remap(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '_' : c));
        return out.toString();
    }

    /**
     * Each attribute of the subject with an OpenSSL short name, in certificate order, with its
     * value as text: OpenVPN's {@code X509_<depth>_<name>} script variables (ssl_verify_openssl.c
     * {@code x509_setenv}).
     */
    public static java.util.List<Map.Entry<String, String>> subjectAttributes(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        java.util.List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                String shortName = SHORT_NAMES.get(atv.getType().getId());
                if (shortName != null) {
                    String text = atv.getValue() instanceof ASN1String s ? s.getString() : atv.getValue().toString();
                    out.add(Map.entry(shortName, text));
                }
            }
        }
        return out;
    }

    private static void appendValue(StringBuilder out, ASN1Encodable value) {
        if (value instanceof ASN1String s) {
            s.getString().codePoints().forEach(c -> {
                if (c < 0x20 || c == 0x7f) {
                    out.append('\\').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            return;
        }
        // Not a string type: OpenSSL dumps the DER as #hex.
        try {
            out.append('#').append(HexFormat.of().withUpperCase().formatHex(
                    value.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
        } catch (java.io.IOException e) {
            out.append("#?");
        }
    }
}
