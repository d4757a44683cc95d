package io.sluice.api.crypto;

import java.util.Locale;
import java.util.Objects;

/**
 * What a data-channel cipher is, by its OpenVPN name (as {@code openvpn --show-ciphers}
 * prints it, e.g. {@code AES-256-GCM}, {@code BF-CBC}).
 *
 * @param name      OpenVPN's upper-case name
 * @param mode      how it protects a packet
 * @param keyLength key length in bytes
 * @param ivLength  IV (or AEAD nonce) length in bytes, 0 for none
 * @param blockSize block size in bytes, 1 for stream ciphers and AEAD
 * @param tagLength authentication tag length in bytes; 0 unless {@link CipherMode#AEAD}
 */
public record CipherSpec(String name, CipherMode mode, int keyLength, int ivLength, int blockSize, int tagLength) {

    public CipherSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        name = name.toUpperCase(Locale.ROOT);
        if (keyLength < 0 || ivLength < 0 || blockSize < 1 || tagLength < 0) {
            throw new IllegalArgumentException(name + ": lengths must not be negative and blockSize at least 1");
        }
        if ((mode == CipherMode.AEAD) != (tagLength > 0)) {
            throw new IllegalArgumentException(name + ": AEAD ciphers, and only they, have a tag");
        }
    }

    /** True when packets need an HMAC besides the cipher ({@code auth} is used). */
    public boolean needsHmac() {
        return mode != CipherMode.AEAD;
    }
}
