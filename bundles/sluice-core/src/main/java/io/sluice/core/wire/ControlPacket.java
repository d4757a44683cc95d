package io.sluice.core.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A control packet that carries a numbered message: a reset, P_CONTROL_V1 or P_CONTROL_WKC_V1
 * (draft "Control channel wire packet structure"). The reliability layer retransmits it
 * until acked and delivers its payload in message-id order exactly once.
 *
 * <p>Immutable: the payload is copied in, and {@link #payload()} hands out read-only views.
 */
public final class ControlPacket implements ControlMessage {

    private final Opcode opcode;
    private final int keyId;
    private final SessionId sessionId;
    private final AckRecord acks;
    private final int messageId;
    private final byte[] payload;

    /**
     * @param messageId the unsigned 32-bit message packet id
     * @param payload   the bytes from position to limit are copied; the buffer is not moved
     */
    public ControlPacket(Opcode opcode, int keyId, SessionId sessionId, AckRecord acks, int messageId,
                         ByteBuffer payload) {
        this(copy(payload), opcode, keyId, sessionId, acks, messageId);
    }

    /** As the other constructor, with the payload given as an array, which is copied. */
    public ControlPacket(Opcode opcode, int keyId, SessionId sessionId, AckRecord acks, int messageId,
                         byte[] payload) {
        this(payload.clone(), opcode, keyId, sessionId, acks, messageId);
    }

    /** Takes ownership of {@code owned}. */
    private ControlPacket(byte[] owned, Opcode opcode, int keyId, SessionId sessionId, AckRecord acks,
                          int messageId) {
        Objects.requireNonNull(opcode, "opcode");
        if (!opcode.carriesMessage()) {
            throw new IllegalArgumentException(opcode + " does not carry a message");
        }
        if (keyId < 0 || keyId > WireConstants.MAX_KEY_ID) {
            throw new IllegalArgumentException("key id must be 0.." + WireConstants.MAX_KEY_ID + ": " + keyId);
        }
        this.opcode = opcode;
        this.keyId = keyId;
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.acks = Objects.requireNonNull(acks, "acks");
        this.messageId = messageId;
        this.payload = owned;
    }

    private static byte[] copy(ByteBuffer payload) {
        byte[] b = new byte[payload.remaining()];
        payload.get(payload.position(), b);
        return b;
    }

    @Override
    public Opcode opcode() {
        return opcode;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public SessionId sessionId() {
        return sessionId;
    }

    @Override
    public AckRecord acks() {
        return acks;
    }

    /** The unsigned 32-bit message packet id. */
    public int messageId() {
        return messageId;
    }

    /** A read-only view of the payload, positioned at its start. */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** A copy of this packet with other acks: what a retransmission sends. */
    public ControlPacket withAcks(AckRecord newAcks) {
        return new ControlPacket(payload, opcode, keyId, sessionId, newAcks, messageId);
    }

    /** Writes the payload at the buffer's position and advances it. */
    void writePayload(ByteBuffer out) {
        out.put(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlPacket p && opcode == p.opcode && keyId == p.keyId
                && messageId == p.messageId && sessionId.equals(p.sessionId) && acks.equals(p.acks)
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(opcode, keyId, sessionId, acks, messageId) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return opcode + "{kid=" + keyId + " sid=" + sessionId + " " + acks + " id="
                + Integer.toUnsignedString(messageId) + " payload=" + payload.length + "B}";
    }
}
