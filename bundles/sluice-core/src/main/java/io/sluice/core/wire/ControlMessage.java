package io.sluice.core.wire;

/**
 * A decoded control-channel packet, after control-channel protection was removed: either
 * a {@link ControlPacket} (a numbered message the reliability layer delivers) or an
 * {@link AckPacket} (acks only).
 */
public sealed interface ControlMessage permits ControlPacket, AckPacket {

    Opcode opcode();

    /** Which key generation (0..7) the packet belongs to. */
    int keyId();

    /** The sender's own session id. */
    SessionId sessionId();

    /** The acks the sender piggy-backed or sent. */
    AckRecord acks();
}
