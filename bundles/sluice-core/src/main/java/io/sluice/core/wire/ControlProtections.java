package io.sluice.core.wire;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import java.security.GeneralSecurityException;

/**
 * The control-channel protections a configuration can choose, by OpenVPN option:
 * {@link #none()} and {@link #tlsAuth}. ({@code tls-crypt} and {@code tls-crypt-v2} are not here yet.)
 */
public final class ControlProtections {

    private ControlProtections() {
    }

    /** No {@code tls-auth}, {@code tls-crypt} or {@code tls-crypt-v2}. */
    public static ControlProtection none() {
        return ControlProtection.none();
    }

    /**
     * {@code tls-auth key [direction]} with {@code auth digest}.
     *
     * @param direction {@link KeyDirection#forStaticKey} of the option's direction or of
     *                  {@code key-direction}; {@link KeyDirection#BIDIRECTIONAL} when neither
     * @param digest    the {@code auth} digest's OpenVPN name; OpenVPN's default is {@code SHA1}
     * @param digests   the provider offering it (for instance {@code CryptoProviders.digest(digest)}),
     *                  null if none does
     * @throws GeneralSecurityException when no provider offers the digest or it cannot be keyed
     */
    public static TlsAuthProtection tlsAuth(Key2 key, KeyDirection direction, String digest, DigestProvider digests,
                                            ControlReplay replay) throws GeneralSecurityException {
        return new TlsAuthProtection(key, direction, digest, digests, replay);
    }
}
