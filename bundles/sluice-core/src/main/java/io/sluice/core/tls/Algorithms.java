package io.sluice.core.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The groups, signature schemes, versions and suites Sluice puts on the wire, in one place.
 *
 * <p>Chosen to meet OpenSSL 3's defaults, which is what OpenVPN 2.6 peers use: key exchange
 * over X25519, P-256 or P-384 (P-521 too, for peers whose certificates use it); signatures
 * with ECDSA (curve-bound in TLS 1.3), RSA-PSS, Ed25519/Ed448, and RSA PKCS#1 v1.5 where TLS 1.2
 * and certificate signatures still need it. No SHA-1 and no finite-field groups.
 */
final class Algorithms {

    /** Key-exchange groups, most preferred first. */
    static final int[] GROUPS = {
        NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1, NamedGroup.secp521r1,
    };

    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
    private static final SignatureAndHashAlgorithm ECDSA_SHA384 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa);
    private static final SignatureAndHashAlgorithm ECDSA_SHA512 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha512, SignatureAlgorithm.ecdsa);
    private static final SignatureAndHashAlgorithm RSA_PKCS1_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa);
    private static final SignatureAndHashAlgorithm RSA_PKCS1_SHA384 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa);
    private static final SignatureAndHashAlgorithm RSA_PKCS1_SHA512 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha512, SignatureAlgorithm.rsa);

    /**
     * Signature schemes we accept from a peer (handshake signatures and certificate
     * signatures alike), in OpenSSL's order.
     */
    private static final List<SignatureAndHashAlgorithm> ACCEPTED_SIGNATURES = List.of(
            ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512,
            SignatureAndHashAlgorithm.ed25519, SignatureAndHashAlgorithm.ed448,
            SignatureAndHashAlgorithm.rsa_pss_pss_sha256, SignatureAndHashAlgorithm.rsa_pss_pss_sha384,
            SignatureAndHashAlgorithm.rsa_pss_pss_sha512,
            SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
            SignatureAndHashAlgorithm.rsa_pss_rsae_sha512,
            RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512);

    private Algorithms() {
    }

    /** {@link #ACCEPTED_SIGNATURES} that the crypto provider can verify, as Bouncy Castle wants them. */
    static Vector<SignatureAndHashAlgorithm> acceptedSignatures(TlsCrypto crypto) {
        Vector<SignatureAndHashAlgorithm> out = new Vector<>();
        for (SignatureAndHashAlgorithm s : ACCEPTED_SIGNATURES) {
            TlsUtils.addIfSupported(out, crypto, s);
        }
        return out;
    }

    /** {@link #GROUPS} the crypto provider supports. */
    static Vector<Integer> supportedGroups(TlsCrypto crypto) {
        Vector<Integer> out = new Vector<>();
        TlsUtils.addIfSupported(out, crypto, GROUPS);
        return out;
    }

    static boolean isOurGroup(int namedGroup) {
        for (int g : GROUPS) {
            if (g == namedGroup) {
                return true;
            }
        }
        return false;
    }

    /** The protocol versions between min and max, newest first (Bouncy Castle's convention). */
    static ProtocolVersion[] versions(TlsVersion min, TlsVersion max) {
        return max.protocolVersion().downTo(min.protocolVersion());
    }

    /**
     * The suites to offer or accept between these versions; with {@code serverKey} set (a
     * server), only TLS 1.2 suites that key can authenticate.
     */
    static int[] cipherSuites(TlsCrypto crypto, TlsVersion min, TlsVersion max, KeyType serverKey) {
        List<Integer> codes = new ArrayList<>();
        for (TlsCipherSuite s : TlsCipherSuite.values()) {
            if (s.version().compareTo(min) < 0 || s.version().compareTo(max) > 0) {
                continue;
            }
            if (serverKey != null && s.serverKey() != null
                    && (s.serverKey() == TlsCipherSuite.ServerKey.RSA) != serverKey.isRsa()) {
                continue;
            }
            codes.add(s.code());
        }
        return TlsUtils.getSupportedCipherSuites(crypto, codes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The scheme to sign with, for a key of this type, from what the peer offered; null when
     * nothing fits. TLS 1.3 binds ECDSA to the key's curve and forbids PKCS#1 v1.5.
     */
    static SignatureAndHashAlgorithm signatureFor(KeyType key, boolean tls13, List<?> offered) {
        if (offered == null) {
            return null;
        }
        for (SignatureAndHashAlgorithm candidate : preferences(key, tls13)) {
            if (offered.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<SignatureAndHashAlgorithm> preferences(KeyType key, boolean tls13) {
        switch (key) {
            case RSA:
                return tls13
                        ? List.of(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
                                SignatureAndHashAlgorithm.rsa_pss_rsae_sha384, SignatureAndHashAlgorithm.rsa_pss_rsae_sha512)
                        : List.of(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
                                SignatureAndHashAlgorithm.rsa_pss_rsae_sha384, SignatureAndHashAlgorithm.rsa_pss_rsae_sha512,
                                RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512);
            case EC_P256:
                return tls13 ? List.of(ECDSA_SHA256) : List.of(ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512);
            case EC_P384:
                return tls13 ? List.of(ECDSA_SHA384) : List.of(ECDSA_SHA384, ECDSA_SHA256, ECDSA_SHA512);
            case EC_P521:
                return tls13 ? List.of(ECDSA_SHA512) : List.of(ECDSA_SHA512, ECDSA_SHA384, ECDSA_SHA256);
            case ED25519:
                return List.of(SignatureAndHashAlgorithm.ed25519);
            case ED448:
                return List.of(SignatureAndHashAlgorithm.ed448);
            default:
                throw new AssertionError(key);
        }
    }
}
