package io.sluice.core.tls;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.tls.AlertDescription;

import io.sluice.api.cert.PeerRole;

/**
 * Verifies a peer's certificate chain against the {@code ca} certificates, the way OpenSSL
 * does it for OpenVPN, and names the first problem as OpenSSL would.
 *
 * <p>The chain is built by hand (each certificate's issuer among the presented ones, until an
 * issuer is a trust anchor) so that a failure has a depth and one of OpenSSL's error strings
 * ("unable to get local issuer certificate", "certificate has expired", "unsupported
 * certificate purpose" ...), which operators know from OpenVPN's {@code VERIFY ERROR} lines.
 * OpenSSL's order of checks is kept: chain building, then CA flags and purposes, then
 * validity periods from the top down. The JDK's PKIX validator then runs over the built path
 * as a second opinion for everything else RFC 5280 demands (key usage of CAs, name
 * constraints, critical extensions, algorithm constraints). Revocation is not checked here:
 * CRL and OCSP are {@link io.sluice.api.cert.CertificateChecker} services.
 */
final class ChainVerifier {

    /** OpenVPN's {@code MAX_CERT_DEPTH}: longer chains are refused. */
    static final int MAX_DEPTH = 16;

    /** Outcome of {@link #verify}. */
    sealed interface Result permits Trusted, Untrusted {
    }

    /** The chain leads to a trust anchor: {@code chain} is leaf first, anchor last. */
    record Trusted(List<X509Certificate> chain) implements Result {
    }

    /**
     * The chain does not verify.
     *
     * @param depth       the failing certificate's depth (0 = the peer's own)
     * @param error       OpenSSL's wording of the error
     * @param certificate the failing certificate
     * @param alert       the TLS alert OpenSSL would send for it
     */
    record Untrusted(int depth, String error, X509Certificate certificate, short alert) implements Result {
    }

    private final List<X509Certificate> anchors;

