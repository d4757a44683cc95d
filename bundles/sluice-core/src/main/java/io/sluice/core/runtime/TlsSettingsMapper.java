package io.sluice.core.runtime;

import io.sluice.api.cert.PeerRole;
import io.sluice.config.ConfigException;
import io.sluice.config.ControlChannel;
import io.sluice.config.FileOrInline;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Pki;
import io.sluice.core.tls.CertificateFingerprint;
import io.sluice.core.tls.ClientCertificateMode;
import io.sluice.core.tls.PemCertificates;
import io.sluice.core.tls.PemException;
import io.sluice.core.tls.PemPrivateKeys;
import io.sluice.core.tls.RemoteCertUsage;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.tls.TlsVersion;
import io.sluice.core.tls.VerifyX509Name;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TLS settings a configuration asks for: {@code ca}, {@code cert}, {@code extra-certs},
 * {@code key}, {@code tls-version-min/max}, {@code remote-cert-tls}, {@code verify-x509-name},
 * {@code peer-fingerprint}, {@code verify-client-cert}. Every problem is a one-line
 * configuration error naming the option.
 */
final class TlsSettingsMapper {

    private TlsSettingsMapper() {
    }

    static TlsSettings map(OpenVpnConfig config, String instance, boolean server) throws ConfigException {
        Pki pki = config.pki();
        ControlChannel cc = config.controlChannel();
        TlsSettings.Builder b = TlsSettings.builder(instance);
        if (pki.ca().isPresent()) {
            b.trustAnchors(certificates(config, "ca", pki.ca().get()));
        } else if (cc.peerFingerprints().isEmpty()) {
            throw ConfigException.forOption(modeLine(config).location(), server ? "server" : "client",
                    "needs 'ca' (or 'peer-fingerprint') to verify its peer");
        }
        if (pki.cert().isPresent() != pki.key().isPresent()) {
            OptionLine line = config.last(pki.cert().isPresent() ? "cert" : "key").orElseThrow();
            throw ConfigException.at(line, "'cert' and 'key' go together");
        }
        if (pki.cert().isPresent()) {
            List<X509Certificate> chain = new ArrayList<>(certificates(config, "cert", pki.cert().get()));
            if (pki.extraCerts().isPresent()) {
                chain.addAll(certificates(config, "extra-certs", pki.extraCerts().get()));
            }
            b.credentials(chain, privateKey(config, pki.key().get()));
        } else if (server) {
            throw ConfigException.forOption(modeLine(config).location(), "server", "needs 'cert' and 'key'");
        } else {
            b.noCredentials();
        }
        try {
            cc.tlsVersionMin().ifPresent(v -> b.minVersion(TlsVersion.forTlsVersionMin(v, cc.tlsVersionMinOrHighest())));
            cc.tlsVersionMax().ifPresent(v -> b.maxVersion(TlsVersion.forTlsVersionMax(v)));
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(config.last("tls-version-min").or(() -> config.last("tls-version-max")).orElseThrow(),
                    e.getMessage());
        }
        cc.remoteCertTls().ifPresent(v -> b.remoteCertUsage(RemoteCertUsage.remoteCertTls(
                v.equals("client") ? PeerRole.CLIENT : PeerRole.SERVER)));
        if (cc.verifyX509Name().isPresent()) {
            try {
                b.verifyX509Name(VerifyX509Name.forOption(cc.verifyX509Name().get(), cc.verifyX509Type()));
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(config.last("verify-x509-name").orElseThrow(), e.getMessage());
            }
        }
        if (!cc.peerFingerprints().isEmpty()) {
            List<CertificateFingerprint> fingerprints = new ArrayList<>();
            for (String f : cc.peerFingerprints()) {
                try {
                    fingerprints.add(CertificateFingerprint.parse(f));
                } catch (IllegalArgumentException e) {
                    throw ConfigException.at(config.last("peer-fingerprint").orElseThrow(), e.getMessage());
                }
            }
            b.peerFingerprints(fingerprints);
        }
        Optional<OptionLine> verifyClient = config.last("verify-client-cert");
        if (verifyClient.isPresent()) {
            try {
                b.clientCertificates(ClientCertificateMode.forOption(verifyClient.get().arg(0).orElse("require")));
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(verifyClient.get(), e.getMessage());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(config.last("cert").or(() -> config.last("ca")).orElse(modeLine(config)),
                    e.getMessage());
        }
    }

    private static OptionLine modeLine(OpenVpnConfig config) {
        return config.last("server").or(() -> config.last("mode")).or(() -> config.last("tls-server"))
                .or(() -> config.last("client")).or(() -> config.last("tls-client"))
                .orElse(config.lines().get(0));
    }

    private static List<X509Certificate> certificates(OpenVpnConfig config, String option, FileOrInline source)
            throws ConfigException {
        OptionLine line = config.last(option).orElseThrow();
        try {
            List<X509Certificate> certs = PemCertificates.parse(describe(source), source.read());
            if (certs.isEmpty()) {
                throw ConfigException.at(line, "no certificate in " + describe(source));
            }
            return certs;
        } catch (PemException | IOException e) {
            throw ConfigException.at(line, oneLine(e.getMessage()));
        }
    }

    private static PrivateKey privateKey(OpenVpnConfig config, FileOrInline source) throws ConfigException {
        OptionLine line = config.last("key").orElseThrow();
        try {
            return PemPrivateKeys.parse(describe(source), source.read(), null);
        } catch (PemException | IOException e) {
            throw ConfigException.at(line, oneLine(e.getMessage()));
        }
    }

    private static String describe(FileOrInline source) {
        return source.path().map(Object::toString).orElse("[inline]");
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replace('\n', ' ').trim();
    }
}
