package io.sluice.core.data;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.time.Clock;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * {@code --test-crypto}: OpenVPN's loopback self-test (crypto.c {@code test_crypto}). Packets of
 * every length from 1 byte up to the tunnel MTU are sealed and opened again with one static key,
 * and must come back unchanged. The key is used without a direction, so that what one side
 * seals the same side opens. CBC ciphers and {@code none} run in static-key framing, AEAD
 * ciphers in the TLS data channel's P_DATA_V2 framing, each with the installed providers.
 */
public final class LoopbackSelfTest {

    /** One cipher's outcome. */
    public record Result(String cipher, boolean passed, String detail) {
    }

    private LoopbackSelfTest() {
    }

    /**
     * Runs the test for one cipher.
     *
     * @param perPacket told each length before it is tested (OpenVPN logs every one)
     */
    public static Result run(Key2 key, String cipherName, String authName, CryptoProviders providers, int maxLength,
                             IntConsumer perPacket) {
        try {
            CipherSpec cipher = cipherName.toLowerCase(Locale.ROOT).equals("none")
                    ? DataChannelCrypto.CIPHER_NONE
                    : providers.cipherSpec(cipherName).orElseThrow(() -> new GeneralSecurityException(
                            "no installed provider offers cipher " + cipherName));
            CipherProvider ciphers = cipher.mode() == CipherMode.NONE ? null : providers.cipher(cipherName).orElseThrow();
            boolean hmac = cipher.mode() != CipherMode.AEAD && !authName.equalsIgnoreCase("none");
            DigestSpec auth = hmac ? providers.digestSpec(authName).orElseThrow(() -> new GeneralSecurityException(
                    "no installed provider offers digest " + authName)) : null;
            DigestProvider digests = hmac ? providers.digest(authName).orElseThrow() : null;
            DataChannelKeys keys = DataChannelKeys.select(key, KeyDirection.BIDIRECTIONAL, cipher, auth);
            boolean aead = cipher.mode() == CipherMode.AEAD;
            DataFraming framing = aead ? DataFraming.v2(0, 0) : DataFraming.staticKey();
            SecureRandom random = new SecureRandom();
            PacketIdSender ids = aead ? PacketIdSender.shortForm() : PacketIdSender.longForm(InstantSource.system());
            ReplayWindow replay = ReplayWindow.withDefaults(Clock.system());
            try (DataEncryptor enc = DataChannelCrypto.encryptor(ciphers, digests, cipher, auth, keys.encrypt(),
                         framing, ids, random::nextBytes);
                 DataDecryptor dec = DataChannelCrypto.decryptor(ciphers, digests, cipher, auth, keys.decrypt(),
                         framing, replay)) {
                ByteBuffer plain = ByteBuffer.allocate(maxLength);
                ByteBuffer sealed = ByteBuffer.allocate(maxLength + 512);
                ByteBuffer opened = ByteBuffer.allocate(maxLength + 512);
                byte[] sent = new byte[maxLength];
                for (int length = 1; length <= maxLength; length++) {
                    perPacket.accept(length);
                    random.nextBytes(sent);
                    plain.clear();
                    plain.put(sent, 0, length).flip();
                    sealed.clear();
                    EncryptStatus e = enc.encrypt(plain, sealed);
                    if (e != EncryptStatus.OK) {
                        return new Result(cipher.name(), false, "encrypting " + length + " bytes: " + e);
                    }
                    sealed.flip();
                    opened.clear();
                    DecryptStatus d = dec.decrypt(sealed, opened);
                    if (d != DecryptStatus.OK) {
                        return new Result(cipher.name(), false, "decrypting " + length + " bytes: " + d);
                    }
                    opened.flip();
                    byte[] back = new byte[opened.remaining()];
                    opened.get(back);
                    if (!Arrays.equals(back, Arrays.copyOf(sent, length))) {
                        return new Result(cipher.name(), false, "packet of " + length + " bytes came back changed");
                    }
                }
            }
            return new Result(cipher.name(), true, Optional.ofNullable(auth).map(a -> "auth " + a.name())
                    .orElse(aead ? "AEAD" : "auth none"));
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Result(cipherName, false, String.valueOf(e.getMessage()));
        }
    }
}
