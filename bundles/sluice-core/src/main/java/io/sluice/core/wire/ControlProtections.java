package io.sluice.core.wire;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import java.security.GeneralSecurityException;

/**
 * The control-channel protections a configuration can choose, by OpenVPN option:
 * {@link #none()}, {@link #tlsAuth}, {@link #tlsCrypt}, and {@code tls-crypt-v2} on each side
 * ({@link #tlsCryptV2Server}, {@link #tlsCryptV2Client}).
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

    /**
     * {@code tls-crypt key}, the direction following the role.
     *
     * @param server true in a TLS server ({@code tls-server}, {@code server}), false in a client
     * @param limits the limits of the codecs the wrappers go into
     * @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256
     */
    public static TlsCryptProtection tlsCrypt(Key2 key, boolean server, ControlLimits limits, ControlReplay replay)
            throws GeneralSecurityException {
        return new TlsCryptProtection(key, server, limits, replay);
    }

    /**
     * {@code tls-crypt-v2 SERVERKEY [force-cookie]} on a server, with {@code tls-crypt-v2-max-age}
     * (0 for none).
     *
     * @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256
     */
    public static TlsCryptV2ServerProtection tlsCryptV2Server(TlsCryptV2ServerKey key, int maxAgeDays,
                                                              boolean forceCookie, ControlLimits limits,
                                                              ControlReplay replay)
            throws GeneralSecurityException {
        return new TlsCryptV2ServerProtection(key, maxAgeDays, forceCookie, limits, replay);
    }

    /**
     * {@code tls-crypt-v2 CLIENTKEY} on a client.
     *
     * @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256
     */
    public static TlsCryptV2ClientProtection tlsCryptV2Client(TlsCryptV2ClientKey key, ControlLimits limits,
                                                              ControlReplay replay) throws GeneralSecurityException {
        return new TlsCryptV2ClientProtection(key, limits, replay);
    }
}
