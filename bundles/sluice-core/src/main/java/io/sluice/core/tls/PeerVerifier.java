package io.sluice.core.tls;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tls.AlertDescription;

import io.sluice.api.cert.CertificateCheck;
import io.sluice.api.cert.CheckResult;
import io.sluice.api.cert.PeerRole;

/**
 * Decides whether a peer's certificate chain is acceptable under one {@link TlsSettings}, in
 * OpenVPN 2.6's order: chain against {@code ca} (or, without {@code ca}, the
 * {@code peer-fingerprint} alone), the fingerprint, then on the peer's own certificate
 * {@code remote-cert-ku}, {@code remote-cert-eku} and {@code verify-x509-name}, and last the
 * {@link io.sluice.api.cert.CertificateChecker} services.
 *
 * <p>Every step appends the line OpenVPN would log, so the session layer can show the same
 * trail ({@code VERIFY OK: depth=1, ...}, {@code VERIFY KU OK}, {@code VERIFY EKU OK} ...).
 * Never throws for anything about the certificates: a checker's exception is a rejection.
 */
final class PeerVerifier {

    /** Outcome of {@link #verify}. */
    sealed interface Verdict permits Accepted, Rejected {
        List<String> log();
    }

    /**
     * @param chain the peer's certificate first, up to the trust anchor if there is one
     * @param log   OpenVPN-style verification lines
     */
    record Accepted(List<X509Certificate> chain, List<String> log) implements Verdict {
    }

    /**
     * @param failure what went wrong, ready for the log
     * @param alert   the TLS alert to send
     * @param log     the lines logged up to the failure
     */
    record Rejected(TlsFailure failure, short alert, List<String> log) implements Verdict {
    }

    private final TlsSettings settings;
    private final PeerRole peerRole;
    private final Clock clock;
    private final ChainVerifier chains;

    PeerVerifier(TlsSettings settings, PeerRole peerRole, Clock clock) {
        this.settings = settings;
        this.peerRole = peerRole;
        this.clock = clock;
        this.chains = new ChainVerifier(settings.trustAnchors());
    }

    Verdict verify(List<X509Certificate> presented) {
        List<String> log = new ArrayList<>();
        if (presented.isEmpty()) {
            return reject(TlsFailure.Kind.PEER_CERTIFICATE_MISSING,
                    "TLS Error: peer did not return a certificate", AlertDescription.certificate_required, log);
        }
        if (presented.size() > ChainVerifier.MAX_DEPTH) {
            return reject(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, "TLS Error: Convoluted certificate chain detected"
                    + " with depth [" + (presented.size() - 1) + "] greater than " + ChainVerifier.MAX_DEPTH,
                    AlertDescription.bad_certificate, log);
        }
        X509Certificate leaf = presented.get(0);
        List<X509Certificate> chain;
        if (settings.trustAnchors().isEmpty() && !settings.peerFingerprints().isEmpty()) {
            // OpenVPN 2.6 without --ca: the fingerprint is the whole trust decision, chain errors
            // (self-signed, expired ...) are deliberately ignored.
            log.add("Using certificate fingerprint to verify peer (no CA option set)");
            chain = List.copyOf(presented);
        } else {
            ChainVerifier.Result result = chains.verify(presented, peerRole, clock.instant());
            if (result instanceof ChainVerifier.Untrusted u) {
                return reject(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, "VERIFY ERROR: depth=" + u.depth()
                        + ", error=" + u.error() + ": " + X509Names.subject(u.certificate())
                        + ", serial=" + X509Names.serial(u.certificate()), u.alert(), log);
            }
            chain = ((ChainVerifier.Trusted) result).chain();
            for (int depth = chain.size() - 1; depth > 0; depth--) {
                log.add("VERIFY OK: depth=" + depth + ", " + subject(chain.get(depth)));
            }
        }

        if (!settings.peerFingerprints().isEmpty() && !fingerprintMatches(leaf)) {
            return reject(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED,
                    "TLS Error: --tls-verify/--peer-fingerprint certificate hash verification failed."
                            + " (got certificate fingerprint: " + CertificateFingerprint.of(leaf) + ")",
                    AlertDescription.bad_certificate, log);
        }

        String subject = subject(leaf);
        RemoteCertUsage usage = settings.remoteCertUsage();
        if (usage.keyUsage().isPresent()) {
            if (!UsageChecks.keyUsageMatches(leaf, usage.keyUsage().get(), log)) {
                log.add("VERIFY KU ERROR");
                return reject(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, "VERIFY KU ERROR: " + subject
                        + (usage.keyUsage().get().isEmpty() ? " has no key usage extension"
                                : " does not have the required key usage"),
                        AlertDescription.bad_certificate, log);
            }
            log.add("VERIFY KU OK");
        }
        if (usage.extendedKeyUsage().isPresent()) {
            String expected = usage.extendedKeyUsage().get();
            if (!UsageChecks.extendedKeyUsageMatches(leaf, expected, log)) {
                log.add("VERIFY EKU ERROR");
                return reject(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, "VERIFY EKU ERROR: " + subject
                        + " does not have extended key usage " + expected, AlertDescription.bad_certificate, log);
            }
            log.add("VERIFY EKU OK");
        }
        if (settings.verifyX509Name().isPresent()) {
            VerifyX509Name name = settings.verifyX509Name().get();
            if (!name.matches(subject, X509Names.remap(X509Names.commonName(leaf)))) {
                String line = "VERIFY X509NAME ERROR: " + subject + ", must be " + name.value();
                log.add(line);
                return reject(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, line, AlertDescription.bad_certificate, log);
            }
            log.add("VERIFY X509NAME OK: " + subject);
        }

        CertificateCheck check = new CertificateCheck(settings.instance(), peerRole, chain);
        for (NamedCertificateChecker checker : settings.checkers()) {
            String refusal = refusal(checker, check);
            if (refusal != null) {
                return reject(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, "VERIFY ERROR: depth=0, " + checker.name()
                        + " check failed: " + refusal + ": " + subject + ", serial=" + X509Names.serial(leaf),
                        AlertDescription.bad_certificate, log);
            }
            log.add("VERIFY " + checker.name() + " OK: " + subject);
        }
        log.add("VERIFY OK: depth=0, " + subject);
        return new Accepted(chain, List.copyOf(log));
    }

    /** The checker's reason for refusing, or null if it accepts; an exception or null answer refuses. */
    private static String refusal(NamedCertificateChecker checker, CertificateCheck check) {
        CheckResult result;
        try {
            result = checker.checker().check(check);
        } catch (RuntimeException e) {
            return "checker failed: " + e;
        }
        if (result == null) {
            return "checker gave no answer";
        }
        return result.accepted() ? null : result.reason();
    }

    private boolean fingerprintMatches(X509Certificate leaf) {
        byte[] actual;
        try {
            actual = CertificateFingerprint.sha256(leaf.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
        boolean found = false;
        for (CertificateFingerprint expected : settings.peerFingerprints()) {
            found |= expected.matches(actual); // no early exit: constant time over the list
        }
        return found;
    }

    private static String subject(X509Certificate cert) {
        return X509Names.remap(X509Names.subject(cert));
    }

    private static Rejected reject(TlsFailure.Kind kind, String message, short alert, List<String> log) {
        return new Rejected(new TlsFailure(kind, message), alert, List.copyOf(log));
    }
}
