package io.sluice.core.runtime;

import io.sluice.api.cert.PeerRole;
import io.sluice.config.ConfigException;
import io.sluice.config.ControlChannel;
import io.sluice.config.FileOrInline;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Pki;
import io.sluice.core.engine.Prompt;
import io.sluice.core.tls.CertificateFingerprint;
import io.sluice.core.tls.ClientCertificateMode;
import io.sluice.core.tls.PemCertificates;
import io.sluice.core.tls.PemException;
import io.sluice.core.tls.PemPrivateKeys;
import io.sluice.core.tls.Pkcs12File;
import io.sluice.core.tls.RemoteCertUsage;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.tls.TlsVersion;
import io.sluice.core.tls.VerifyX509Name;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The TLS settings a configuration asks for: {@code ca}, {@code cert}, {@code extra-certs},
 * {@code key}, {@code pkcs12}, {@code askpass}, {@code tls-version-min/max},
 * {@code remote-cert-tls}, {@code verify-x509-name}, {@code peer-fingerprint},
 * {@code verify-client-cert}. Every problem is a one-line configuration error naming the option.
 *
 * <p>Passwords as OpenVPN 2.6 gets them: an encrypted {@code key}, or a {@code pkcs12} file that
 * does not open with the empty password, takes its password from the first line of the
 * {@code askpass} file, or else asks on the terminal ("Enter Private Key Password:"), with or
 * without {@code askpass}. Sluice asks only when a password is needed (OpenVPN asks at start
 * whenever {@code askpass} is given without a file).
 *
 * <p>{@code pkcs12} and {@code ca} combine as in OpenVPN's {@code tls_ctx_load_pkcs12}: without
 * {@code ca}, the CA certificates in the PKCS#12 file are the trust anchors (and intermediate
 * ones are sent with our certificate); with {@code ca}, they are not trusted but all sent as
 * extra chain certificates, after our own.
 */
final class TlsSettingsMapper {

    private TlsSettingsMapper() {
    }

    /** OpenVPN's prompt for the password of {@code key} or {@code pkcs12}. */
    static final String PASSWORD_PROMPT = "Enter Private Key Password:";

