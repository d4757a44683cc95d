package io.sluice.core.wire;

/**
 * OpenVPN packet opcodes (ssl_pkt.h; draft "Overview of OPCODEs" and "Control Channel OPCODEs").
 *
 * <p>The V1 hard resets belong to key-method 1, which OpenVPN 2.6 no longer speaks: it treats
 * opcodes below {@code P_FIRST_OPCODE} (3) as illegal, and so does {@link ControlCodec}.
 * They are listed so a packet carrying one is reported as unsupported rather than unknown.
 */
public enum Opcode {
    /** 1: key-method 1 client reset. Obsolete. */
    P_CONTROL_HARD_RESET_CLIENT_V1(1, Kind.CONTROL_OBSOLETE),
    /** 2: key-method 1 server reset. Obsolete. */
    P_CONTROL_HARD_RESET_SERVER_V1(2, Kind.CONTROL_OBSOLETE),
    /** 3: starts a renegotiation under a new key id; the old key stays usable meanwhile. */
    P_CONTROL_SOFT_RESET_V1(3, Kind.CONTROL),
    /** 4: a control message, normally TLS records. */
    P_CONTROL_V1(4, Kind.CONTROL),
    /** 5: acknowledgements only; has no message packet id and no payload. */
    P_ACK_V1(5, Kind.ACK),
    /** 6: data channel packet without peer id. Deprecated but still spoken. */
    P_DATA_V1(6, Kind.DATA),
    /** 7: first packet from a client (key-method 2): forget previous state. */
    P_CONTROL_HARD_RESET_CLIENT_V2(7, Kind.CONTROL),
    /** 8: the server's answer to a client hard reset. */
    P_CONTROL_HARD_RESET_SERVER_V2(8, Kind.CONTROL),
    /** 9: data channel packet with a 24-bit peer id after the opcode byte. */
    P_DATA_V2(9, Kind.DATA),
    /** 10: client hard reset under tls-crypt-v2; the wrapped client key follows the packet. */
    P_CONTROL_HARD_RESET_CLIENT_V3(10, Kind.CONTROL),
    /** 11: like P_CONTROL_V1 with the tls-crypt-v2 wrapped client key appended. */
    P_CONTROL_WKC_V1(11, Kind.CONTROL);

    /** What a packet of an opcode is for. */
    public enum Kind {
        /** A control packet with a message packet id and payload. */
        CONTROL,
        /** A control packet carrying only acks. */
        ACK,
        /** A data channel packet. */
        DATA,
        /** A key-method 1 control packet, no longer accepted. */
        CONTROL_OBSOLETE
    }

    private static final Opcode[] BY_CODE = new Opcode[32];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;
    private final Kind kind;

    Opcode(int code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The 5-bit number on the wire. */
    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** True for the control opcodes that carry a message packet id and a payload. */
    public boolean carriesMessage() {
        return kind == Kind.CONTROL;
    }

    /** True for every control-channel opcode, P_ACK_V1 and the obsolete resets included. */
    public boolean isControlChannel() {
        return kind != Kind.DATA;
    }

    public boolean isData() {
        return kind == Kind.DATA;
    }

    /**
     * True for the resets whose payload OpenVPN 2.6 reads as early-negotiation TLVs
     * (ssl.c {@code is_hard_reset_method2}).
     */
    public boolean isHardResetV2() {
        return this == P_CONTROL_HARD_RESET_CLIENT_V2 || this == P_CONTROL_HARD_RESET_SERVER_V2
                || this == P_CONTROL_HARD_RESET_CLIENT_V3;
    }

    /** True for the resets a client opens a session with: V2, and V3 with a tls-crypt-v2 key. */
    public boolean isClientHardReset() {
        return this == P_CONTROL_HARD_RESET_CLIENT_V2 || this == P_CONTROL_HARD_RESET_CLIENT_V3;
    }

    /** True where tls-crypt-v2 appends the wrapped client key after the packet. */
    public boolean carriesWrappedClientKey() {
        return this == P_CONTROL_HARD_RESET_CLIENT_V3 || this == P_CONTROL_WKC_V1;
    }

    /** The opcode numbered {@code code}, or {@code null} if the number is unassigned. */
    public static Opcode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The opcode in a packet's first byte, or {@code null} if unassigned. */
    public static Opcode ofFirstByte(byte first) {
        return BY_CODE[WireConstants.opcodeNumberOf(first)];
    }
}
