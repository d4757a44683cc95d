package io.sluice.api.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * A cipher keyed for one direction of one data-channel key.
 *
 * <p>The engine makes one context per key and direction and keeps it until the key is
 * retired: it is never shared between threads at the same time and never re-keyed, so an
 * implementation keeps whatever state makes a call cheap and aims to allocate nothing per
 * call. Buffers are read from position to limit and written from position on; on return
 * positions have advanced past what was read or written.
 */
public interface CipherContext extends AutoCloseable {

    CipherSpec spec();

    /** True if this context encrypts, false if it decrypts. */
    boolean encrypting();

    /**
     * Encrypts {@code plaintext} into {@code out}.
     *
     * @param iv  {@link CipherSpec#ivLength()} bytes: the AEAD nonce, or the CBC/CFB/OFB IV
     * @param aad additional authenticated data (AEAD only; {@code null} otherwise)
     * @param tag receives {@link CipherSpec#tagLength()} bytes (AEAD only; {@code null} otherwise)
     * @return bytes written to {@code out}
     */
    int encrypt(byte[] iv, ByteBuffer aad, ByteBuffer plaintext, ByteBuffer out, ByteBuffer tag)
            throws GeneralSecurityException;

    /**
     * Decrypts {@code ciphertext} into {@code out}.
     *
     * @param tag the received tag (AEAD only; {@code null} otherwise)
     * @return bytes written to {@code out}
     * @throws javax.crypto.AEADBadTagException when the packet is not authentic
     * @throws GeneralSecurityException when the packet cannot be decrypted (bad padding, length)
     */
    int decrypt(byte[] iv, ByteBuffer aad, ByteBuffer ciphertext, ByteBuffer tag, ByteBuffer out)
            throws GeneralSecurityException;

    /** Forgets the key. Idempotent. */
    @Override
    void close();
}
