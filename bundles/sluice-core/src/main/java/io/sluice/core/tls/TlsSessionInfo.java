package io.sluice.core.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finished handshake negotiated, for the session layer and its log.
 *
 * @param version          the negotiated protocol version
 * @param cipherSuite      the negotiated suite
 * @param peerChain        the peer's certificate first, then its issuers (up to the trust anchor
 *                         when it was verified against {@code ca}); empty if the peer sent none
 *                         (a client under {@code verify-client-cert optional|none})
 * @param verificationLog  OpenVPN-style lines of the peer verification ({@code VERIFY OK: depth=1,
 *                         ...}, {@code VERIFY KU OK}, {@code VERIFY EKU OK} ...)
 */
public record TlsSessionInfo(TlsVersion version, TlsCipherSuite cipherSuite, List<X509Certificate> peerChain,
        List<String> verificationLog) {

    public TlsSessionInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        peerChain = List.copyOf(peerChain);
        verificationLog = List.copyOf(verificationLog);
    }

    /** The peer's own certificate, if it sent one. */
    public Optional<X509Certificate> peerCertificate() {
        return peerChain.isEmpty() ? Optional.empty() : Optional.of(peerChain.get(0));
    }

    /**
     * The peer's common name as OpenVPN uses it for {@code common_name} (last CN of the
     * subject, non-printable characters replaced), or empty without a certificate.
     */
    public Optional<String> peerCommonName() {
        return peerCertificate().map(c -> X509Names.remap(X509Names.commonName(c)));
    }

    /** The peer's subject as OpenVPN prints it ({@code O=Example, CN=alice}). */
    public Optional<String> peerSubject() {
        return peerCertificate().map(c -> X509Names.remap(X509Names.subject(c)));
    }

    /**
     * OpenVPN's summary line, such as {@code Control Channel: TLSv1.3, cipher TLSv1.3
     * TLS_AES_256_GCM_SHA384, peer certificate: 256 bits ECprime256v1, signature: ecdsa-with-SHA256}.
     */
    public String controlChannelLine() {
        StringBuilder line = new StringBuilder("Control Channel: ")
                .append(version.openSslName()).append(", cipher ")
                .append(cipherSuite.version().openSslName()).append(' ').append(cipherSuite.openSslName());
        peerCertificate().ifPresent(c -> line.append(", peer certificate: ").append(CertificateDescriptions.describe(c)));
        return line.toString();
    }
}
