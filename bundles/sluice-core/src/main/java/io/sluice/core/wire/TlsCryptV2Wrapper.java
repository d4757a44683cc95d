package io.sluice.core.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * {@code tls-crypt-v2} for one session: {@code tls-crypt} under the client's own key Kc, and
 * on P_CONTROL_HARD_RESET_CLIENT_V3 and P_CONTROL_WKC_V1 the wrapped client key WKc after the
 * packet (ssl_pkt.c {@code tls_wrap_control}, {@code read_control_auth}). A client's wrapper
 * appends its WKc to those opcodes; a server's has none to append and, like OpenVPN once the
 * session's key is set up, cuts a received WKc off unread before the tls-crypt layer checks
 * the packet (tls_crypt.c: "Control channel security already setup. Ignoring wrapped key part").
 *
 * <p>Not thread-safe, like the {@link TlsCryptWrapper} inside.
 */
final class TlsCryptV2Wrapper implements ControlWrapper {

    private final ControlWrapper inner;
    private final byte[] wkc;

    /** @param wkc the client's wrapped key to append; empty on a server */
    TlsCryptV2Wrapper(ControlWrapper inner, byte[] wkc) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.wkc = wkc.clone();
    }

    @Override
    public int headroom() {
        return inner.headroom();
    }

    @Override
    public int tailroom(Opcode opcode) {
        return inner.tailroom(opcode) + (opcode.carriesWrappedClientKey() ? wkc.length : 0);
    }

    @Override
    public int seal(Opcode opcode, ByteBuffer out, int start, int end) {
        int sealed = inner.seal(opcode, out, start, end);
        if (!opcode.carriesWrappedClientKey() || wkc.length == 0) {
            return sealed;
        }
        out.put(sealed, wkc);
        return sealed + wkc.length;
    }

    @Override
    public void skipSendIds(int count) {
        inner.skipSendIds(count);
    }

    @Override
    public Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet) {
        if (opcode.carriesWrappedClientKey()) {
            int wkcStart = ClientKeyWrapping.locate(packet);
            if (wkcStart < 0) {
                return Decoded.rejected(Reject.BAD_WRAPPED_KEY);
            }
            packet.limit(wkcStart);
        }
        return inner.open(opcode, packet);
    }

    @Override
    public String toString() {
        return "tls-crypt-v2";
    }
}
