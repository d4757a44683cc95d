package io.sluice.api.crypto;

import java.nio.ByteBuffer;

/**
 * An HMAC keyed once, for one direction of one key. Like {@link CipherContext}: one per key
 * and direction, used by one thread at a time, reused for every packet.
 */
public interface HmacContext extends AutoCloseable {

    DigestSpec spec();

    /** Adds the bytes from position to limit; the position advances to the limit. */
    void update(ByteBuffer data);

    /** Adds {@code length} bytes of {@code data} from {@code offset}. */
    void update(byte[] data, int offset, int length);

    /** Writes the {@link DigestSpec#length()}-byte MAC at {@code offset} and resets for the next message. */
    void finish(byte[] out, int offset);

    /** Forgets the key. Idempotent. */
    @Override
    void close();
}
