package io.sluice.core.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprint of a DER certificate, as {@code peer-fingerprint} lists them.
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public final class CertificateFingerprint {

    /** SHA-256 output length. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] sha256;

    private CertificateFingerprint(byte[] sha256) {
        this.sha256 = sha256;
    }

    public static CertificateFingerprint of(byte[] sha256) {
        if (sha256.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes, not " + sha256.length);
        }
        return new CertificateFingerprint(sha256.clone());
    }

    /** The fingerprint of this certificate. */
    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            return new CertificateFingerprint(sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code AB:CD:...:EF}, the form OpenVPN's {@code peer-fingerprint} takes and prints
     * (case-insensitive, 32 colon-separated bytes).
     */
    public static CertificateFingerprint parse(String text) {
        String t = text.trim();
        if (t.length() != LENGTH * 3 - 1) {
            throw new IllegalArgumentException(
                    "peer-fingerprint: expected 32 hex bytes separated by ':' (SHA-256), got '" + text + "'");
        }
        try {
            return new CertificateFingerprint(HexFormat.ofDelimiter(":").parseHex(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("peer-fingerprint: not a SHA-256 fingerprint: '" + text + "'", e);
        }
    }

    public byte[] bytes() {
        return sha256.clone();
    }

    /** Constant-time comparison, as OpenVPN does it, so a probe learns nothing from timing. */
    boolean matches(byte[] other) {
        return MessageDigest.isEqual(sha256, other);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    static String format(byte[] sha256) {
        return HEX.formatHex(sha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint f && MessageDigest.isEqual(sha256, f.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    /** {@code AB:CD:...}, as OpenVPN prints fingerprints. */
    @Override
    public String toString() {
        return format(sha256);
    }
}
