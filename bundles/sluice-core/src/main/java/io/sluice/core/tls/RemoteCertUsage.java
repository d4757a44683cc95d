package io.sluice.core.tls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.sluice.api.cert.PeerRole;

/**
 * Key-usage and extended-key-usage requirements on the peer's own certificate:
 * {@code remote-cert-tls}, or its long forms {@code remote-cert-ku} and {@code remote-cert-eku}.
 *
 * <p>Checked the way OpenVPN 2.6 checks them, on the peer's certificate only (depth 0):
 * <ul>
 *   <li>{@code keyUsage} empty: no key-usage check. Present but an empty list: the key-usage
 *       extension must exist (what {@code remote-cert-tls} asks; its bits are the TLS
 *       library's business). Present with values: the certificate's usage, as OpenVPN encodes
 *       it ({@code digitalSignature} = {@code 0x80}, {@code keyEncipherment} = {@code 0x20},
 *       {@code keyAgreement} = {@code 0x08} ...), must contain all bits of at least one value.</li>
 *   <li>{@code extendedKeyUsage}: one extended key usage must equal it, compared with OpenSSL's
 *       long name ({@code TLS Web Server Authentication}) or the dotted OID.</li>
 * </ul>
 */
public record RemoteCertUsage(Optional<List<Integer>> keyUsage, Optional<String> extendedKeyUsage) {

    /** OpenSSL's long name of id-kp-serverAuth, what {@code remote-cert-tls server} requires. */
    public static final String SERVER_AUTH = "TLS Web Server Authentication";
    /** OpenSSL's long name of id-kp-clientAuth, what {@code remote-cert-tls client} requires. */
    public static final String CLIENT_AUTH = "TLS Web Client Authentication";

    /** No requirement at all. */
    public static final RemoteCertUsage NONE = new RemoteCertUsage(Optional.empty(), Optional.empty());

    public RemoteCertUsage {
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(extendedKeyUsage, "extendedKeyUsage");
        keyUsage = keyUsage.map(List::copyOf);
        keyUsage.ifPresent(list -> list.forEach(ku -> {
            if (ku <= 0 || ku > 0xffff) {
                throw new IllegalArgumentException("remote-cert-ku: value out of range: " + Integer.toHexString(ku));
            }
        }));
        extendedKeyUsage.ifPresent(eku -> {
            if (eku.isBlank()) {
                throw new IllegalArgumentException("remote-cert-eku: empty");
            }
        });
    }

    /**
     * {@code remote-cert-tls client} or {@code remote-cert-tls server}: the key-usage extension
     * must be present and the extended key usage must be client or server authentication.
     */
    public static RemoteCertUsage remoteCertTls(PeerRole expectedPeer) {
        return new RemoteCertUsage(Optional.of(List.of()),
                Optional.of(expectedPeer == PeerRole.SERVER ? SERVER_AUTH : CLIENT_AUTH));
    }

    /** Whether any check is configured. */
    public boolean isEmpty() {
        return keyUsage.isEmpty() && extendedKeyUsage.isEmpty();
    }
}
