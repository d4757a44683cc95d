package io.sluice.core.wire;

import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code tls-crypt-v2} and its companions say, keys read: a server has the server key,
 * {@code tls-crypt-v2-max-age} and {@code force-cookie}; a client has its client key.
 *
 * @param serverKey   the server key, on a server
 * @param clientKey   the client key, on a client
 * @param maxAgeDays  {@code tls-crypt-v2-max-age} in days, 0 without
 * @param forceCookie {@code tls-crypt-v2 KEY force-cookie}: the server answers only clients that
 *                    can take its stateless start (they announce early negotiation)
 */
public record TlsCryptV2Spec(Optional<TlsCryptV2ServerKey> serverKey, Optional<TlsCryptV2ClientKey> clientKey,
                             int maxAgeDays, boolean forceCookie) {

    public TlsCryptV2Spec {
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(clientKey, "clientKey");
        if (serverKey.isPresent() == clientKey.isPresent()) {
            throw new IllegalArgumentException("tls-crypt-v2 needs exactly one of a server key and a client key");
        }
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("tls-crypt-v2-max-age must not be negative: " + maxAgeDays);
        }
    }

    /** A server's: its key and {@code tls-crypt-v2-max-age} (0 for none), serving older clients too. */
    public static TlsCryptV2Spec server(TlsCryptV2ServerKey key, int maxAgeDays) {
        return server(key, maxAgeDays, false);
    }

    /** A server's, with {@code force-cookie} or not. */
    public static TlsCryptV2Spec server(TlsCryptV2ServerKey key, int maxAgeDays, boolean forceCookie) {
        return new TlsCryptV2Spec(Optional.of(key), Optional.empty(), maxAgeDays, forceCookie);
    }

    /** A client's. */
    public static TlsCryptV2Spec client(TlsCryptV2ClientKey key) {
        return new TlsCryptV2Spec(Optional.empty(), Optional.of(key), 0, false);
    }
}
