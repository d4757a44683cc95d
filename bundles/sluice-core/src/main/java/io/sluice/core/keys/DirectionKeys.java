package io.sluice.core.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * The key material of one direction of one data-channel key, cut to the negotiated algorithms:
 * what an encryptor or a decryptor is keyed with.
 *
 * @param cipherKey  the cipher key, {@code CipherSpec.keyLength()} bytes (empty for {@code cipher none})
 * @param hmacKey    the HMAC key, {@code DigestSpec.length()} bytes (empty for AEAD ciphers and {@code auth none})
 * @param implicitIv for AEAD ciphers the nonce tail that follows the packet id (empty otherwise)
 */
public record DirectionKeys(byte[] cipherKey, byte[] hmacKey, byte[] implicitIv) {

    public DirectionKeys {
        cipherKey = Objects.requireNonNull(cipherKey, "cipherKey").clone();
        hmacKey = Objects.requireNonNull(hmacKey, "hmacKey").clone();
        implicitIv = Objects.requireNonNull(implicitIv, "implicitIv").clone();
    }

    @Override
    public byte[] cipherKey() {
        return cipherKey.clone();
    }

    @Override
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    @Override
    public byte[] implicitIv() {
        return implicitIv.clone();
    }

    /** Zeroes the copies held here. */
    public void destroy() {
        Arrays.fill(cipherKey, (byte) 0);
        Arrays.fill(hmacKey, (byte) 0);
        Arrays.fill(implicitIv, (byte) 0);
    }

    @Override
    public String toString() {
        // Never print key material.
        return "DirectionKeys[cipher " + cipherKey.length + " B, hmac " + hmacKey.length + " B, implicit IV "
                + implicitIv.length + " B]";
    }
}
