package io.sluice.core.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import io.sluice.api.cert.PeerRole;

/**
 * The key-usage and extended-key-usage rules: OpenSSL's built-in TLS purpose check, and
 * OpenVPN's {@code remote-cert-ku}/{@code remote-cert-eku} on top of it.
 */
final class UsageChecks {

    static final String SERVER_AUTH_OID = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH_OID = "1.3.6.1.5.5.7.3.2";
    /** Server Gated Crypto (Netscape, Microsoft): OpenSSL still accepts them for TLS servers. */
    private static final List<String> SGC_OIDS = List.of("2.16.840.1.113730.4.1", "1.3.6.1.4.1.311.10.3.3");

    /** OpenSSL's long names, which {@code remote-cert-eku} compares against (besides the OID). */
    private static final Map<String, String> EKU_LONG_NAMES = Map.ofEntries(
            Map.entry(SERVER_AUTH_OID, RemoteCertUsage.SERVER_AUTH),
            Map.entry(CLIENT_AUTH_OID, RemoteCertUsage.CLIENT_AUTH),
            Map.entry("1.3.6.1.5.5.7.3.3", "Code Signing"),
            Map.entry("1.3.6.1.5.5.7.3.4", "E-mail Protection"),
            Map.entry("1.3.6.1.5.5.7.3.5", "IPSec End System"),
            Map.entry("1.3.6.1.5.5.7.3.6", "IPSec Tunnel"),
            Map.entry("1.3.6.1.5.5.7.3.7", "IPSec User"),
            Map.entry("1.3.6.1.5.5.7.3.8", "Time Stamping"),
            Map.entry("1.3.6.1.5.5.7.3.9", "OCSP Signing"),
            Map.entry("1.3.6.1.5.5.7.3.17", "ipsec Internet Key Exchange"),
            Map.entry("2.5.29.37.0", "Any Extended Key Usage"),
            Map.entry("1.3.6.1.4.1.311.20.2.2", "Microsoft Smartcard Login"));

    // java.security.cert.X509Certificate#getKeyUsage() bit positions (RFC 5280 order).
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    private UsageChecks() {
    }

    /**
     * OpenSSL's default purpose check in a TLS handshake ({@code ssl_client} when a server
     * verifies a client, {@code ssl_server} the other way round). OpenVPN inherits it, so a
     * client presenting a server-only certificate fails with "unsupported certificate purpose"
     * even without {@code remote-cert-tls}: an extended key usage, if present, must include the
     * role's purpose (also on intermediate CAs); a key usage on the peer's own certificate, if
     * present, must allow a TLS handshake.
     */
    static boolean tlsPurposeAllows(X509Certificate cert, PeerRole peerRole, boolean isCa) {
        List<String> eku;
        try {
            eku = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (eku != null) {
            boolean allowed = peerRole == PeerRole.CLIENT ? eku.contains(CLIENT_AUTH_OID)
                    : eku.contains(SERVER_AUTH_OID) || eku.stream().anyMatch(SGC_OIDS::contains);
            if (!allowed) {
                return false;
            }
        }
        boolean[] ku = cert.getKeyUsage();
        if (isCa || ku == null) {
            return true;
        }
        boolean signs = bit(ku, DIGITAL_SIGNATURE) || bit(ku, KEY_AGREEMENT);
        return peerRole == PeerRole.CLIENT ? signs : signs || bit(ku, KEY_ENCIPHERMENT);
    }

    /**
     * {@code remote-cert-ku}: empty {@code expected} only requires the extension (what
     * {@code remote-cert-tls} asks). Appends OpenVPN's log lines to {@code log}.
     */
    static boolean keyUsageMatches(X509Certificate cert, List<Integer> expected, List<String> log) {
        boolean[] ku = cert.getKeyUsage();
        if (ku == null) {
            log.add("Certificate does not have key usage extension");
            return false;
        }
        if (expected.isEmpty()) {
            return true;
        }
        int nku = openVpnKeyUsage(ku);
        log.add("Validating certificate key usage");
        for (int e : expected) {
            if ((nku & e) == e) {
                return true;
            }
        }
        log.add(String.format("ERROR: Certificate has key usage %04x, expected one of:", nku));
        expected.forEach(e -> log.add(String.format(" * %04x", e)));
        return false;
    }

    /**
     * OpenVPN's encoding of the key-usage bits: the first byte of the DER bit string, so that
     * digitalSignature is {@code 0x80}, keyEncipherment {@code 0x20}, keyAgreement {@code 0x08}.
     */
    static int openVpnKeyUsage(boolean[] ku) {
        int nku = 0;
        for (int i = 0; i < 8; i++) {
            if (bit(ku, i)) {
                nku |= 1 << (7 - i);
            }
        }
        return nku;
    }

    /**
     * {@code remote-cert-eku}: one extended key usage must equal {@code expected}, by OpenSSL long
     * name or by dotted OID. Appends OpenVPN's log lines to {@code log}.
     */
    static boolean extendedKeyUsageMatches(X509Certificate cert, String expected, List<String> log) {
        List<String> eku;
        try {
            eku = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            eku = null;
        }
        if (eku == null) {
            log.add("Certificate does not have extended key usage extension");
            return false;
        }
        log.add("Validating certificate extended key usage");
        for (String oid : eku) {
            String name = EKU_LONG_NAMES.getOrDefault(oid, oid);
            log.add("++ Certificate has EKU (str) " + name + ", expects " + expected);
            if (expected.equals(name)) {
                return true;
            }
            log.add("++ Certificate has EKU (oid) " + oid + ", expects " + expected);
            if (expected.equals(oid)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bit(boolean[] bits, int i) {
        return i < bits.length && bits[i];
    }
}
