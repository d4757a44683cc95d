package io.sluice.core.wire;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Early protocol negotiation: what OpenVPN 2.6 learns before TLS starts.
 *
 * <p>Two mechanisms, both from ssl_pkt.h and the draft ("[OPCODE ID 10]
 * CONTROL_HARD_RESET_CLIENT_V3"):
 * <ol>
 *   <li>A client announces support by starting the <em>tls-crypt-v2 replay packet id</em> of its
 *       P_CONTROL_HARD_RESET_CLIENT_V3 at {@link #EARLY_NEG_START} instead of 0. That field is in
 *       clear, before the tag; see {@link #announcedBy(int)}. A plain or tls-auth client
 *       announces nothing, and the payload of its P_CONTROL_HARD_RESET_CLIENT_V2 is empty.</li>
 *   <li>The payload of a hard reset with message packet id 0 (client V2/V3 or server V2) is read
 *       as TLVs: type (2 bytes), length (2 bytes), value, repeated to the end (ssl.c
 *       {@code parse_early_negotiation_tlvs}). The only type defined is
 *       {@link #TLV_TYPE_EARLY_NEG_FLAGS} holding 2 bytes of flags; the only flag is
 *       {@link #FLAG_RESEND_WKC}, which a server's reset sets to ask a client that announced
 *       support to resend its wrapped client key in a P_CONTROL_WKC_V1, so the server can
 *       stay stateless until then (ssl_pkt.c {@code tls_reset_standalone}). Unknown types are
 *       skipped.</li>
 * </ol>
 *
 * @param flags the OR of every flags TLV's value; 0 if none
 */
public record EarlyNegotiation(int flags) {

    /** Mask of the replay packet id byte that signals support (ssl_pkt.h {@code EARLY_NEG_MASK}). */
    public static final int EARLY_NEG_MASK = 0xff000000;

    /** First tls-crypt-v2 replay packet id of a client supporting it (ssl_pkt.h {@code EARLY_NEG_START}). */
    public static final int EARLY_NEG_START = 0x0f000000;

    /** TLV type of the flags (ssl_pkt.h {@code TLV_TYPE_EARLY_NEG_FLAGS}). */
    public static final int TLV_TYPE_EARLY_NEG_FLAGS = 0x0001;

    /** Flag: resend the wrapped client key (ssl_pkt.h {@code EARLY_NEG_FLAG_RESEND_WKC}). */
    public static final int FLAG_RESEND_WKC = 0x0001;

    /** Bytes of one TLV header (type and length). */
    public static final int TLV_HEADER_LENGTH = 4;

    /** Bytes {@link #writeFlags} writes. */
    public static final int FLAGS_TLV_LENGTH = TLV_HEADER_LENGTH + 2;

    /** Nothing negotiated: what an empty reset payload means. */
    public static final EarlyNegotiation NONE = new EarlyNegotiation(0);

    public EarlyNegotiation {
        if ((flags & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("flags are 16 bits: " + Integer.toHexString(flags));
        }
    }

    /** True if the peer asks for the wrapped client key to be resent. */
    public boolean resendWrappedClientKey() {
        return (flags & FLAG_RESEND_WKC) != 0;
    }

    /**
     * Whether the tls-crypt-v2 replay packet id of a client's V3 reset announces early
     * negotiation. Tested as OpenVPN's server does (mudp.c): all bits of 0x0f in the top byte
     * set. The low bytes count retransmissions, so the first reset carries
     * {@code EARLY_NEG_START + 1}.
     */
    public static boolean announcedBy(int replayPacketId) {
        return ((replayPacketId & EARLY_NEG_MASK) & EARLY_NEG_START) == EARLY_NEG_START;
    }

    /** As {@link #parse(ByteBuffer)}, counting a rejection in {@code rejects}. */
    public static Decoded<EarlyNegotiation> parse(ByteBuffer payload, RejectCounters rejects) {
        Decoded<EarlyNegotiation> result = parse(payload);
        if (!result.isOk()) {
            rejects.count(result.reject());
        }
        return result;
    }

    /**
     * Parses the TLVs of a hard-reset payload between {@code payload}'s position and limit,
     * without moving them. An empty payload is {@link #NONE}.
     */
    public static Decoded<EarlyNegotiation> parse(ByteBuffer payload) {
        int at = payload.position();
        int end = payload.limit();
        int flags = 0;
        while (at < end) {
            if (end - at < TLV_HEADER_LENGTH) {
                return Decoded.rejected(Reject.BAD_EARLY_NEGOTIATION);
            }
            int type = payload.getShort(at) & 0xFFFF;
            int length = payload.getShort(at + 2) & 0xFFFF;
            at += TLV_HEADER_LENGTH;
            if (end - at < length) {
                return Decoded.rejected(Reject.BAD_EARLY_NEGOTIATION);
            }
            if (type == TLV_TYPE_EARLY_NEG_FLAGS) {
                if (length != 2) {
                    return Decoded.rejected(Reject.BAD_EARLY_NEGOTIATION);
                }
                flags |= payload.getShort(at) & 0xFFFF;
            }
            at += length;
        }
        return Decoded.ok(flags == 0 ? NONE : new EarlyNegotiation(flags));
    }

    /**
     * Writes one flags TLV at {@code out}'s position and advances it: what a server's reset
     * carries to ask for the wrapped client key.
     */
    public static void writeFlags(ByteBuffer out, int flags) {
        if ((flags & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("flags are 16 bits: " + Integer.toHexString(flags));
        }
        if (out.remaining() < FLAGS_TLV_LENGTH) {
            throw new BufferOverflowException();
        }
        out.putShort((short) TLV_TYPE_EARLY_NEG_FLAGS).putShort((short) 2).putShort((short) flags);
    }
}
