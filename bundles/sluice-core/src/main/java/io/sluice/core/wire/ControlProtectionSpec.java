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
 * @param kind      none, {@code tls-auth} or {@code tls-crypt}
 * @param key       the static key; present unless {@code kind} is {@link Kind#NONE}
 * @param direction tls-auth's {@code key-direction} (or the file's second argument);
 *                  {@link KeyDirection#BIDIRECTIONAL} without one. tls-crypt ignores it: its
 *                  direction follows the TLS role.
 * @param digest    the {@code auth} digest, OpenVPN name (SHA1 by default)
 */
public record ControlProtectionSpec(Kind kind, Optional<Key2> key, KeyDirection direction, String digest) {

    /** The kinds of protection Sluice implements. */
    public enum Kind {
        NONE("none"), TLS_AUTH("tls-auth"), TLS_CRYPT("tls-crypt");

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
        if (key.isPresent() == (kind == Kind.NONE)) {
            throw new IllegalArgumentException(kind.option() + (key.isPresent() ? " takes no key" : " needs a key"));
        }
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
        };
    }

    /**
     * What OpenVPN logs at start for this protection (crypto.c {@code init_key_ctx}), so admins
     * see the same lines: the digest, and for tls-crypt its fixed cipher.
     */
    public java.util.List<String> startLines(CryptoProviders providers) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String direction : new String[] {"Outgoing", "Incoming"}) {
            switch (kind) {
                case TLS_AUTH -> {
                    int bits = providers.digestSpec(digest).map(d -> d.length() * 8).orElse(0);
                    lines.add(direction + " Control Channel Authentication: Using " + bits + " bit message hash '"
                            + digest + "' for HMAC authentication");
                }
                case TLS_CRYPT -> {
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
