package io.sluice.core.tunnel;

import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.core.data.DataChannelCrypto;
import io.sluice.core.data.DataDecryptor;
import io.sluice.core.data.DataEncryptor;
import io.sluice.core.data.DataFraming;
import io.sluice.core.data.IvGenerator;
import io.sluice.core.data.PacketIdSender;
import io.sluice.core.data.ReplayWindow;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.session.KeyState;
import io.sluice.core.time.Clock;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Turns an active key state into the data channel's encryptor and decryptor for one peer,
 * with the cipher the peers agreed on: key block (tls-ekm or PRF), direction, framing, fresh
 * packet ids and replay window. The providers are looked up here, once per key, and the key
 * keeps them for its life.
 *
 * @param cipher       the negotiated data-channel cipher
 * @param auth         the {@code auth} digest for CBC ciphers (ignored for AEAD)
 * @param tlsEkm       derive keys with the TLS exporter ({@code key-derivation tls-ekm}) rather than the PRF
 * @param server       whether this end is the TLS server (decides the key direction)
 * @param replayWindow {@code replay-window} packets and seconds
 */
public record KeyInstaller(String cipher, String auth, boolean tlsEkm, boolean server, int replayWindow,
                           int replaySeconds) {

    public KeyInstaller {
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(auth, "auth");
    }

    /** True for {@code cipher none}. */
    public boolean isNone() {
        return cipher.equalsIgnoreCase("none");
    }

    /**
     * The negotiated cipher's specification, from the providers installed now.
     *
     * @throws IllegalStateException when no installed provider offers the cipher (any more)
     */
    public CipherSpec spec(CryptoProviders providers) {
        return specIfKnown(providers)
                .orElseThrow(() -> new IllegalStateException("no installed provider offers cipher " + cipher));
    }

    private java.util.Optional<CipherSpec> specIfKnown(CryptoProviders providers) {
        return isNone() ? java.util.Optional.of(DataChannelCrypto.CIPHER_NONE) : providers.cipherSpec(cipher);
    }

    /**
     * OpenVPN's line for the negotiated data channel (ssl_ncp.c / crypto.c): the cipher, the
     * {@code auth} digest when the cipher needs one (CBC), the peer id when there is one, and the
     * compression framing when there is one (init.c {@code tls_print_deferred_options_results}):
     * {@code Data Channel: cipher 'BF-CBC', auth 'SHA1', peer-id: 0, compression: 'stub'}.
     */
    public String logLine(CryptoProviders providers, int peerId, io.sluice.config.Compression.Algorithm compression) {
        boolean hmac = specIfKnown(providers).map(CipherSpec::needsHmac).orElse(false);
        // OpenSSL's names for the null cipher and digest, as OpenVPN prints them.
        String cipherName = isNone() ? "[null-cipher]" : cipher;
        String authName = auth.equalsIgnoreCase("none") ? "[null-digest]" : auth;
        return "Data Channel: cipher '" + cipherName + "'" + (hmac ? ", auth '" + authName + "'" : "")
                + (peerId >= 0 ? ", peer-id: " + peerId : "")
                + PayloadSettings.logName(compression).map(n -> ", compression: '" + n + "'").orElse("");
    }

    /**
     * Derives and installs the key's data channel into {@code keys}.
     *
     * @param framing P_DATA_V2 with the peer id, or P_DATA_V1, for packets this end sends
     * @throws GeneralSecurityException when no installed provider offers the cipher (or the digest
     *     the PRF or CBC needs), or the key material is unusable
     */
    public void install(KeyState key, DataFraming framing, DataKeys keys, CryptoProviders providers, Clock clock,
                        SecureRandom random) throws GeneralSecurityException {
        install(key, framing, keys, providers, clock, random, false);
    }

    /**
     * As {@link #install(KeyState, DataFraming, DataKeys, CryptoProviders, Clock, SecureRandom)};
     * with {@code waitForPeer} the new key seals only once the peer sends under it
     * ({@link DataKeys#installWhenPeerSends}), as a client must with an OpenVPN server.
     */
    public void install(KeyState key, DataFraming framing, DataKeys keys, CryptoProviders providers, Clock clock,
                        SecureRandom random, boolean waitForPeer) throws GeneralSecurityException {
        CipherProvider cipherProvider = null;
        CipherSpec cipherSpec = DataChannelCrypto.CIPHER_NONE;
        if (!isNone()) {
            cipherProvider = providers.cipher(cipher)
                    .orElseThrow(() -> new GeneralSecurityException("no installed provider offers cipher " + cipher));
            cipherSpec = cipherProvider.spec(cipher)
                    .orElseThrow(() -> new GeneralSecurityException("no specification for cipher " + cipher));
        }
        DigestSpec authSpec = null;
        DigestProvider authProvider = null;
        if (cipherSpec.needsHmac() && !auth.equalsIgnoreCase("none")) {
            authProvider = providers.digest(auth)
                    .orElseThrow(() -> new GeneralSecurityException("no installed provider offers digest " + auth));
            authSpec = authProvider.spec(auth).orElseThrow();
        }
        // The PRF needs HMAC-MD5 and HMAC-SHA1 (TLS 1.0 PRF), whatever the cipher.
        DigestProvider prf = tlsEkm ? null : providers.digest("MD5")
                .orElseThrow(() -> new GeneralSecurityException("no installed provider offers MD5 for the PRF"));
        Key2 key2 = key.key2(tlsEkm, prf);
        DataChannelKeys dk;
        try {
            dk = DataChannelKeys.select(key2, KeyDirection.forTls(server), cipherSpec, authSpec);
        } finally {
            key2.destroy();
        }
        try {
            IvGenerator ivs = random::nextBytes;
            DataEncryptor encryptor = DataChannelCrypto.encryptor(cipherProvider, authProvider, cipherSpec, authSpec,
                    dk.encrypt(), framing, PacketIdSender.shortForm(), ivs);
            DataFraming receiving = DataFraming.v1(key.keyId()); // a decryptor takes V1 and V2 of its key id
            DataDecryptor decryptor = DataChannelCrypto.decryptor(cipherProvider, authProvider, cipherSpec, authSpec,
                    dk.decrypt(), receiving, new ReplayWindow(replayWindow, replaySeconds, clock));
            if (waitForPeer) {
                keys.installWhenPeerSends(key.keyId(), encryptor, decryptor, clock.nanos());
            } else {
                keys.install(key.keyId(), encryptor, decryptor);
            }
        } finally {
            dk.destroy();
        }
    }
}
