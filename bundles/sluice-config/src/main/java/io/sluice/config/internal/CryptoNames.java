package io.sluice.config.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data-channel cipher and HMAC digest names OpenVPN 2.6 accepts (with OpenSSL 3 and its legacy
 * provider), kept as Sluice's own table. Lookup is case-insensitive, as OpenSSL's is; a few common
 * OpenSSL aliases map to their canonical name.
 */
public final class CryptoNames {

    private CryptoNames() {
    }

    /** OpenVPN's limit on the normalised --data-ciphers string. */
    public static final int MAX_DATA_CIPHERS_LENGTH = 127;

    private static final Set<String> CIPHERS = Set.of(
            // AES
            "AES-128-CBC", "AES-128-CFB", "AES-128-CFB1", "AES-128-CFB8", "AES-128-GCM", "AES-128-OFB",
            "AES-192-CBC", "AES-192-CFB", "AES-192-CFB1", "AES-192-CFB8", "AES-192-GCM", "AES-192-OFB",
            "AES-256-CBC", "AES-256-CFB", "AES-256-CFB1", "AES-256-CFB8", "AES-256-GCM", "AES-256-OFB",
            // ARIA
            "ARIA-128-CBC", "ARIA-128-CFB", "ARIA-128-CFB1", "ARIA-128-CFB8", "ARIA-128-GCM", "ARIA-128-OFB",
            "ARIA-192-CBC", "ARIA-192-CFB", "ARIA-192-CFB1", "ARIA-192-CFB8", "ARIA-192-GCM", "ARIA-192-OFB",
            "ARIA-256-CBC", "ARIA-256-CFB", "ARIA-256-CFB1", "ARIA-256-CFB8", "ARIA-256-GCM", "ARIA-256-OFB",
            // Camellia
            "CAMELLIA-128-CBC", "CAMELLIA-128-CFB", "CAMELLIA-128-CFB1", "CAMELLIA-128-CFB8", "CAMELLIA-128-OFB",
            "CAMELLIA-192-CBC", "CAMELLIA-192-CFB", "CAMELLIA-192-CFB1", "CAMELLIA-192-CFB8", "CAMELLIA-192-OFB",
            "CAMELLIA-256-CBC", "CAMELLIA-256-CFB", "CAMELLIA-256-CFB1", "CAMELLIA-256-CFB8", "CAMELLIA-256-OFB",
            // others in the default provider
            "CHACHA20-POLY1305", "SM4-CBC", "SM4-CFB", "SM4-OFB",
            // 64-bit block ciphers (deprecated by OpenVPN, still accepted)
            "DES-EDE-CBC", "DES-EDE-CFB", "DES-EDE-OFB",
            "DES-EDE3-CBC", "DES-EDE3-CFB", "DES-EDE3-CFB1", "DES-EDE3-CFB8", "DES-EDE3-OFB",
            // OpenSSL legacy provider
            "BF-CBC", "BF-CFB", "BF-OFB", "CAST5-CBC", "CAST5-CFB", "CAST5-OFB",
            "DES-CBC", "DES-CFB", "DES-CFB1", "DES-CFB8", "DES-OFB", "DESX-CBC",
            "IDEA-CBC", "IDEA-CFB", "IDEA-OFB", "RC2-CBC", "RC2-40-CBC", "RC2-64-CBC", "RC2-CFB", "RC2-OFB",
            "SEED-CBC", "SEED-CFB", "SEED-OFB");

    private static final Map<String, String> CIPHER_ALIASES = Map.of(
            "AES128", "AES-128-CBC", "AES192", "AES-192-CBC", "AES256", "AES-256-CBC",
            "BF", "BF-CBC", "BLOWFISH", "BF-CBC", "CAST", "CAST5-CBC", "CAST-CBC", "CAST5-CBC",
            "DES", "DES-CBC", "DES3", "DES-EDE3-CBC", "CHACHA20-POLY1305", "CHACHA20-POLY1305");

    private static final Set<String> DIGESTS = Set.of(
            "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA512-224", "SHA512-256",
            "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512", "SHAKE128", "SHAKE256",
            "BLAKE2S256", "BLAKE2B512", "SM3", "MD5", "MD5-SHA1", "RIPEMD160",
            "KECCAK-KMAC-128", "KECCAK-KMAC-256", "NULL",
            // OpenSSL legacy provider
            "MD4", "MDC2", "WHIRLPOOL");

    private static final Map<String, String> DIGEST_ALIASES = new TreeMap<>(Map.of(
            "SHA-1", "SHA1", "SHA-224", "SHA224", "SHA-256", "SHA256", "SHA-384", "SHA384",
            "SHA-512", "SHA512", "SHA2-224", "SHA224", "SHA2-256", "SHA256", "SHA2-384", "SHA384",
            "SHA2-512", "SHA512"));

    static {
        DIGEST_ALIASES.put("RIPEMD-160", "RIPEMD160");
        DIGEST_ALIASES.put("RMD160", "RIPEMD160");
        DIGEST_ALIASES.put("RIPEMD", "RIPEMD160");
    }

    /**
     * The canonical (upper-case) name of a data-channel cipher, {@code none} for the null cipher,
     * or empty if OpenVPN 2.6 would not accept it.
     */
    public static Optional<String> cipher(String name) {
        if (name.equalsIgnoreCase("none")) {
            return Optional.of("none");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (CIPHERS.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(CIPHER_ALIASES.get(upper));
    }

    /** Whether the cipher is an AEAD cipher (GCM or ChaCha20-Poly1305). */
    public static boolean isAead(String canonical) {
        return canonical.endsWith("-GCM") || canonical.equals("CHACHA20-POLY1305");
    }

    /**
     * The canonical name of an HMAC digest, {@code none}, or empty if OpenVPN 2.6 would not accept
     * it.
     */
    public static Optional<String> digest(String name) {
        if (name.equalsIgnoreCase("none")) {
            return Optional.of("none");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (DIGESTS.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(DIGEST_ALIASES.get(upper));
    }
}
