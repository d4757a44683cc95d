package io.sluice.crypto.jce;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * A data-channel cipher this bundle can offer: its OpenVPN name and lengths, and how JCE
 * provides it.
 *
 * @param spec           what OpenVPN calls it and its lengths
 * @param transformation the JCE transformation; CBC is asked for without padding because
 *                       {@link CbcContext} pads itself (SunJCE's padded CBC copies every packet)
 * @param keyAlgorithm   the JCE key algorithm
 * @param construction   which context runs it
 */
record JceCipher(CipherSpec spec, String transformation, String keyAlgorithm, Construction construction) {

    /** How a packet is built from the cipher, hence which context class and IV parameters. */
    enum Construction {
        /** AES in Galois/Counter Mode, NIST SP 800-38D. */
        GCM,
        /** ChaCha20 and Poly1305, RFC 8439 section 2.8. */
        CHACHA20_POLY1305,
        /** AES in cipher block chaining mode, NIST SP 800-38A section 6.2, PKCS#7-padded. */
        CBC;

        /** The JCE parameters for one packet; allocates the spec and its copy of the IV. */
        AlgorithmParameterSpec parameters(byte[] iv, int tagLength) {
            return this == GCM ? new GCMParameterSpec(tagLength * Byte.SIZE, iv) : new IvParameterSpec(iv);
        }
    }

    /** AES's block, FIPS 197 section 3.1: the CBC IV and padding unit. */
    static final int AES_BLOCK = 16;
    /** The AEAD nonce OpenVPN builds: a 4-byte packet ID and an 8-byte implicit IV (RFC 5116 section 3.2 length). */
    static final int AEAD_NONCE = 12;
    /** The full tag of GCM (SP 800-38D section 5.2.1.2) and Poly1305 (RFC 8439 section 2.5); OpenVPN never truncates it. */
    static final int AEAD_TAG = 16;

    /**
     * Every cipher this bundle knows, in the order they are advertised. Names and key lengths are
     * those {@code openvpn --show-ciphers} prints. AEAD block size is 1 as the API defines it:
     * the ciphertext is as long as the plaintext.
     */
    static final List<JceCipher> ALL = List.of(
            gcm("AES-128-GCM", 16),
            gcm("AES-192-GCM", 24),
            gcm("AES-256-GCM", 32),
            new JceCipher(new CipherSpec("CHACHA20-POLY1305", CipherMode.AEAD, 32, AEAD_NONCE, 1, AEAD_TAG),
                    "ChaCha20-Poly1305", "ChaCha20", Construction.CHACHA20_POLY1305),
            cbc("AES-128-CBC", 16),
            cbc("AES-192-CBC", 24),
            cbc("AES-256-CBC", 32));

    private static JceCipher gcm(String name, int keyLength) {
        return new JceCipher(new CipherSpec(name, CipherMode.AEAD, keyLength, AEAD_NONCE, 1, AEAD_TAG),
                "AES/GCM/NoPadding", "AES", Construction.GCM);
    }

    private static JceCipher cbc(String name, int keyLength) {
        return new JceCipher(new CipherSpec(name, CipherMode.CBC, keyLength, AES_BLOCK, AES_BLOCK, 0),
                "AES/CBC/NoPadding", "AES", Construction.CBC);
    }

    /**
     * A context for one direction of one key.
     *
     * @throws InvalidKeyException when the key is not exactly {@link CipherSpec#keyLength()} bytes
     *         (AES would otherwise quietly become AES-256 when given 32 bytes for AES-128), or
     *         longer than the JDK's crypto policy allows
     */
    CipherContext newContext(byte[] key, boolean encrypt) throws GeneralSecurityException {
        if (key.length != spec.keyLength()) {
            throw new InvalidKeyException(spec.name() + " needs a " + spec.keyLength() + "-byte key, got "
                    + key.length + " bytes");
        }
        int allowedBits = Cipher.getMaxAllowedKeyLength(transformation);
        if (key.length * Byte.SIZE > allowedBits) {
            throw new InvalidKeyException(spec.name() + ": the JDK's crypto policy allows keys of at most "
                    + allowedBits + " bits");
        }
        Cipher cipher = Cipher.getInstance(transformation);
        WipeableKey wipeable = new WipeableKey(key, keyAlgorithm);
        return construction == Construction.CBC
                ? new CbcContext(spec, cipher, wipeable, encrypt)
                : new AeadContext(spec, construction, cipher, wipeable, encrypt);
    }
}
