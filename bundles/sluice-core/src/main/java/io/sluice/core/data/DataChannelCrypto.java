package io.sluice.core.data;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
import io.sluice.core.keys.DirectionKeys;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Makes the encryptor or decryptor for one direction of one data-channel key, keying one fresh
 * cipher context (and HMAC context, for CBC) from the providers.
 *
 * <p>Supported: AEAD ciphers (AES-GCM, ChaCha20-Poly1305) with V1/V2 framing, CBC ciphers
 * with or without an HMAC in any framing, and {@code cipher none} (a spec of mode
 * {@link io.sluice.api.crypto.CipherMode#NONE}, {@link #CIPHER_NONE}; no cipher provider is asked) in static-key
 * and TLS framing. CFB/OFB are refused.
 */
public final class DataChannelCrypto {

    /** {@code cipher none}: no cipher provider is involved; packets travel in clear with their HMAC. */
    public static final CipherSpec CIPHER_NONE = new CipherSpec("none", CipherMode.NONE, 0, 0, 1, 0);

    private DataChannelCrypto() {
    }

    /**
     * @param auth the {@code auth} digest for CBC ({@code null} for {@code auth none}); ignored for AEAD
     * @param ivs  random IVs for CBC; ignored for AEAD
     */
    public static DataEncryptor encryptor(CipherProvider ciphers, DigestProvider digests, CipherSpec cipher,
                                          DigestSpec auth, DirectionKeys keys, DataFraming framing,
                                          PacketIdSender ids, IvGenerator ivs) throws GeneralSecurityException {
        Objects.requireNonNull(keys, "keys");
        if (cipher.mode() == CipherMode.NONE) {
            return new PlainEncryptor(hmac(digests, auth, keys, null), framing, ids);
        }
        Objects.requireNonNull(ciphers, "ciphers");
        return switch (cipher.mode()) {
            case AEAD -> new AeadEncryptor(ciphers.create(cipher.name(), keys.cipherKey(), true),
                    keys.implicitIv(), framing, ids);
            case CBC -> {
                CipherContext context = ciphers.create(cipher.name(), keys.cipherKey(), true);
                yield new CbcHmacEncryptor(context, hmac(digests, auth, keys, context), framing, ids, ivs);
            }
            default -> throw new GeneralSecurityException(cipher.name() + ": " + cipher.mode()
                    + " data channels are not supported");
        };
    }

    /** @param auth as for {@link #encryptor} */
    public static DataDecryptor decryptor(CipherProvider ciphers, DigestProvider digests, CipherSpec cipher,
                                          DigestSpec auth, DirectionKeys keys, DataFraming framing,
                                          ReplayWindow replay) throws GeneralSecurityException {
        Objects.requireNonNull(keys, "keys");
        if (cipher.mode() == CipherMode.NONE) {
            return new PlainDecryptor(hmac(digests, auth, keys, null), framing, replay);
        }
        Objects.requireNonNull(ciphers, "ciphers");
        return switch (cipher.mode()) {
            case AEAD -> new AeadDecryptor(ciphers.create(cipher.name(), keys.cipherKey(), false),
                    keys.implicitIv(), framing, replay);
            case CBC -> {
                CipherContext context = ciphers.create(cipher.name(), keys.cipherKey(), false);
                yield new CbcHmacDecryptor(context, hmac(digests, auth, keys, context), framing, replay);
            }
            default -> throw new GeneralSecurityException(cipher.name() + ": " + cipher.mode()
                    + " data channels are not supported");
        };
    }

    private static HmacContext hmac(DigestProvider digests, DigestSpec auth, DirectionKeys keys,
                                    CipherContext context) throws GeneralSecurityException {
        if (auth == null) {
            return null;
        }
        try {
            return Objects.requireNonNull(digests, "digests").createHmac(auth.name(), keys.hmacKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            if (context != null) {
                context.close();
            }
            throw e;
        }
    }
}
