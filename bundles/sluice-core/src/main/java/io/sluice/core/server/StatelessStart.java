package io.sluice.core.server;

import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.ControlWrapper;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.EarlyNegotiation;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.SessionId;
import io.sluice.core.wire.WireConstants;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * OpenVPN 2.6's stateless handshake start on a UDP server (mudp.c {@code do_pre_decrypt_check},
 * ssl_pkt.c {@code tls_reset_standalone}): an authentic hard reset from an unknown address is
 * answered at once with P_CONTROL_HARD_RESET_SERVER_V2 whose session id is a
 * {@link HandshakeCookie}, acking the client's message 0 and numbered 0 itself, and nothing is
 * kept. The client's next packet (P_ACK_V1, P_CONTROL_V1, or P_CONTROL_WKC_V1 with tls-crypt-v2)
 * acks that reset and so names the cookie; {@link #echo} checks it, and only then does the
 * server make a session, whose control channel starts after the resets
 * ({@code ControlSession.serverAfterStatelessReset}).
 *
 * <p>With tls-crypt-v2 the reset reply asks the client to send its wrapped key again
 * ({@link EarlyNegotiation#FLAG_RESEND_WKC}) in its next packet, so the server need not keep the
 * key either; that works only with clients that announced early negotiation, so the server
 * keeps state for older tls-crypt-v2 clients unless {@code force-cookie} says to drop them.
 *
 * <p>Thread-safe: every call works on its own buffers.
 */
final class StatelessStart {

    /** Largest reply: header, tls-crypt overhead, one ack, message id, the flags TLV; with room to spare. */
    private static final int REPLY_BUFFER = 256;

    private final HandshakeCookie cookie;
    private final Function<ControlWrapper, ControlCodec> codecs;

    /**
     * @param handWindow how long a client has to answer (see {@link HandshakeCookie})
     * @param random     where the cookie key comes from
     * @param codecs     makes a control codec around a wrapper, with the server's limits and counters
     */
    StatelessStart(Duration handWindow, Random random, Function<ControlWrapper, ControlCodec> codecs) {
        this.cookie = new HandshakeCookie(handWindow, random);
        this.codecs = codecs;
    }

    /** Whether a packet with {@code opcode} from an unknown address may echo a cookie and open a session. */
    static boolean echoes(Opcode opcode) {
        return opcode == Opcode.P_ACK_V1 || opcode == Opcode.P_CONTROL_V1 || opcode == Opcode.P_CONTROL_WKC_V1;
    }

    /**
     * Whether an authentic V3 reset announces early negotiation, so its client resends its
     * wrapped key when asked: the replay packet id, in clear right after the header, starts at
     * {@link EarlyNegotiation#EARLY_NEG_START} (mudp.c).
     */
    static boolean announcesEarlyNegotiation(ByteBuffer v3Reset) {
        return EarlyNegotiation.announcedBy(v3Reset.getInt(v3Reset.position() + WireConstants.CONTROL_HEADER_LENGTH));
    }

    /**
     * The reply to an authentic reset from {@code client} at {@code from}, sealed with
     * {@code wrapper} (fresh, dropped afterwards), between position and limit of a new buffer.
     *
     * @param askForKey true for a tls-crypt-v2 client: ask it to resend its wrapped key
     */
    ByteBuffer reply(SessionId client, InetSocketAddress from, ControlWrapper wrapper, boolean askForKey, long now) {
        ByteBuffer payload = ByteBuffer.allocate(EarlyNegotiation.FLAGS_TLV_LENGTH);
        if (askForKey) {
            EarlyNegotiation.writeFlags(payload, EarlyNegotiation.FLAG_RESEND_WKC);
        }
        payload.flip();
        // Our reset is always message 0 and acks the client's, which is always 0 too (ssl_pkt.c).
        ControlPacket reset = new ControlPacket(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, 0,
                cookie.issue(client, from, now), AckRecord.of(client, 0), 0, payload);
        ByteBuffer out = ByteBuffer.allocate(REPLY_BUFFER);
        codecs.apply(wrapper).encode(reset, out);
        return out.flip();
    }

    /**
     * The session ids a packet that may open a session ({@link #echoes}) carries, if it acks a
     * reset with a cookie made for its sender and client session lately. {@code wrapper} opens
     * the packet (fresh: its replay window takes the packet, so the session needs another);
     * {@code packet}'s position and limit are as before on return.
     */
    Optional<HandshakeCookie.Echo> echo(ByteBuffer packet, InetSocketAddress from, ControlWrapper wrapper, long now) {
        Decoded<ControlMessage> decoded = codecs.apply(wrapper).decode(packet.duplicate());
        if (!decoded.isOk()) {
            return Optional.empty();
        }
        ControlMessage message = decoded.value();
        Optional<SessionId> echoed = message.acks().remoteSessionId();
        if (message.keyId() != 0 || echoed.isEmpty()
                || !cookie.valid(echoed.get(), message.sessionId(), from, now)) {
            return Optional.empty();
        }
        return Optional.of(new HandshakeCookie.Echo(echoed.get(), message.sessionId()));
    }
}
