/**
 * The control channel's TLS: OpenVPN-compatible TLS 1.2/1.3 sessions over Bouncy Castle's
 * non-blocking TLS API, with OpenVPN's certificate rules.
 *
 * <p>Contents:
 * <ul>
 *   <li>{@link io.sluice.core.tls.TlsEndpoint}: one TLS session (one per key state) as bytes in,
 *       bytes out; made by a {@link io.sluice.core.tls.TlsEndpointFactory} per instance and
 *       role. Handshake outcome in {@link io.sluice.core.tls.TlsSessionInfo} (version, suite,
 *       peer chain, OpenVPN's "Control Channel:" line), failures as
 *       {@link io.sluice.core.tls.TlsFailure} values, RFC 5705 export for
 *       {@code key-derivation tls-ekm}.</li>
 *   <li>{@link io.sluice.core.tls.TlsSettings}: the immutable TLS configuration ({@code ca},
 *       {@code cert}, {@code extra-certs}, {@code key}, {@code tls-version-min/max},
 *       {@code verify-client-cert}, {@code remote-cert-tls/ku/eku}, {@code peer-fingerprint},
 *       {@code verify-x509-name}, {@link io.sluice.api.cert.CertificateChecker} services), with
 *       {@link io.sluice.core.tls.PemCertificates} and {@link io.sluice.core.tls.PemPrivateKeys}
 *       to load the files and {@link io.sluice.core.tls.DhOption} for the obsolete {@code dh}.</li>
 *   <li>Package-private: peer verification ({@code PeerVerifier}, {@code ChainVerifier},
 *       {@code UsageChecks}, {@code X509Names}) reproducing OpenSSL's and OpenVPN's checks and
 *       their log wording, and the Bouncy Castle adapters ({@code ServerPeer},
 *       {@code ClientPeer}, {@code LocalCredentials}, {@code Algorithms}, and {@code ExporterSecret},
 *       which keeps RFC 5705 export possible after Bouncy Castle wipes the session secrets).</li>
 * </ul>
 *
 * <p>What is on offer matches OpenSSL 3's defaults, i.e. what OpenVPN 2.6 peers offer:
 * TLS 1.3 with AES-256-GCM, ChaCha20-Poly1305 and AES-128-GCM; TLS 1.2 with ECDHE-ECDSA/RSA
 * and the same AEADs; X25519, P-256, P-384 (and P-521); ECDSA, RSA-PSS, EdDSA signatures.
 *
 * <p>Sources: OpenVPN 2.6 ({@code ssl_openssl.c}, {@code ssl_verify.c},
 * {@code ssl_verify_openssl.c}, {@code doc/man-sections/tls-options.rst}) read for behaviour
 * only; Bouncy Castle's TLS API documentation and sources.
 *
 * <p>Private implementation package of sluice-core: not exported.
 */
package io.sluice.core.tls;
