package io.sluice.core.wire;

import java.nio.ByteBuffer;

/**
 * The control-channel protection one configuration uses ({@code tls-auth}, {@code tls-crypt},
 * {@code tls-crypt-v2}, or none): it makes a {@link ControlWrapper} for each new session and,
 * on a server, checks a packet from an unknown peer before any per-session state is spent on
 * it ({@link #admit}).
 *
 * <p>Immutable and thread-safe; the wrappers it makes are not (one per session).
 */
public interface ControlProtection {

    /** The option's name as OpenVPN logs it: {@code tls-auth}, {@code tls-crypt}, {@code tls-crypt-v2}, or {@code none}. */
    String name();

    /** A wrapper for one new session, with fresh send counter and replay window. */
    ControlWrapper newWrapper();

    /**
     * Whether {@code packet} (one whole control packet between position and limit; at least the
     * 9-byte header, with a control opcode) is authentic, checked without replay state, as a
     * server checks a client's first packet (ssl_pkt.c {@code tls_pre_decrypt_lite}). Position
     * and limit are as before on return and nothing of the packet is kept.
     */
    boolean authenticates(Opcode opcode, ByteBuffer packet);

    /** True for {@code tls-auth}: OpenVPN's options string then carries {@code ,tls-auth}. */
    boolean announcedInOptionsString();

    /**
     * What a server makes of a client's first packet (a hard reset from an unknown peer),
     * before any per-session state exists: the new session's protection, or why the packet is
     * dropped. By default: {@link #authenticates} then {@link #newWrapper}; tls-crypt-v2 instead
     * derives the session's wrapper from the key the packet carries.
     */
    default Decoded<SessionProtection> admit(Opcode opcode, ByteBuffer packet) {
        if (opcode == Opcode.P_CONTROL_HARD_RESET_CLIENT_V3) {
            return Decoded.rejected(Reject.UNPROTECTED); // a tls-crypt-v2 client; only that protection takes it
        }
        return authenticates(opcode, packet)
                ? Decoded.ok(new SessionProtection(newWrapper(), java.util.Optional.empty()))
                : Decoded.rejected(Reject.BAD_AUTHENTICATION);
    }

    /**
     * True when a server answers only clients that can take its stateless start: {@code
     * tls-crypt-v2 KEY force-cookie}, which drops a V3 reset that announces no early negotiation
     * rather than keep state for it (mudp.c {@code CO_FORCE_TLSCRYPTV2_COOKIE}).
     */
    default boolean requiresCookie() {
        return false;
    }

    /** The hard reset a client starts a session with: V3 carries a tls-crypt-v2 key, V2 otherwise. */
    default Opcode clientReset() {
        return Opcode.P_CONTROL_HARD_RESET_CLIENT_V2;
    }

    /** No protection: {@link PlainControlWrapper} for every session, every packet authentic. */
    static ControlProtection none() {
        return NoProtection.INSTANCE;
    }

    /** {@link ControlProtection#none()}. */
    final class NoProtection implements ControlProtection {

        static final NoProtection INSTANCE = new NoProtection();

        private NoProtection() {
        }

        @Override
        public String name() {
            return "none";
        }

        @Override
        public ControlWrapper newWrapper() {
            return PlainControlWrapper.INSTANCE;
        }

        @Override
        public boolean authenticates(Opcode opcode, ByteBuffer packet) {
            return true;
        }

        @Override
        public boolean announcedInOptionsString() {
            return false;
        }
    }
}
