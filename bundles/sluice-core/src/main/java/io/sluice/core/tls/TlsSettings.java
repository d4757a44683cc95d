package io.sluice.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one tunnel instance configures about its control-channel TLS, immutable and
 * already loaded (see {@link PemCertificates} and {@link PemPrivateKeys} for the files).
 *
 * @param instance            the tunnel instance, passed on to {@link io.sluice.api.cert.CertificateChecker}s
 * @param trustAnchors        {@code ca}: the certificates a peer's chain must lead to; may be empty
 *                            only with {@code peer-fingerprint} (or a server with
 *                            {@code verify-client-cert none})
 * @param certificateChain    {@code cert} followed by {@code extra-certs}: sent to the peer as is;
 *                            empty for a client without a certificate
 * @param privateKey          {@code key}: present exactly when {@code certificateChain} is not empty,
 *                            and it must match the first certificate
 * @param minVersion          {@code tls-version-min} (OpenVPN 2.6's default: 1.2)
 * @param maxVersion          {@code tls-version-max} (default: 1.3)
 * @param clientCertificates  {@code verify-client-cert} (servers only; default {@code require})
 * @param remoteCertUsage     {@code remote-cert-tls} / {@code remote-cert-ku} / {@code remote-cert-eku}
 * @param peerFingerprints    {@code peer-fingerprint}: SHA-256 fingerprints one of which the peer's
 *                            certificate must have. Without {@code ca}, a peer (typically
 *                            self-signed) is accepted on its fingerprint alone, as OpenVPN 2.6 does
 * @param verifyX509Name      {@code verify-x509-name}
 * @param checkers            further checks (CRL, OCSP, site policy) run after the chain is verified;
 *                            each must accept
 */
public record TlsSettings(
        String instance,
        List<X509Certificate> trustAnchors,
        List<X509Certificate> certificateChain,
        Optional<PrivateKey> privateKey,
        TlsVersion minVersion,
        TlsVersion maxVersion,
        ClientCertificateMode clientCertificates,
        RemoteCertUsage remoteCertUsage,
        List<CertificateFingerprint> peerFingerprints,
        Optional<VerifyX509Name> verifyX509Name,
        List<NamedCertificateChecker> checkers) {

    public TlsSettings {
        Objects.requireNonNull(instance, "instance");
        trustAnchors = List.copyOf(trustAnchors);
        certificateChain = List.copyOf(certificateChain);
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(minVersion, "minVersion");
        Objects.requireNonNull(maxVersion, "maxVersion");
        Objects.requireNonNull(clientCertificates, "clientCertificates");
        Objects.requireNonNull(remoteCertUsage, "remoteCertUsage");
        peerFingerprints = List.copyOf(peerFingerprints);
        Objects.requireNonNull(verifyX509Name, "verifyX509Name");
        checkers = List.copyOf(checkers);

        if (minVersion.compareTo(maxVersion) > 0) {
            throw new IllegalArgumentException("tls-version-min " + minVersion.optionValue()
                    + " is above tls-version-max " + maxVersion.optionValue());
        }
        if (certificateChain.isEmpty() != privateKey.isEmpty()) {
            throw new IllegalArgumentException(certificateChain.isEmpty()
                    ? "a private key (key) needs its certificate (cert)"
                    : "the certificate (cert) needs its private key (key)");
        }
        if (!certificateChain.isEmpty()) {
            X509Certificate leaf = certificateChain.get(0);
            KeyType.of(leaf).requireMatch(leaf, privateKey.get());
        }
    }

    /** A builder starting from OpenVPN 2.6's defaults. */
    public static Builder builder(String instance) {
        return new Builder(instance);
    }

    /** A builder initialised with these settings, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(instance);
        b.trustAnchors.addAll(trustAnchors);
        b.certificateChain.addAll(certificateChain);
        b.privateKey = privateKey.orElse(null);
        b.minVersion = minVersion;
        b.maxVersion = maxVersion;
        b.clientCertificates = clientCertificates;
        b.remoteCertUsage = remoteCertUsage;
        b.peerFingerprints.addAll(peerFingerprints);
        b.verifyX509Name = verifyX509Name.orElse(null);
        b.checkers.addAll(checkers);
        return b;
    }

    /** The local certificate, if any. */
    Optional<X509Certificate> ownCertificate() {
        return certificateChain.isEmpty() ? Optional.empty() : Optional.of(certificateChain.get(0));
    }

    /** Mutable assembly of {@link TlsSettings}; not thread-safe. */
    public static final class Builder {
        private final String instance;
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private final List<X509Certificate> certificateChain = new ArrayList<>();
        private PrivateKey privateKey;
        private TlsVersion minVersion = TlsVersion.TLS_1_2;
        private TlsVersion maxVersion = TlsVersion.TLS_1_3;
        private ClientCertificateMode clientCertificates = ClientCertificateMode.REQUIRE;
        private RemoteCertUsage remoteCertUsage = RemoteCertUsage.NONE;
        private final List<CertificateFingerprint> peerFingerprints = new ArrayList<>();
        private VerifyX509Name verifyX509Name;
        private final List<NamedCertificateChecker> checkers = new ArrayList<>();

        private Builder(String instance) {
            this.instance = Objects.requireNonNull(instance, "instance");
        }

        /** {@code ca}; replaces earlier anchors. */
        public Builder trustAnchors(List<X509Certificate> anchors) {
            trustAnchors.clear();
            trustAnchors.addAll(anchors);
            return this;
        }

        /** {@code cert} (first) and {@code extra-certs}, with {@code key}. */
        public Builder credentials(List<X509Certificate> chain, PrivateKey key) {
            certificateChain.clear();
            certificateChain.addAll(chain);
            privateKey = key;
            return this;
        }

        /** Removes {@code cert} and {@code key} (a client that authenticates otherwise). */
        public Builder noCredentials() {
            certificateChain.clear();
            privateKey = null;
            return this;
        }

        public Builder minVersion(TlsVersion v) {
            minVersion = Objects.requireNonNull(v);
            return this;
        }

        public Builder maxVersion(TlsVersion v) {
            maxVersion = Objects.requireNonNull(v);
            return this;
        }

        public Builder clientCertificates(ClientCertificateMode mode) {
            clientCertificates = Objects.requireNonNull(mode);
            return this;
        }

        public Builder remoteCertUsage(RemoteCertUsage usage) {
            remoteCertUsage = Objects.requireNonNull(usage);
            return this;
        }

        /** {@code peer-fingerprint}; replaces earlier fingerprints. */
        public Builder peerFingerprints(List<CertificateFingerprint> fingerprints) {
            peerFingerprints.clear();
            peerFingerprints.addAll(fingerprints);
            return this;
        }

        public Builder verifyX509Name(VerifyX509Name name) {
            verifyX509Name = name;
            return this;
        }

        public Builder addChecker(NamedCertificateChecker checker) {
            checkers.add(Objects.requireNonNull(checker));
            return this;
        }

        public TlsSettings build() {
            return new TlsSettings(instance, trustAnchors, certificateChain, Optional.ofNullable(privateKey),
                    minVersion, maxVersion, clientCertificates, remoteCertUsage, peerFingerprints,
                    Optional.ofNullable(verifyX509Name), checkers);
        }
    }
}
