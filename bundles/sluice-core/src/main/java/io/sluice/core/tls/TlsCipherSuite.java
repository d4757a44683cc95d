package io.sluice.core.tls;

import org.bouncycastle.tls.CipherSuite;

/**
 * The cipher suites Sluice offers and accepts, in preference order.
 *
 * <p>The AEAD suites of OpenSSL 3's default list, which is what stock OpenVPN 2.6 peers offer:
 * the three TLS 1.3 suites and, for TLS 1.2, ECDHE with AES-GCM or ChaCha20-Poly1305. No
 * CBC, no static RSA key transport and no finite-field DHE: forward secrecy from ECDHE is why
 * {@code dh none} is the default.
 */
public enum TlsCipherSuite {
    TLS_AES_256_GCM_SHA384(CipherSuite.TLS_AES_256_GCM_SHA384, TlsVersion.TLS_1_3,
            "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384", null),
    TLS_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, TlsVersion.TLS_1_3,
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256", null),
    TLS_AES_128_GCM_SHA256(CipherSuite.TLS_AES_128_GCM_SHA256, TlsVersion.TLS_1_3,
            "TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256", null),

    ECDHE_ECDSA_AES256_GCM(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TlsVersion.TLS_1_2,
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384", ServerKey.ECDSA),
    ECDHE_RSA_AES256_GCM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TlsVersion.TLS_1_2,
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384", ServerKey.RSA),
    ECDHE_ECDSA_CHACHA20_POLY1305(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TlsVersion.TLS_1_2,
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305", ServerKey.ECDSA),
    ECDHE_RSA_CHACHA20_POLY1305(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, TlsVersion.TLS_1_2,
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305", ServerKey.RSA),
    ECDHE_ECDSA_AES128_GCM(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsVersion.TLS_1_2,
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", ServerKey.ECDSA),
    ECDHE_RSA_AES128_GCM(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TlsVersion.TLS_1_2,
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256", ServerKey.RSA);

    /** Which server key a TLS 1.2 suite authenticates with (TLS 1.3 suites work with any). */
    enum ServerKey {
        /** ECDSA and EdDSA keys (RFC 8422 puts Ed25519/Ed448 under the ECDSA suites). */
        ECDSA,
        RSA
    }

    private final int code;
    private final TlsVersion version;
    private final String ianaName;
    private final String openSslName;
    private final ServerKey serverKey;

    TlsCipherSuite(int code, TlsVersion version, String ianaName, String openSslName, ServerKey serverKey) {
        this.code = code;
        this.version = version;
        this.ianaName = ianaName;
        this.openSslName = openSslName;
        this.serverKey = serverKey;
    }

    /** The IANA code point. */
    public int code() {
        return code;
    }

    /** The lowest version the suite is defined for (and, for ours, the only one). */
    public TlsVersion version() {
        return version;
    }

    public String ianaName() {
        return ianaName;
    }

    /** OpenSSL's name, as OpenVPN logs it: {@code ECDHE-RSA-AES256-GCM-SHA384}, {@code TLS_AES_256_GCM_SHA384}. */
    public String openSslName() {
        return openSslName;
    }

    /** {@code null} for TLS 1.3 suites. */
    ServerKey serverKey() {
        return serverKey;
    }

    /** The suite with this code point, or {@code null} if Sluice does not offer it. */
    static TlsCipherSuite of(int code) {
        for (TlsCipherSuite s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
