package io.sluice.core.wire;

import java.util.Objects;

/**
 * A P_ACK_V1 packet: acks and nothing else, no message packet id and no payload
 * (draft "[OPCODE ID 5] ACK_V1"). It is itself never acked or retransmitted.
 *
 * @param keyId     key generation 0..7
 * @param sessionId the sender's own session id
 * @param acks      what it acknowledges; OpenVPN only sends one with at least one ack, but
 *                  accepts an empty one, and so does the decoder
 */
public record AckPacket(int keyId, SessionId sessionId, AckRecord acks) implements ControlMessage {

    public AckPacket {
        if (keyId < 0 || keyId > WireConstants.MAX_KEY_ID) {
            throw new IllegalArgumentException("key id must be 0.." + WireConstants.MAX_KEY_ID + ": " + keyId);
        }
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(acks, "acks");
    }

    @Override
    public Opcode opcode() {
        return Opcode.P_ACK_V1;
    }

    @Override
    public String toString() {
        return "P_ACK_V1{kid=" + keyId + " sid=" + sessionId + " " + acks + "}";
    }
}
