package io.sluice.core.wire;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;

import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.time.Clock;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a configuration says about control-channel protection, before any provider is looked
 * up: the kind, its static key (read once at start, as with {@code persist-key}), the
 * {@code tls-auth} key direction and the {@code auth} digest tls-auth signs with.
 *
 * @param kind      none, {@code tls-auth}, {@code tls-crypt} or {@code tls-crypt-v2}
 * @param key       the static key of tls-auth and tls-crypt; empty for the others
 * @param direction tls-auth's {@code key-direction} (or the file's second argument);
 *                  {@link KeyDirection#BIDIRECTIONAL} without one. tls-crypt ignores it: its
 *                  direction follows the TLS role.
 * @param digest    the {@code auth} digest, OpenVPN name (SHA1 by default)
 * @param v2        tls-crypt-v2's keys and settings; present exactly when {@code kind} is
 *                  {@link Kind#TLS_CRYPT_V2}
 */
public record ControlProtectionSpec(Kind kind, Optional<Key2> key, KeyDirection direction, String digest,
                                    Optional<TlsCryptV2Spec> v2) {

    /** The kinds of protection Sluice implements. */
    public enum Kind {
        NONE("none"), TLS_AUTH("tls-auth"), TLS_CRYPT("tls-crypt"), TLS_CRYPT_V2("tls-crypt-v2");

        private final String option;

        Kind(String option) {
            this.option = option;
        }

        /** The option's name. */
        public String option() {
            return option;
        }
    }

    /** No protection. */
    public static final ControlProtectionSpec NONE =
            new ControlProtectionSpec(Kind.NONE, Optional.empty(), KeyDirection.BIDIRECTIONAL, "SHA1");

    public ControlProtectionSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(v2, "v2");
        boolean staticKey = kind == Kind.TLS_AUTH || kind == Kind.TLS_CRYPT;
        if (key.isPresent() != staticKey) {
            throw new IllegalArgumentException(kind.option() + (key.isPresent() ? " takes no static key"
                    : " needs a static key"));
        }
        if (v2.isPresent() != (kind == Kind.TLS_CRYPT_V2)) {
            throw new IllegalArgumentException(kind.option() + (v2.isPresent() ? " takes no tls-crypt-v2 key"
                    : " needs a tls-crypt-v2 key"));
        }
    }

    /** tls-auth, tls-crypt or none: everything but tls-crypt-v2. */
    public ControlProtectionSpec(Kind kind, Optional<Key2> key, KeyDirection direction, String digest) {
        this(kind, key, direction, digest, Optional.empty());
    }

    /** tls-crypt-v2, with the {@code auth} digest (which it does not use) for the record. */
    public static ControlProtectionSpec tlsCryptV2(TlsCryptV2Spec v2, String digest) {
        return new ControlProtectionSpec(Kind.TLS_CRYPT_V2, Optional.empty(), KeyDirection.BIDIRECTIONAL, digest,
                Optional.of(v2));
    }

    /**
     * The protection for one instance, its digest taken from the providers installed now.
     *
     * @param server       whether this end is the TLS server (tls-crypt's direction)
     * @param wallClock    the packet-id time field: seconds since the epoch
     * @throws GeneralSecurityException when no installed provider offers what it needs
     */
    public ControlProtection create(boolean server, CryptoProviders providers, Clock clock,
                                    java.time.Clock wallClock, int replayWindow, int replaySeconds)
            throws GeneralSecurityException {
        ControlReplay replay = new ControlReplay(wallClock, clock, replayWindow, replaySeconds);
        return switch (kind) {
            case NONE -> ControlProtection.none();
            case TLS_AUTH -> ControlProtections.tlsAuth(key.orElseThrow(), direction, digest,
                    providers.digest(digest).orElse(null), replay);
            case TLS_CRYPT -> ControlProtections.tlsCrypt(key.orElseThrow(), server, ControlLimits.DEFAULT, replay);
            case TLS_CRYPT_V2 -> tlsCryptV2(server, replay);
        };
    }

    private ControlProtection tlsCryptV2(boolean server, ControlReplay replay) throws GeneralSecurityException {
        TlsCryptV2Spec spec = v2.orElseThrow();
        if (server != spec.serverKey().isPresent()) {
            // The mapper reads the key the role needs; a mismatch is a programming error.
            throw new IllegalStateException("tls-crypt-v2: a " + (server ? "server" : "client") + " needs a "
                    + (server ? "server" : "client") + " key");
        }
        return server
                ? ControlProtections.tlsCryptV2Server(spec.serverKey().get(), spec.maxAgeDays(), spec.forceCookie(),
                        ControlLimits.DEFAULT, replay)
                : ControlProtections.tlsCryptV2Client(spec.clientKey().get(), ControlLimits.DEFAULT, replay);
    }

    /**
     * What OpenVPN logs at start for this protection (crypto.c {@code init_key_ctx}), so admins
     * see the same lines: the digest, and for tls-crypt its fixed cipher. A tls-crypt-v2 server
     * keys only its server key at start (tls_crypt.c {@code tls_crypt_v2_init_server_key}); a
     * client keys Kc as tls-crypt.
     */
    public java.util.List<String> startLines(CryptoProviders providers) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (kind == Kind.TLS_CRYPT_V2 && v2.orElseThrow().serverKey().isPresent()) {
            lines.add("tls-crypt-v2 server key: Cipher 'AES-256-CTR' initialized with 256 bit key");
            lines.add("tls-crypt-v2 server key: Using 256 bit message hash 'SHA256' for HMAC authentication");
            return lines;
        }
        for (String direction : new String[] {"Outgoing", "Incoming"}) {
            switch (kind) {
                case TLS_AUTH -> {
                    int bits = providers.digestSpec(digest).map(d -> d.length() * 8).orElse(0);
                    lines.add(direction + " Control Channel Authentication: Using " + bits + " bit message hash '"
                            + digest + "' for HMAC authentication");
                }
                case TLS_CRYPT, TLS_CRYPT_V2 -> {
                    lines.add(direction + " Control Channel Encryption: Cipher 'AES-256-CTR' initialized with 256 bit key");
                    lines.add(direction + " Control Channel Encryption: Using 256 bit message hash 'SHA256' for HMAC"
                            + " authentication");
                }
                case NONE -> {
                }
            }
        }
        return lines;
    }

    /**
     * Adds what OpenVPN's options string says about this protection: {@code tls-auth}, and the
     * key direction when tls-auth has one ({@code keydir}).
     */
    public io.sluice.core.control.OptionsString.Builder describe(io.sluice.core.control.OptionsString.Builder b) {
        if (kind == Kind.TLS_AUTH) {
            b.tlsAuth(true);
            if (direction != KeyDirection.BIDIRECTIONAL) {
                b.keyDirection(direction.sendKey());
            }
        }
        return b;
    }

    @Override
    public String toString() {
        // Never the key.
        return "ControlProtectionSpec[" + kind.option() + ", " + direction + ", " + digest + "]";
    }
}