    /**
     * @param prompt asks for the password of an encrypted key when {@code askpass} names no file
     */
    static TlsSettings map(OpenVpnConfig config, String instance, boolean server, Prompt prompt)
            throws ConfigException {
        Pki pki = config.pki();
        ControlChannel cc = config.controlChannel();
        TlsSettings.Builder b = TlsSettings.builder(instance);
        KeyPassword password = new KeyPassword(config, prompt);
        Optional<Pkcs12File.Contents> p12 = Optional.empty();
        if (pki.pkcs12().isPresent()) {
            p12 = Optional.of(pkcs12(config, pki.pkcs12().get(), password));
        }
        if (pki.ca().isPresent()) {
            b.trustAnchors(certificates(config, "ca", pki.ca().get()));
        } else if (p12.isPresent() && !p12.get().caCertificates().isEmpty()) {
            b.trustAnchors(p12.get().caCertificates());
        } else if (cc.peerFingerprints().isEmpty()) {
            throw ConfigException.forOption(modeLine(config).location(), server ? "server" : "client",
                    p12.isPresent() ? "needs 'ca' (or 'peer-fingerprint') to verify its peer: its 'pkcs12' file"
                            + " holds no CA certificate" : "needs 'ca' (or 'peer-fingerprint') to verify its peer");
        }
        if (p12.isEmpty() && pki.cert().isPresent() != pki.key().isPresent()) {
            OptionLine line = config.last(pki.cert().isPresent() ? "cert" : "key").orElseThrow();
            throw ConfigException.at(line, "'cert' and 'key' go together");
        }
        if (p12.isPresent()) {
            Pkcs12File.Contents contents = p12.get();
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(contents.certificate());
            chain.addAll(pki.ca().isPresent() ? contents.caCertificates()
                    : issuingPath(contents.certificate(), contents.caCertificates()));
            if (pki.extraCerts().isPresent()) {
                chain.addAll(certificates(config, "extra-certs", pki.extraCerts().get()));
            }
            b.credentials(chain, contents.privateKey());
        } else if (pki.cert().isPresent()) {
            List<X509Certificate> chain = new ArrayList<>(certificates(config, "cert", pki.cert().get()));
            if (pki.extraCerts().isPresent()) {
                chain.addAll(certificates(config, "extra-certs", pki.extraCerts().get()));
            }
            b.credentials(chain, privateKey(config, pki.key().get(), password));
        } else if (server) {
            throw ConfigException.forOption(modeLine(config).location(), "server",
                    "needs 'cert' and 'key' (or 'pkcs12')");
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
            throw ConfigException.at(config.last("cert").or(() -> config.last("pkcs12")).or(() -> config.last("ca"))
                    .orElse(modeLine(config)), e.getMessage());
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

    private static PrivateKey privateKey(OpenVpnConfig config, FileOrInline source, KeyPassword password)
            throws ConfigException {
        OptionLine line = config.last("key").orElseThrow();
        String text;
        try {
            text = source.read();
        } catch (IOException e) {
            throw ConfigException.at(line, oneLine(describe(source) + ": cannot read: " + e));
        }
        if (!PemPrivateKeys.isEncrypted(text)) {
            try {
                return PemPrivateKeys.parse(describe(source), text, null);
            } catch (PemException e) {
                throw ConfigException.at(line, oneLine(e.getMessage()));
            }
        }
        char[] passphrase = password.get(line).toCharArray();
        try {
            return PemPrivateKeys.parse(describe(source), text, passphrase);
        } catch (PemException e) {
            throw ConfigException.at(line, oneLine(e.getMessage()) + "; " + password.origin());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * {@code pkcs12}: a DER file, or base64 in a {@code <pkcs12>} block; opened with the empty
     * password first, as OpenVPN does, and only then with the user's.
     */
    private static Pkcs12File.Contents pkcs12(OpenVpnConfig config, FileOrInline source, KeyPassword password)
            throws ConfigException {
        OptionLine line = config.last("pkcs12").orElseThrow();
        Pkcs12File file;
        Optional<Pkcs12File.Contents> open;
        try {
            file = switch (source.kind()) {
                case INLINE -> Pkcs12File.parseBase64(describe(source), source.inlineText().orElseThrow());
                case FILE -> Pkcs12File.read(source.path().orElseThrow());
                case CONSOLE -> throw ConfigException.at(line, "needs a file or a <pkcs12> block");
            };
            open = file.openWithoutPassword();
        } catch (PemException e) {
            throw ConfigException.at(line, oneLine(e.getMessage()));
        }
        if (open.isPresent()) {
            return open.get();
        }
        String secret = password.get(line);
        try {
            return file.open(secret);
        } catch (PemException e) {
            throw ConfigException.at(line, oneLine(e.getMessage()) + "; " + password.origin());
        }
    }

    /**
     * The certificates between {@code leaf} and a self-signed root, in order, taken from
     * {@code cas}: what OpenSSL would send from its store with our certificate.
     */
    private static List<X509Certificate> issuingPath(X509Certificate leaf, List<X509Certificate> cas) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = leaf;
        while (true) {
            X509Certificate next = null;
            for (X509Certificate c : cas) {
                if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && !path.contains(c)
                        && !c.equals(current)) {
                    next = c;
                    break;
                }
            }
            if (next == null || next.getSubjectX500Principal().equals(next.getIssuerX500Principal())) {
                return path;
            }
            path.add(next);
            current = next;
        }
    }

    /**
     * The password of the private key, got once when first needed: from the first line of the
     * {@code askpass} file, or asked on the terminal (without {@code askpass}, or
     * {@code askpass} without a file or with {@code stdin}), as OpenVPN's
     * {@code pem_password_setup} gets it.
     */
    private static final class KeyPassword {
        private final Prompt prompt;
        private final Optional<OptionLine> askpass;
        private final Optional<Path> file;
        private String value;

        KeyPassword(OpenVpnConfig config, Prompt prompt) {
            this.prompt = prompt;
            this.askpass = config.last("askpass");
            this.file = askpass.flatMap(l -> l.arg(0)).filter(a -> !a.equals("stdin"))
                    .map(a -> resolve(config.workingDirectory(), a));
        }

        private static Path resolve(Path cwd, String arg) {
            try {
                return cwd.resolve(arg).normalize();
            } catch (InvalidPathException e) {
                return null;
            }
        }

        /** The password, for the option on {@code line} that needs it. */
        String get(OptionLine line) throws ConfigException {
            if (value != null) {
                return value;
            }
            if (askpass.isPresent() && askpass.get().arg(0).filter(a -> !a.equals("stdin")).isPresent()) {
                OptionLine where = askpass.get();
                if (file.isEmpty()) {
                    throw ConfigException.at(where, "invalid file name '" + where.arg(0).orElse("") + "'");
                }
                String text;
                try {
                    text = new String(Files.readAllBytes(file.get()), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw ConfigException.at(where, "cannot read the Private Key password from '" + file.get()
                            + "': " + oneLine(String.valueOf(e.getMessage())));
                }
                int end = text.indexOf('\n');
                String first = end < 0 ? text : text.substring(0, end);
                first = first.replaceAll("[\r\n]+$", "");
                if (first.isEmpty()) {
                    throw ConfigException.at(where, "no password on the first line of '" + file.get() + "'");
                }
                value = first;
                return value;
            }
            Optional<String> answer = prompt.ask(PASSWORD_PROMPT, false);
            if (answer.isEmpty()) {
                throw askpass.isPresent()
                        ? ConfigException.at(askpass.get(), "could not read the Private Key password from the terminal"
                                + " (there is none; give the password in a file: askpass FILE)")
                        : ConfigException.at(line, "the private key is encrypted and there is no terminal to ask"
                                + " for its password (give it in a file: askpass FILE)");
            }
            value = answer.get();
            return value;
        }

        /** Where the password came from, for the message when it is wrong. */
        String origin() {
            return file.map(f -> "the password was read from 'askpass " + f + "'")
                    .orElse("the password was entered on the terminal");
        }
    }

    private static String describe(FileOrInline source) {
        return source.path().map(Object::toString).orElse("[inline]");
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replace('\n', ' ').trim();
    }
}
