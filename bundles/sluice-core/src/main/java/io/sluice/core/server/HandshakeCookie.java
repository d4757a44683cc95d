package io.sluice.core.server;

import io.sluice.core.wire.SessionId;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session id a UDP server answers a client's hard reset with when it starts statelessly, as
 * OpenVPN 2.6 does (mudp.c {@code do_pre_decrypt_check}; ssl_pkt.c
 * {@code calculate_session_id_hmac}, {@code check_session_id_hmac}): an HMAC-SHA256, under a key
 * that never leaves this object, of the time slot, the client's address and port and the client's
 * session id, cut to the 8 bytes of a session id. The server keeps nothing for the client; the
 * client's next packet acks our reset and so echoes the id, and only an id this server could have
 * made for that address and client session lately lets the client in. A spoofed reset therefore
 * costs the server one HMAC and one reply, never a session.
 *
 * <p>Time slots are half the hand window long (OpenVPN: {@code now / ((handwindow + 1) / 2)}),
 * and an echo is accepted from the slot two before the current one to the one after, as
 * OpenVPN accepts, so a client has at least one hand window to answer. The slots count the
 * server's monotonic clock: the id never needs to mean anything anywhere else.
 *
 * <p>Thread-safe.
 */
final class HandshakeCookie {

    /**
     * A client's packet that echoed a valid cookie: the session the server makes for it uses
     * these ids, its reset exchange done ({@code ControlSession.serverAfterStatelessReset}).
     *
     * @param serverId the cookie, our session id
     * @param clientId the client's session id
     */
    record Echo(SessionId serverId, SessionId clientId) {
    }

    /** Slots around the current one an echoed id may come from (ssl_pkt.c {@code check_session_id_hmac}). */
    private static final int OLDEST_OFFSET = -2;
    private static final int NEWEST_OFFSET = 1;

    private final Mac mac;
    private final long slotNanos;
    private final byte[] input = new byte[4 + 16 + 2 + 8];
    private final byte[] output;

    /**
     * @param handWindow the server's {@code hand-window}
     * @param random     where the HMAC key comes from
     */
    HandshakeCookie(Duration handWindow, Random random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime has HmacSHA256; TLS itself would not work without it.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        this.output = new byte[mac.getMacLength()];
        this.slotNanos = Math.max(1, (handWindow.toSeconds() + 1) / 2) * 1_000_000_000L;
    }

    /** Our session id for a reset from {@code client} at {@code from}, at monotonic time {@code now}. */
    SessionId issue(SessionId client, InetSocketAddress from, long now) {
        return compute(client, from, Math.floorDiv(now, slotNanos));
    }

    /** Whether {@code echoed} is an id {@link #issue} gave {@code client} at {@code from} lately. */
    boolean valid(SessionId echoed, SessionId client, InetSocketAddress from, long now) {
        long slot = Math.floorDiv(now, slotNanos);
        boolean found = false;
        byte[] echoedBytes = bytes(echoed);
        for (int offset = OLDEST_OFFSET; offset <= NEWEST_OFFSET; offset++) {
            // Constant time, and every slot computed, so timing tells nothing about the key.
            found |= MessageDigest.isEqual(echoedBytes, bytes(compute(client, from, slot + offset)));
        }
        return found;
    }

    private synchronized SessionId compute(SessionId client, InetSocketAddress from, long slot) {
        ByteBuffer in = ByteBuffer.wrap(input);
        in.putInt((int) slot);
        byte[] address = from.getAddress().getAddress(); // 4 or 16 bytes
        in.put(address);
        in.putShort((short) from.getPort());
        in.putLong(client.value());
        mac.update(input, 0, in.position());
        try {
            mac.doFinal(output, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e); // the buffer is always big enough
        }
        long id = ByteBuffer.wrap(output).getLong();
        // 0 means "no session id" on the wire; keep the 2^-64 case usable.
        return new SessionId(id == 0 ? 1 : id);
    }

    private static byte[] bytes(SessionId id) {
        return ByteBuffer.allocate(8).putLong(id.value()).array();
    }
}
