package io.sluice.core.reliable;

import io.sluice.core.wire.Opcode;

import java.nio.ByteBuffer;

/**
 * A message the {@link ReliableSender} holds until it is acked: its opcode, the id it was
 * given, its payload, and when it is next due.
 *
 * <p>The opcode, id and payload never change, so the owner may keep a reference while
 * encoding; the timing fields belong to the sender.
 */
public final class OutgoingMessage {

    private final Opcode opcode;
    private final int messageId;
    private final byte[] payload;

    long nextTry;
    long timeout;
    int laterAcks;
    int sends;

    OutgoingMessage(Opcode opcode, int messageId, byte[] payload, long now, long initialTimeout) {
        this.opcode = opcode;
        this.messageId = messageId;
        this.payload = payload;
        this.nextTry = now;
        this.timeout = initialTimeout;
    }

    public Opcode opcode() {
        return opcode;
    }

    /** The unsigned 32-bit message packet id. */
    public int messageId() {
        return messageId;
    }

    /** A read-only view of the payload, positioned at its start. */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    /** How many times {@link ReliableSender#nextDue} has handed this message out. */
    public int sends() {
        return sends;
    }

    @Override
    public String toString() {
        return opcode + "#" + Integer.toUnsignedString(messageId) + "(" + payload.length + "B, sent " + sends + "x)";
    }
}
