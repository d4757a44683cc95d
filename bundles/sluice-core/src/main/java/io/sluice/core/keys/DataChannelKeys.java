package io.sluice.core.keys;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestSpec;
import java.security.InvalidKeyException;
import java.util.Objects;

/**
 * The sending and receiving key material of one data-channel key, selected from a {@link Key2}
 * by a {@link KeyDirection} and cut to the negotiated cipher and digest (crypto.c
 * {@code init_key_ctx_bi}, ssl.c {@code init_key_contexts}).
 *
 * <p>Each direction takes, from its own half of the block, the first {@code keyLength} bytes of
 * the cipher part and the first {@code digest length} bytes of the HMAC part. AEAD ciphers use
 * no HMAC; their HMAC part instead supplies the implicit IV: its first
 * {@code ivLength - 4} bytes, which follow the 4-byte packet id in every nonce (ssl.c
 * {@code key_ctx_update_implicit_iv}).
 *
 * @param encrypt what this peer sends with
 * @param decrypt what this peer receives with
 */
public record DataChannelKeys(DirectionKeys encrypt, DirectionKeys decrypt) {

    /** packet_id.h {@code packet_id_type}: the packet id that starts every AEAD nonce is 4 bytes. */
    public static final int PACKET_ID_LENGTH = 4;
    /** crypto.h {@code OPENVPN_AEAD_MIN_IV_LEN}: packet id plus at least 8 implicit bytes. */
    public static final int AEAD_MIN_IV_LENGTH = PACKET_ID_LENGTH + 8;

    public DataChannelKeys {
        Objects.requireNonNull(encrypt, "encrypt");
        Objects.requireNonNull(decrypt, "decrypt");
    }

    /**
     * Selects and cuts the keys.
     *
     * @param auth the {@code auth} digest; ignored for AEAD ciphers, {@code null} for {@code auth none}
     * @throws InvalidKeyException when a cipher key is all zeros, as OpenVPN refuses such a key
     *                             (crypto.c {@code check_key})
     */
    public static DataChannelKeys select(Key2 key2, KeyDirection direction, CipherSpec cipher, DigestSpec auth)
            throws InvalidKeyException {
        Objects.requireNonNull(key2, "key2");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(cipher, "cipher");
        return new DataChannelKeys(
                cut(key2, direction.sendKey(), cipher, auth),
                cut(key2, direction.receiveKey(), cipher, auth));
    }

    /** Zeroes both directions. */
    public void destroy() {
        encrypt.destroy();
        decrypt.destroy();
    }

    private static DirectionKeys cut(Key2 key2, int index, CipherSpec cipher, DigestSpec auth)
            throws InvalidKeyException {
        byte[] cipherKey = cipher.mode() == CipherMode.NONE ? new byte[0] : key2.cipherKey(index, cipher.keyLength());
        if (cipherKey.length > 0 && allZero(cipherKey)) {
            throw new InvalidKeyException("key " + index + " has an all-zero cipher key");
        }
        if (cipher.mode() == CipherMode.AEAD) {
            if (cipher.ivLength() < AEAD_MIN_IV_LENGTH) {
                throw new IllegalArgumentException(cipher.name() + ": an AEAD nonce must be at least "
                        + AEAD_MIN_IV_LENGTH + " bytes");
            }
            byte[] implicitIv = key2.hmacKey(index, cipher.ivLength() - PACKET_ID_LENGTH);
            return new DirectionKeys(cipherKey, new byte[0], implicitIv);
        }
        byte[] hmacKey = auth == null ? new byte[0] : key2.hmacKey(index, auth.length());
        return new DirectionKeys(cipherKey, hmacKey, new byte[0]);
    }

    private static boolean allZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }
}
