package io.sluice.core.wire;

/**
 * Why a received packet was dropped. Each is counted (see {@link RejectCounters}), so an
 * operator can tell a scanner (unknown opcodes) from a misconfigured peer (failed
 * authentication) from a broken link (truncation).
 */
public enum Reject {
    /** Zero bytes. */
    EMPTY("empty packet"),
    /** Ends before a field its opcode or its own counts say is there. */
    TRUNCATED("truncated"),
    /** The opcode number is not assigned. */
    UNKNOWN_OPCODE("unknown opcode"),
    /** A key-method 1 opcode, which OpenVPN 2.6 no longer accepts either. */
    OBSOLETE_OPCODE("obsolete key-method 1 opcode"),
    /** A data-channel packet handed to the control-channel decoder. */
    NOT_CONTROL("not a control-channel packet"),
    /** The ack record claims more acks than {@link WireConstants#MAX_ACKS}. */
    TOO_MANY_ACKS("too many acks"),
    /** Longer than the configured maximum packet or payload length. */
    OVERSIZE("oversize"),
    /** Bytes left over after a packet that has no payload (P_ACK_V1). */
    TRAILING_BYTES("trailing bytes"),
    /** The early-negotiation TLVs in a hard-reset payload are malformed. */
    BAD_EARLY_NEGOTIATION("malformed early-negotiation TLV"),
    /** Control-channel protection (tls-auth HMAC, tls-crypt tag) did not verify. For wrappers. */
    BAD_AUTHENTICATION("authentication failed"),
    /** Control-channel protection saw this replay packet id before. For wrappers. */
    REPLAY("replayed"),
    /**
     * A tls-crypt-v2 wrapped client key whose own length field does not fit the packet or the
     * key (tls_crypt.c: "invalid length", "Can not locate tls-crypt-v2 client key").
     */
    BAD_WRAPPED_KEY("malformed tls-crypt-v2 wrapped client key"),
    /** A wrapped client key whose tag the server key does not verify: made for another server key, or forged. */
    CLIENT_KEY_UNAUTHENTIC("tls-crypt-v2 client key authentication failed"),
    /** A genuine client key refused by {@code tls-crypt-v2-max-age}: too old, or without a timestamp. */
    CLIENT_KEY_TOO_OLD("tls-crypt-v2 client key too old"),
    /**
     * A packet without the protection the server requires, such as a plain P_CONTROL_HARD_RESET_CLIENT_V2
     * to a tls-crypt-v2 server (ssl_pkt.c: "could not determine wrapping").
     */
    UNPROTECTED("not protected as configured");

    private final String description;

    Reject(String description) {
        this.description = description;
    }

    /** A short lower-case phrase for logs. */
    public String description() {
        return description;
    }
}
