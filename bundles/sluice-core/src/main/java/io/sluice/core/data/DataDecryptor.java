package io.sluice.core.data;

import java.nio.ByteBuffer;

/**
 * Checks and opens incoming data packets of one key: framing, authentication, decryption and
 * replay protection in one step, counting every packet it drops by reason.
 *
 * <p>One per key; used by one thread at a time; allocates nothing per packet.
 */
public interface DataDecryptor extends AutoCloseable {

    /**
     * Opens a wire packet.
     *
     * @param packet a whole data packet from position (its first byte) to limit; on
     *               {@link DecryptStatus#OK} its position is the limit, otherwise it is unchanged
     * @param out    receives the payload from its position, which on {@link DecryptStatus#OK} ends after it;
     *               must not share memory with {@code packet}. On a drop its position is unchanged
     *               but bytes after it may have been overwritten.
     * @return {@link DecryptStatus#OK}, or why the packet was dropped
     */
    DecryptStatus decrypt(ByteBuffer packet, ByteBuffer out);

    /** The packet id of the last packet that decrypted {@link DecryptStatus#OK}. */
    long lastPacketId();

    /** How many packets ended with this status (OK included). */
    long count(DecryptStatus status);

    /** Forgets the key. Idempotent. */
    @Override
    void close();
}
