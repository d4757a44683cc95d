package io.sluice.core.session;

import io.sluice.core.reliable.ReliableConfig;
import io.sluice.core.tls.TlsEndpointFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * What a control session needs that does not change while it runs.
 *
 * @param role              server or client
 * @param tls               makes the TLS endpoint of each new key
 * @param reliable          window sizes and retransmission timeouts ({@code tls-timeout})
 * @param tlsMtu            the largest control packet sent ({@code --tls-mtu}, 1250 by default)
 * @param handWindow        how long a new key may take to become active ({@code --hand-window}, 60 s)
 * @param transitionWindow  how long a retired key keeps decrypting ({@code --tran-window}, 3600 s)
 * @param random            randoms, pre-master secrets and session ids
 */
public record SessionSettings(SessionRole role, TlsEndpointFactory tls, ReliableConfig reliable, int tlsMtu,
                              Duration handWindow, Duration transitionWindow, SecureRandom random) {

    /** OpenVPN's {@code --tls-mtu} default (mtu.h {@code TLS_MTU_DEFAULT}). */
    public static final int DEFAULT_TLS_MTU = 1250;
    /** OpenVPN's {@code --hand-window} default. */
    public static final Duration DEFAULT_HAND_WINDOW = Duration.ofSeconds(60);
    /** OpenVPN's {@code --tran-window} default. */
    public static final Duration DEFAULT_TRANSITION_WINDOW = Duration.ofSeconds(3600);

    public SessionSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(reliable, "reliable");
        Objects.requireNonNull(handWindow, "handWindow");
        Objects.requireNonNull(transitionWindow, "transitionWindow");
        Objects.requireNonNull(random, "random");
        if (tlsMtu < 512) {
            throw new IllegalArgumentException("tls-mtu below 512: " + tlsMtu);
        }
    }

    /** OpenVPN's defaults for everything but the role and the TLS factory. */
    public static SessionSettings defaults(SessionRole role, TlsEndpointFactory tls, SecureRandom random) {
        return new SessionSettings(role, tls, ReliableConfig.DEFAULT, DEFAULT_TLS_MTU, DEFAULT_HAND_WINDOW,
                DEFAULT_TRANSITION_WINDOW, random);
    }
}
