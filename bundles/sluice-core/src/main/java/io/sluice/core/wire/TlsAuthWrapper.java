package io.sluice.core.wire;

import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * {@code tls-auth} for one session: an HMAC and a replay packet id between the session id and
 * the plain body (draft "HMAC authentication of control channel packets"; ssl_pkt.c
 * {@code swap_hmac}, {@code tls_wrap_control}, {@code read_control_auth}; crypto.c
 * {@code openvpn_encrypt_v1}, {@code openvpn_decrypt_v1} with cipher {@code none}).
 * <pre>
 * op|kid(1)  own-sid(8)  HMAC(digest length)  replay-pid(4)  time(4)  body
 * HMAC = HMAC-auth(send key; replay-pid, time, op|kid, own-sid, body)
 * </pre>
 * OpenVPN computes the HMAC over the packet with the HMAC and packet id moved to the front
 * ({@code swap_hmac}), which is why the packet id and time come first in what is signed.
 *
 * <p>Receiving, the HMAC is checked first (in constant time), and only an authentic packet's
 * replay id is tested against and added to the window, as crypto.c does.
 *
 * <p>Made by {@link TlsAuthProtection#newWrapper()}; not thread-safe.
 */
public final class TlsAuthWrapper implements ControlWrapper {

    private static final int H = WireConstants.CONTROL_HEADER_LENGTH;

    private final HmacContext send;
    private final HmacContext receive;
    private final int hmacLength;
    private final ReplayIds ids;
    private final byte[] computed;
    private final byte[] received;

    TlsAuthWrapper(HmacContext send, HmacContext receive, ReplayIds ids) {
        this.send = Objects.requireNonNull(send, "send");
        this.receive = Objects.requireNonNull(receive, "receive");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.hmacLength = send.spec().length();
        this.computed = new byte[hmacLength];
        this.received = new byte[hmacLength];
    }

    @Override
    public int headroom() {
        return hmacLength + ReplayIds.LENGTH;
    }

    @Override
    public int tailroom(Opcode opcode) {
        return 0;
    }

    @Override
    public int seal(Opcode opcode, ByteBuffer out, int start, int end) {
        ids.writeNext(out, start + H + hmacLength);
        sign(send, out, start, end, computed);
        out.put(start + H, computed, 0, hmacLength);
        return end;
    }

    @Override
    public void skipSendIds(int count) {
        ids.skip(count);
    }

    @Override
    public Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < H + headroom()) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        if (!verify(receive, packet, start, end, computed, received)) {
            return Decoded.rejected(Reject.BAD_AUTHENTICATION);
        }
        if (!ids.accept(packet, start + H + hmacLength)) {
            return Decoded.rejected(Reject.REPLAY);
        }
        packet.position(start + H + headroom());
        return Decoded.ok(packet);
    }

    /**
     * Whether the packet from {@code start} to {@code end} carries the right HMAC; false too
     * when it is too short to hold one. Reads {@code packet} by absolute index only.
     *
     * @param computed scratch of the digest length
     * @param received scratch of the digest length
     */
    static boolean verify(HmacContext hmac, ByteBuffer packet, int start, int end, byte[] computed, byte[] received) {
        int hmacLength = computed.length;
        if (end - start < H + hmacLength + ReplayIds.LENGTH) {
            return false;
        }
        sign(hmac, packet, start, end, computed);
        packet.get(start + H, received, 0, hmacLength);
        return MessageDigest.isEqual(computed, received);
    }

    /** HMAC of replay-pid and time, then op|kid and session id, then the body, into {@code mac}. */
    private static void sign(HmacContext hmac, ByteBuffer b, int start, int end, byte[] mac) {
        int pid = start + H + mac.length;
        int body = pid + ReplayIds.LENGTH;
        update(hmac, b, pid, body);
        update(hmac, b, start, start + H);
        update(hmac, b, body, end);
        hmac.finish(mac, 0);
    }

    private static void update(HmacContext hmac, ByteBuffer b, int from, int to) {
        if (b.hasArray()) {
            hmac.update(b.array(), b.arrayOffset() + from, to - from);
        } else {
            hmac.update(b.duplicate().limit(to).position(from));
        }
    }

    @Override
    public String toString() {
        return "tls-auth " + send.spec().name();
    }
}