    ChainVerifier(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /**
     * @param presented the certificates the peer sent, its own first
     * @param peerRole  whose chain it is, for the purpose check
     * @param now       the time the chain must be valid at
     */
    Result verify(List<X509Certificate> presented, PeerRole peerRole, Instant now) {
        X509Certificate leaf = presented.get(0);
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        List<X509Certificate> pool = new ArrayList<>(presented.subList(1, presented.size()));
        X509Certificate anchor;
        while (true) {
            X509Certificate current = path.get(path.size() - 1);
            anchor = sameAs(current, anchors);
            if (anchor != null) {
                // The peer sent an anchor itself (a root at the end of its chain, or a
                // self-signed certificate that is also configured as ca): trusted as is.
                if (path.size() > 1) {
                    path.remove(path.size() - 1);
                }
                break;
            }
            anchor = signerOf(current, anchors);
            if (anchor != null) {
                break;
            }
            X509Certificate issuer = signerOf(current, pool);
            if (issuer != null) {
                path.add(issuer);
                pool.remove(issuer);
                if (path.size() > MAX_DEPTH) {
                    return new Untrusted(path.size() - 1, "certificate chain too long", issuer,
                            AlertDescription.bad_certificate);
                }
                continue;
            }
            // No issuer verifies the signature; one with the right name means a forged or
            // corrupted certificate rather than a missing CA.
            boolean nameMatched = hasIssuerNamed(current, anchors) || hasIssuerNamed(current, pool);
            int depth = path.size() - 1;
            if (nameMatched) {
                return new Untrusted(depth, "certificate signature failure", current, AlertDescription.decrypt_error);
            }
            if (isSelfSigned(current)) {
                return new Untrusted(depth, depth == 0 ? "self-signed certificate"
                        : "self-signed certificate in certificate chain", current, AlertDescription.unknown_ca);
            }
            return new Untrusted(depth, "unable to get local issuer certificate", current, AlertDescription.unknown_ca);
        }
        boolean leafIsAnchor = path.size() == 1 && Arrays.equals(encoded(leaf), encoded(anchor));

        // CA flags and purposes, from the peer's certificate up (OpenSSL's check_chain_extensions).
        for (int depth = 0; depth < path.size(); depth++) {
            X509Certificate cert = path.get(depth);
            boolean isCa = depth > 0;
            if (isCa && cert.getBasicConstraints() < 0) {
                return new Untrusted(depth, "invalid CA certificate", cert, AlertDescription.bad_certificate);
            }
            if (isCa && depth - 1 > cert.getBasicConstraints()) {
                return new Untrusted(depth, "path length constraint exceeded", cert, AlertDescription.bad_certificate);
            }
            if (!leafIsAnchor && !UsageChecks.tlsPurposeAllows(cert, peerRole, isCa)) {
                return new Untrusted(depth, "unsupported certificate purpose", cert,
                        AlertDescription.unsupported_certificate);
            }
        }

        // Validity periods, from the anchor down (OpenSSL's internal_verify).
        List<X509Certificate> full = new ArrayList<>(path);
        if (!leafIsAnchor) {
            full.add(anchor);
        }
        Date date = Date.from(now);
        for (int depth = full.size() - 1; depth >= 0; depth--) {
            X509Certificate cert = full.get(depth);
            try {
                cert.checkValidity(date);
            } catch (CertificateExpiredException e) {
                return new Untrusted(depth, "certificate has expired", cert, AlertDescription.certificate_expired);
            } catch (CertificateNotYetValidException e) {
                return new Untrusted(depth, "certificate is not yet valid", cert, AlertDescription.bad_certificate);
            }
        }

        if (!leafIsAnchor) {
            Untrusted pkix = pkixValidate(path, anchor, date);
            if (pkix != null) {
                return pkix;
            }
        }
        return new Trusted(List.copyOf(full));
    }

    /** RFC 5280 path validation by the JDK over the path already built; null if it passes. */
    private static Untrusted pkixValidate(List<X509Certificate> path, X509Certificate anchor, Date date) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            params.setDate(date);
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return null;
        } catch (CertPathValidatorException e) {
            int depth = e.getIndex() >= 0 && e.getIndex() < path.size() ? e.getIndex() : 0;
            return new Untrusted(depth, pkixError(e), path.get(depth), AlertDescription.bad_certificate);
        } catch (CertificateException | InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            return new Untrusted(0, "certificate verification failed: " + e.getMessage(), path.get(0),
                    AlertDescription.internal_error);
        }
    }

    /** OpenSSL's wording for the JDK's reasons, where one exists. */
    private static String pkixError(CertPathValidatorException e) {
        CertPathValidatorException.Reason r = e.getReason();
        if (r == CertPathValidatorException.BasicReason.EXPIRED) {
            return "certificate has expired";
        }
        if (r == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return "certificate is not yet valid";
        }
        if (r == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return "certificate signature failure";
        }
        if (r == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return "certificate algorithm not allowed (" + e.getMessage() + ")";
        }
        if (r == PKIXReason.NOT_CA_CERT) {
            return "invalid CA certificate";
        }
        if (r == PKIXReason.PATH_TOO_LONG) {
            return "path length constraint exceeded";
        }
        if (r == PKIXReason.INVALID_KEY_USAGE) {
            return "key usage does not include certificate signing";
        }
        if (r == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
            return "unhandled critical extension";
        }
        if (r == PKIXReason.INVALID_NAME) {
            return "permitted subtree violation";
        }
        return "certificate verification failed (" + e.getMessage() + ")";
    }

    /** The candidate whose name is the certificate's issuer and whose key verifies its signature. */
    private static X509Certificate signerOf(X509Certificate cert, List<X509Certificate> candidates) {
        for (X509Certificate c : candidates) {
            if (c != cert && c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, c)) {
                return c;
            }
        }
        return null;
    }

    private static boolean hasIssuerNamed(X509Certificate cert, List<X509Certificate> candidates) {
        for (X509Certificate c : candidates) {
            if (c != cert && c.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static X509Certificate sameAs(X509Certificate cert, List<X509Certificate> candidates) {
        byte[] der = encoded(cert);
        for (X509Certificate c : candidates) {
            if (Arrays.equals(der, encoded(c))) {
                return c;
            }
        }
        return null;
    }

    static boolean isSelfSigned(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, cert);
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            return new byte[0];
        }
    }
}
