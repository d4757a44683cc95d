package io.sluice.core.data;

import java.nio.ByteBuffer;

/**
 * Protects outgoing payloads (tunnel packets, keepalive pings) under one key: framing, packet
 * id, encryption and authentication in one step.
 *
 * <p>One per key; used by one thread at a time; allocates nothing per packet.
 */
public interface DataEncryptor extends AutoCloseable {

    /**
     * Writes the wire packet for the payload.
     *
     * @param payload read from position to limit; on {@link EncryptStatus#OK} its position is the limit
     * @param out     written from its position, which on {@link EncryptStatus#OK} ends after the packet;
     *                must not share memory with {@code payload}
     * @return {@link EncryptStatus#OK}, or why nothing was sent (positions then unchanged)
     */
    EncryptStatus encrypt(ByteBuffer payload, ByteBuffer out);

    /** The exact wire length of a packet carrying {@code payloadLength} bytes. */
    int packetLength(int payloadLength);

    /** This key's packet ids: for rekeying when {@link PacketIdSender#shouldRenegotiate()}. */
    PacketIdSender packetIds();

    /** Forgets the key. Idempotent. */
    @Override
    void close();
}
