package io.sluice.core.wire;

import java.nio.ByteBuffer;

/**
 * The first bytes of any OpenVPN packet, read without touching the rest: enough for a
 * dispatcher to pick the session a packet belongs to before any session-specific work
 * (authentication, decryption) happens.
 *
 * <ul>
 *   <li>control packets: opcode, key id and the sender's session id (the 9 bytes that stay in
 *       clear under every protection mode);</li>
 *   <li>P_DATA_V2: opcode, key id and the 24-bit peer id (draft "[OPCODE ID 9] DATA_V2");
 *       {@link WireConstants#PEER_ID_UNDEF} means the client has none yet, so the dispatcher
 *       must fall back to the source address;</li>
 *   <li>P_DATA_V1: opcode and key id only; routed by source address.</li>
 * </ul>
 *
 * <p>Mutable and reusable: one instance per I/O thread, overwritten by every {@link #parse},
 * so the data path allocates nothing. Not thread-safe.
 */
public final class OuterHeader {

    /** {@link #peerId()} of a packet that has none. */
    public static final int NO_PEER_ID = -1;

    private Opcode opcode;
    private int keyId;
    private long sessionId;
    private int peerId = NO_PEER_ID;
    private int headerLength;
    private Reject reject;

    /**
     * Reads the header of the packet between {@code packet}'s position and limit, without
     * moving them.
     *
     * @return true if the header is well formed; otherwise {@link #reject()} says why (the
     *         caller counts it)
     */
    public boolean parse(ByteBuffer packet) {
        opcode = null;
        keyId = 0;
        sessionId = 0;
        peerId = NO_PEER_ID;
        headerLength = 0;
        reject = null;

        int at = packet.position();
        int length = packet.remaining();
        if (length == 0) {
            return fail(Reject.EMPTY);
        }
        byte first = packet.get(at);
        Opcode op = Opcode.ofFirstByte(first);
        if (op == null) {
            return fail(Reject.UNKNOWN_OPCODE);
        }
        switch (op.kind()) {
            case CONTROL_OBSOLETE:
                return fail(Reject.OBSOLETE_OPCODE);
            case DATA:
                if (op == Opcode.P_DATA_V2) {
                    if (length < WireConstants.DATA_V2_HEADER_LENGTH) {
                        return fail(Reject.TRUNCATED);
                    }
                    peerId = packet.getInt(at) & WireConstants.MAX_PEER_ID;
                    headerLength = WireConstants.DATA_V2_HEADER_LENGTH;
                } else {
                    headerLength = WireConstants.DATA_V1_HEADER_LENGTH;
                }
                break;
            default:
                if (length < WireConstants.CONTROL_HEADER_LENGTH) {
                    return fail(Reject.TRUNCATED);
                }
                sessionId = packet.getLong(at + 1);
                headerLength = WireConstants.CONTROL_HEADER_LENGTH;
                break;
        }
        opcode = op;
        keyId = WireConstants.keyIdOf(first);
        return true;
    }

    private boolean fail(Reject why) {
        reject = why;
        return false;
    }

    /** The opcode, or {@code null} after a failed parse. */
    public Opcode opcode() {
        return opcode;
    }

    public int keyId() {
        return keyId;
    }

    /** The sender's session id as 8 big-endian bytes; 0 unless a control packet. */
    public long sessionIdBits() {
        return sessionId;
    }

    /** The sender's session id of a control packet. Allocates; the data path uses {@link #sessionIdBits()}. */
    public SessionId sessionId() {
        if (opcode == null || opcode.isData()) {
            throw new IllegalStateException("not a control packet: " + opcode);
        }
        return new SessionId(sessionId);
    }

    /** The 24-bit peer id of a P_DATA_V2 packet, else {@link #NO_PEER_ID}. */
    public int peerId() {
        return peerId;
    }

    /** Bytes the header takes: 1 (P_DATA_V1), 4 (P_DATA_V2) or 9 (control). */
    public int headerLength() {
        return headerLength;
    }

    /** Why the last parse failed, or {@code null} if it did not. */
    public Reject reject() {
        return reject;
    }

    @Override
    public String toString() {
        if (reject != null) {
            return "OuterHeader{rejected " + reject + "}";
        }
        if (opcode == null) {
            return "OuterHeader{}";
        }
        return "OuterHeader{" + opcode + " kid=" + keyId
                + (opcode.isData() ? (peerId == NO_PEER_ID ? "" : " peer-id=" + peerId)
                                   : " sid=" + new SessionId(sessionId)) + "}";
    }
}
