package io.sluice.core.wire;

/**
 * Sizes and limits of the OpenVPN wire format.
 *
 * <p>"Draft" below is the OpenVPN Wire Protocol draft (openvpn-rfc,
 * {@code openvpn-wire-protocol.xml}); file names are OpenVPN 2.6 sources.
 */
public final class WireConstants {

    private WireConstants() {
    }

    /**
     * The opcode sits in the high 5 bits of a packet's first byte (ssl_pkt.h
     * {@code P_OPCODE_SHIFT}; draft "OpenVPN wire packet format").
     */
    public static final int OPCODE_SHIFT = 3;

    /** The key id sits in the low 3 bits of the first byte (ssl_pkt.h {@code P_KEY_ID_MASK}). */
    public static final int KEY_ID_MASK = 0x07;

    /** Largest key id; renegotiations count 1..7 and wrap back to 1 (draft "Field: key_id"). */
    public static final int MAX_KEY_ID = 7;

    /** Bytes in a session id (session_id.h {@code SID_SIZE}; draft "Field: session_id"). */
    public static final int SESSION_ID_LENGTH = 8;

    /** Bytes in a control message packet id and in each acked id (reliable.h {@code packet_id_type}). */
    public static final int PACKET_ID_LENGTH = 4;

    /** The opcode byte plus the sender's session id, which start every control packet. */
    public static final int CONTROL_HEADER_LENGTH = 1 + SESSION_ID_LENGTH;

    /**
     * Most acks one packet may carry; a packet claiming more is malformed (reliable.h
     * {@code RELIABLE_ACK_SIZE}, enforced by {@code reliable_ack_parse}; draft "Acknowledgements").
     */
    public static final int MAX_ACKS = 8;

    /**
     * Most acks OpenVPN piggy-backs on a packet that also carries a message (ssl.h
     * {@code CONTROL_SEND_ACK_MAX}); a standalone P_ACK_V1 carries up to {@link #MAX_ACKS}.
     */
    public static final int MAX_PIGGYBACKED_ACKS = 4;

    /** Bytes of a P_DATA_V1 header: the opcode byte alone. */
    public static final int DATA_V1_HEADER_LENGTH = 1;

    /** Bytes of a P_DATA_V2 header: the opcode byte and a 24-bit peer id (draft "[OPCODE ID 9] DATA_V2"). */
    public static final int DATA_V2_HEADER_LENGTH = 4;

    /** Largest peer id; 24 bits (openvpn.h {@code MAX_PEER_ID}). */
    public static final int MAX_PEER_ID = 0xFFFFFF;

    /**
     * The peer id meaning "none assigned": a client sends it in P_DATA_V2 until the server
     * pushes one (openvpn.h {@code MAX_PEER_ID}, used as "disabled" by mudp.c; draft "Peer-ID").
     */
    public static final int PEER_ID_UNDEF = MAX_PEER_ID;

    /**
     * Default largest control packet OpenVPN 2.6 sends ({@code --tls-mtu} default, mtu.h
     * {@code TLS_MTU_DEFAULT}; draft "Control message framing").
     */
    public static final int TLS_MTU_DEFAULT = 1250;

    /** Largest {@code --tls-mtu} OpenVPN accepts (common.h {@code TLS_CHANNEL_BUF_SIZE}, options.c). */
    public static final int TLS_MTU_MAX = 2048;

    /** Largest tls-crypt-v2 wrapped client key appended to V3 resets and P_CONTROL_WKC_V1 (tls_crypt.h). */
    public static final int MAX_WRAPPED_CLIENT_KEY_LENGTH = 1024;

    /** Length of the ack record carrying {@code count} acks: count byte, ids, and the peer's session id if any. */
    public static int ackRecordLength(int count) {
        return 1 + count * PACKET_ID_LENGTH + (count > 0 ? SESSION_ID_LENGTH : 0);
    }

    /** The first byte of a packet: opcode in the high 5 bits, key id in the low 3. */
    public static byte opcodeByte(Opcode opcode, int keyId) {
        if (keyId < 0 || keyId > MAX_KEY_ID) {
            throw new IllegalArgumentException("key id must be 0.." + MAX_KEY_ID + ": " + keyId);
        }
        return (byte) (opcode.code() << OPCODE_SHIFT | keyId);
    }

    /** The key id in a packet's first byte. */
    public static int keyIdOf(byte first) {
        return first & KEY_ID_MASK;
    }

    /** The opcode number (0..31) in a packet's first byte; see {@link Opcode#of(int)}. */
    public static int opcodeNumberOf(byte first) {
        return (first & 0xFF) >>> OPCODE_SHIFT;
    }
}
