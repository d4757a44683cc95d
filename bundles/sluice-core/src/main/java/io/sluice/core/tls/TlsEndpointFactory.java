package io.sluice.core.tls;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Makes the {@link TlsEndpoint}s of one tunnel instance and role, one per key state.
 *
 * <p>The settings are checked for the role once, here, so that configuration mistakes surface
 * at start-up ({@link IllegalArgumentException} with the option to fix) and
 * {@link #newEndpoint()} never fails for them. Thread-safe: endpoints for different sessions
 * may be created on different threads.
 *
 * <p>Crypto runs on Bouncy Castle's lightweight API ({@link BcTlsCrypto}): the same algorithms
 * on every JRE (RSA-PSS and EdDSA included), and no JCA provider to install.
 */
public final class TlsEndpointFactory {

    private final TlsRole role;
    private final TlsSettings settings;
    private final Clock wallClock;
    private final BcTlsCrypto crypto;
    private final LocalCredentials credentials;

    private TlsEndpointFactory(TlsRole role, TlsSettings settings, Clock wallClock, SecureRandom random) {
        this.role = role;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.crypto = new ControlChannelCrypto(Objects.requireNonNull(random, "random"));
        this.credentials = settings.privateKey().isPresent()
                ? new LocalCredentials(settings.certificateChain(), settings.privateKey().get())
                : null;
    }

    /**
     * Endpoints for a server.
     *
     * @param wallClock the time certificates are checked against
     * @throws IllegalArgumentException without {@code cert}/{@code key}, or without {@code ca}
     *                                  or {@code peer-fingerprint} while clients must be verified
     */
    public static TlsEndpointFactory server(TlsSettings settings, Clock wallClock, SecureRandom random) {
        if (settings.privateKey().isEmpty()) {
            throw new IllegalArgumentException("a TLS server needs its certificate and key (cert, key)");
        }
        if (settings.clientCertificates() != ClientCertificateMode.NONE) {
            requireTrust(settings);
        }
        return new TlsEndpointFactory(TlsRole.SERVER, settings, wallClock, random);
    }

    /**
     * Endpoints for a client; {@code cert}/{@code key} are optional (a server may not ask).
     *
     * @throws IllegalArgumentException without {@code ca} or {@code peer-fingerprint}
     */
    public static TlsEndpointFactory client(TlsSettings settings, Clock wallClock, SecureRandom random) {
        requireTrust(settings);
        return new TlsEndpointFactory(TlsRole.CLIENT, settings, wallClock, random);
    }

    private static void requireTrust(TlsSettings settings) {
        if (settings.trustAnchors().isEmpty() && settings.peerFingerprints().isEmpty()) {
            throw new IllegalArgumentException(
                    "the peer cannot be verified: define the CA (ca) or the peer's fingerprint (peer-fingerprint)");
        }
    }

    public TlsRole role() {
        return role;
    }

    public TlsSettings settings() {
        return settings;
    }

    /**
     * A fresh endpoint for one key state. A client's ClientHello is ready in
     * {@link TlsEndpoint#takeOutput()} right away; a server waits for input.
     */
    public TlsEndpoint newEndpoint() {
        return role == TlsRole.SERVER
                ? TlsEndpoint.server(settings, crypto, credentials, wallClock)
                : TlsEndpoint.client(settings, crypto, credentials, wallClock);
    }
}
