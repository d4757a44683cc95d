package io.sluice.core.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tls-crypt-v2 server key ({@code openvpn --genkey tls-crypt-v2-server}): one OpenVPN
 * {@code struct key}, a 64-byte cipher part then a 64-byte HMAC part, in a PEM block named
 * {@value #PEM_NAME} (tls_crypt.c {@code tls_crypt_v2_init_server_key}). Client keys are
 * wrapped under it with AES-256-CTR keyed by the first 32 bytes of the cipher part (Ke) and
 * HMAC-SHA256 keyed by the first 32 bytes of the HMAC part (Ka), what {@code init_key_ctx}
 * takes for those algorithms.
 *
 * <p>Holds a private copy; never printed.
 */
public final class TlsCryptV2ServerKey {

    /** tls_crypt.c {@code tls_crypt_v2_srv_pem_name}. */
    public static final String PEM_NAME = "OpenVPN tls-crypt-v2 server key";
    /** tls_crypt.h {@code TLS_CRYPT_V2_SERVER_KEY_LEN}: one {@code struct key}. */
    public static final int LENGTH = Key2.KEY_LENGTH;
    /** Bytes of Ke (AES-256) and of Ka (HMAC-SHA256). */
    public static final int PART_LENGTH = 32;

    private final byte[] key;

    private TlsCryptV2ServerKey(byte[] key) {
        this.key = key;
    }

    /** Copies a 128-byte {@code struct key}. */
    public static TlsCryptV2ServerKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("tls-crypt-v2 server key must be " + LENGTH + " bytes, not " + key.length);
        }
        return new TlsCryptV2ServerKey(key.clone());
    }

    /**
     * Reads a server key file's text.
     *
     * @throws IllegalArgumentException when it is not a tls-crypt-v2 server key
     */
    public static TlsCryptV2ServerKey parse(CharSequence text) {
        byte[] raw = PemKeyBlock.decode(PEM_NAME, text);
        try {
            return of(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A new random key. */
    public static TlsCryptV2ServerKey generate(SecureRandom random) {
        byte[] raw = new byte[LENGTH];
        random.nextBytes(raw);
        return new TlsCryptV2ServerKey(raw);
    }

    /** The key file's text, as bytes the caller wipes after writing. */
    public byte[] fileText() {
        return PemKeyBlock.encode(PEM_NAME, key);
    }

    /** Ke: the AES-256-CTR key, copied. */
    public byte[] cipherKey() {
        return Arrays.copyOfRange(key, 0, PART_LENGTH);
    }

    /** Ka: the HMAC-SHA256 key, copied. */
    public byte[] hmacKey() {
        return Arrays.copyOfRange(key, Key2.CIPHER_PART_LENGTH, Key2.CIPHER_PART_LENGTH + PART_LENGTH);
    }

    @Override
    public String toString() {
        return "TlsCryptV2ServerKey[128 bytes]";
    }
}
