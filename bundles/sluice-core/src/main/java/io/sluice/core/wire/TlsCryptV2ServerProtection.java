package io.sluice.core.wire;

import io.sluice.core.keys.TlsCryptV2ServerKey;
import io.sluice.core.keys.Key2;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code tls-crypt-v2 SERVERKEY} on a server: every client has a tls-crypt key of its own,
 * Kc, which it sends wrapped under the server key after its P_CONTROL_HARD_RESET_CLIENT_V3
 * (draft "Client-specific encryption keys (tls-crypt-v2)"; tls_crypt.c
 * {@code tls_crypt_v2_extract_client_key}). {@link #admit} unwraps it, applies
 * {@code tls-crypt-v2-max-age}, checks that the reset itself is tls-crypt under Kc, and only
 * then hands out a wrapper for the session; anything else is dropped before the server keeps
 * any state for the sender.
 *
 * <p>There is no shared key to make a wrapper from, so {@link #newWrapper()} is refused. As in
 * OpenVPN a plain V2 reset finds no way in ("could not determine wrapping"): a tls-crypt-v2
 * server takes tls-crypt-v2 clients only.
 *
 * <p>Immutable and thread-safe.
 */
public final class TlsCryptV2ServerProtection implements ControlProtection {

    private final ClientKeyWrapping wrapping;
    private final int maxAgeDays;
    private final InstantSource wallClock;
    private final ControlLimits limits;
    private final ControlReplay replay;
    private final boolean forceCookie;

    /**
     * @param maxAgeDays {@code tls-crypt-v2-max-age}: refuse keys whose timestamp is older than
     *                   this many days, or that have none; 0 for no limit
     * @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256
     */
    public TlsCryptV2ServerProtection(TlsCryptV2ServerKey key, int maxAgeDays, ControlLimits limits,
                                      ControlReplay replay) throws GeneralSecurityException {
        this(key, maxAgeDays, false, limits, replay);
    }

    /**
     * @param forceCookie {@code force-cookie}: see {@link #requiresCookie()}
     * @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256
     */
    public TlsCryptV2ServerProtection(TlsCryptV2ServerKey key, int maxAgeDays, boolean forceCookie, ControlLimits limits,
                                      ControlReplay replay) throws GeneralSecurityException {
        this.forceCookie = forceCookie;
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("max age must be positive, or 0 for none: " + maxAgeDays);
        }
        this.wrapping = new ClientKeyWrapping(Objects.requireNonNull(key, "key"));
        this.maxAgeDays = maxAgeDays;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.replay = Objects.requireNonNull(replay, "replay");
        this.wallClock = replay.wallClock();
    }

    @Override
    public String name() {
        return "tls-crypt-v2";
    }

    /** @throws IllegalStateException always: a session's wrapper comes from its client's key, see {@link #admit} */
    @Override
    public ControlWrapper newWrapper() {
        throw new IllegalStateException("tls-crypt-v2: a server session's wrapper comes from the client's reset");
    }

    @Override
    public boolean authenticates(Opcode opcode, ByteBuffer packet) {
        return admit(opcode, packet).isOk();
    }

    /**
     * Checks a client's first packet, reading it by absolute index only (position and limit as
     * before on return, nothing kept): {@link Reject#UNPROTECTED} unless it carries the client's
     * wrapped key (a V3 reset, or the P_CONTROL_WKC_V1 that follows a stateless start);
     * {@link ClientKeyWrapping#unwrap}'s rejections for its WKc; {@link Reject#CLIENT_KEY_TOO_OLD}
     * under {@code tls-crypt-v2-max-age}; {@link Reject#BAD_AUTHENTICATION} when the reset is not
     * tls-crypt under the unwrapped key. Never throws for what the packet holds.
     */
    @Override
    public Decoded<SessionProtection> admit(Opcode opcode, ByteBuffer packet) {
        if (!opcode.carriesWrappedClientKey()) {
            return Decoded.rejected(Reject.UNPROTECTED);
        }
        ByteBuffer view = packet.duplicate();
        int wkcStart = ClientKeyWrapping.locate(view);
        if (wkcStart < 0) {
            return Decoded.rejected(Reject.BAD_WRAPPED_KEY);
        }
        Decoded<UnwrappedClientKey> unwrapped = wrapping.unwrap(view, wkcStart, view.limit());
        if (!unwrapped.isOk()) {
            return Decoded.rejected(unwrapped.reject());
        }
        Key2 kc = unwrapped.value().kc();
        try {
            ClientKeyMetadata metadata = unwrapped.value().metadata();
            if (maxAgeDays > 0 && tooOld(metadata, wallClock.instant(), maxAgeDays)) {
                return Decoded.rejected(Reject.CLIENT_KEY_TOO_OLD);
            }
            TlsCryptProtection session = new TlsCryptProtection(kc, true, limits, replay);
            view.limit(wkcStart);
            if (!session.authenticates(opcode, view)) {
                return Decoded.rejected(Reject.BAD_AUTHENTICATION);
            }
            return Decoded.ok(new SessionProtection(new TlsCryptV2Wrapper(session.newWrapper(), new byte[0]),
                    Optional.of(metadata)));
        } catch (GeneralSecurityException e) {
            return Decoded.rejected(Reject.BAD_AUTHENTICATION); // the JVM's providers changed since start
        } finally {
            kc.destroy();
        }
    }

    /**
     * tls_crypt.c {@code tls_crypt_v2_check_client_key_age}: a key is too old unless its
     * metadata is a timestamp no more than {@code maxAgeDays} days before {@code now}.
     */
    public static boolean tooOld(ClientKeyMetadata metadata, Instant now, int maxAgeDays) {
        Optional<Instant> created = metadata.timestamp();
        return created.isEmpty()
                || Duration.between(created.get(), now).getSeconds() > (long) maxAgeDays * 24 * 60 * 60;
    }

    @Override
    public boolean requiresCookie() {
        return forceCookie;
    }

    @Override
    public boolean announcedInOptionsString() {
        return false;
    }

    @Override
    public String toString() {
        return "tls-crypt-v2 server";
    }
}
