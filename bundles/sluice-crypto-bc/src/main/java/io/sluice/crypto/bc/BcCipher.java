package io.sluice.crypto.bc;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import java.security.InvalidKeyException;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.DESedeEngine;

/**
 * A data-channel cipher this bundle offers: its OpenVPN name and lengths, and the Bouncy Castle
 * block cipher behind it.
 *
 * @param spec   what OpenVPN calls it and its lengths
 * @param engine makes a new, unkeyed block cipher; called once per context, never per packet
 */
record BcCipher(CipherSpec spec, Supplier<BlockCipher> engine) {

    /** Blowfish: OpenVPN's long-standing default {@code cipher}, and RouterOS's {@code blowfish128}. */
    static final String BF_CBC = "BF-CBC";
    /** Three-key triple DES, encrypt-decrypt-encrypt (NIST SP 800-67). */
    static final String DES_EDE3_CBC = "DES-EDE3-CBC";
    /** CAST-128 (RFC 2144) with a 128-bit key, hence its 16 rounds. */
    static final String CAST5_CBC = "CAST5-CBC";

    /** The block of all three ciphers, 64 bits: also their CBC IV and PKCS#7 padding unit. */
    static final int BLOCK = 8;

    /**
     * Every cipher this bundle offers, in the order they are advertised. The key lengths are
     * those OpenVPN 2.6 uses and prints ({@code openvpn --providers legacy default --show-ciphers}:
     * "BF-CBC (128 bit key, 64 bit block)", "DES-EDE3-CBC (192 bit key, 64 bit block)",
     * "CAST5-CBC (128 bit key, 64 bit block)"). Blowfish and CAST5 take other key lengths too;
     * OpenVPN never uses them, so neither does this table.
     */
    static final List<BcCipher> ALL = List.of(
            cbc(BF_CBC, 16, BlowfishEngine::new),
            cbc(DES_EDE3_CBC, 24, DESedeEngine::new),
            cbc(CAST5_CBC, 16, CAST5Engine::new));

    private static BcCipher cbc(String name, int keyLength, Supplier<BlockCipher> engine) {
        return new BcCipher(new CipherSpec(name, CipherMode.CBC, keyLength, BLOCK, BLOCK, 0), engine);
    }

    /**
     * A context for one direction of one key.
     *
     * @throws InvalidKeyException when the key is not exactly {@link CipherSpec#keyLength()} bytes:
     *         each engine would otherwise quietly run a different cipher (Blowfish and CAST5 with
     *         a shorter key, DESede as two-key triple DES when given 16 bytes)
     */
    CipherContext newContext(byte[] key, boolean encrypt) throws InvalidKeyException {
        if (key.length != spec.keyLength()) {
            throw new InvalidKeyException(spec.name() + " needs a " + spec.keyLength() + "-byte key, got "
                    + key.length + " bytes");
        }
        return new BcCbcContext(spec, engine.get(), key, encrypt);
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
