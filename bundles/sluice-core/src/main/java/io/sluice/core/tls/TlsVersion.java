package io.sluice.core.tls;

import java.util.Locale;

import org.bouncycastle.tls.ProtocolVersion;

/**
 * The TLS versions Sluice speaks on the control channel.
 *
 * <p>Only 1.2 and 1.3: OpenVPN 2.6 defaults to {@code tls-version-min 1.2}, and OpenSSL 3 at
 * its default security level refuses the SHA-1 based handshakes of 1.0 and 1.1 anyway.
 */
public enum TlsVersion {
    TLS_1_2(ProtocolVersion.TLSv12, "TLSv1.2", "1.2"),
    TLS_1_3(ProtocolVersion.TLSv13, "TLSv1.3", "1.3");

    private final ProtocolVersion protocolVersion;
    private final String openSslName;
    private final String optionValue;

    TlsVersion(ProtocolVersion protocolVersion, String openSslName, String optionValue) {
        this.protocolVersion = protocolVersion;
        this.openSslName = openSslName;
        this.optionValue = optionValue;
    }

    /** The name OpenSSL (and so OpenVPN's log) uses: {@code TLSv1.2}, {@code TLSv1.3}. */
    public String openSslName() {
        return openSslName;
    }

    /** The value as written in {@code tls-version-min}/{@code tls-version-max}: {@code 1.2}, {@code 1.3}. */
    public String optionValue() {
        return optionValue;
    }

    ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /** The version Bouncy Castle negotiated, or {@code null} if it is not one of ours. */
    static TlsVersion of(ProtocolVersion negotiated) {
        for (TlsVersion v : values()) {
            if (v.protocolVersion.equals(negotiated)) {
                return v;
            }
        }
        return null;
    }

    /**
     * The minimum version for {@code tls-version-min VERSION [or-highest]}, as OpenVPN 2.6
     * interprets it.
     *
     * <p>{@code 1.0} and {@code 1.1} ask for a lower floor than Sluice implements; the
     * effective minimum is then 1.2 (such a configuration still accepts every peer that
     * OpenSSL 3 would let through at its default security level). With {@code or-highest}, a
     * version this implementation does not know means "the highest supported", as in OpenVPN.
     *
     * @throws IllegalArgumentException for an unknown version without {@code or-highest}
     */
    public static TlsVersion forTlsVersionMin(String version, boolean orHighest) {
        String v = version.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "1.0":
            case "1.1":
            case "1.2":
                return TLS_1_2;
            case "1.3":
                return TLS_1_3;
            default:
                if (orHighest) {
                    return TLS_1_3;
                }
                throw new IllegalArgumentException("tls-version-min: unknown TLS version '" + version
                        + "' (expected 1.2 or 1.3, optionally followed by or-highest)");
        }
    }

    /**
     * The maximum version for {@code tls-version-max VERSION}.
     *
     * @throws IllegalArgumentException for a version below 1.2 or an unknown one
     */
    public static TlsVersion forTlsVersionMax(String version) {
        switch (version.trim()) {
            case "1.2":
                return TLS_1_2;
            case "1.3":
                return TLS_1_3;
            default:
                throw new IllegalArgumentException("tls-version-max: unsupported TLS version '" + version
                        + "' (Sluice speaks TLS 1.2 and 1.3)");
        }
    }
}
