package io.sluice.core.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * OpenVPN's {@code struct key2}: two unidirectional keys, each a 64-byte cipher part followed by
 * a 64-byte HMAC part, 256 bytes in all. It is what the PRF key expansion and the keying-material
 * exporter produce and what a static key file holds, in this byte order (crypto.h: {@code struct
 * key} is {@code cipher[MAX_CIPHER_KEY_LENGTH]} then {@code hmac[MAX_HMAC_KEY_LENGTH]}).
 *
 * <p>Holds a private copy; {@link #destroy()} zeroes it once the contexts are keyed.
 */
public final class Key2 {

    /** crypto_backend.h {@code MAX_CIPHER_KEY_LENGTH}: room for the cipher key in each half. */
    public static final int CIPHER_PART_LENGTH = 64;
    /** crypto_backend.h {@code MAX_HMAC_KEY_LENGTH}: room for the HMAC key in each half. */
    public static final int HMAC_PART_LENGTH = 64;
    /** One {@code struct key}: cipher part then HMAC part. */
    public static final int KEY_LENGTH = CIPHER_PART_LENGTH + HMAC_PART_LENGTH;
    /** {@code struct key2} holds two keys ({@code keys[2]}). */
    public static final int KEYS = 2;
    /** The whole block: what PRF expansion and the exporter are asked for, and a static key file's size (2048 bits). */
    public static final int LENGTH = KEYS * KEY_LENGTH;

    private final byte[] material;

    private Key2(byte[] material) {
        this.material = material;
    }

    /** Copies a 256-byte block laid out as {@code keys[0].cipher, keys[0].hmac, keys[1].cipher, keys[1].hmac}. */
    public static Key2 of(byte[] block) {
        Objects.requireNonNull(block, "block");
        if (block.length != LENGTH) {
            throw new IllegalArgumentException("key2 block must be " + LENGTH + " bytes, not " + block.length);
        }
        return new Key2(block.clone());
    }

    /** Takes ownership of {@code block} without copying: for derivations that made it themselves. */
    static Key2 adopt(byte[] block) {
        if (block.length != LENGTH) {
            throw new IllegalArgumentException("key2 block must be " + LENGTH + " bytes, not " + block.length);
        }
        return new Key2(block);
    }

    /** The first {@code length} bytes of the cipher part of {@code keys[index]}, copied. */
    public byte[] cipherKey(int index, int length) {
        return part(index, 0, CIPHER_PART_LENGTH, length);
    }

    /** The first {@code length} bytes of the HMAC part of {@code keys[index]}, copied. */
    public byte[] hmacKey(int index, int length) {
        return part(index, CIPHER_PART_LENGTH, HMAC_PART_LENGTH, length);
    }

    /** The whole block, copied. */
    public byte[] toByteArray() {
        return material.clone();
    }

    /** Zeroes the block; later reads return zeros. */
    public void destroy() {
        Arrays.fill(material, (byte) 0);
    }

    private byte[] part(int index, int offset, int room, int length) {
        Objects.checkIndex(index, KEYS);
        if (length < 0 || length > room) {
            throw new IllegalArgumentException("a key part holds at most " + room + " bytes, asked for " + length);
        }
        int from = index * KEY_LENGTH + offset;
        return Arrays.copyOfRange(material, from, from + length);
    }

    @Override
    public String toString() {
        // Never print key material.
        return "Key2[256 bytes]";
    }
}
