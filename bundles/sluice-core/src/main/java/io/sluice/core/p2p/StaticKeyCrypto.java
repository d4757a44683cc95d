package io.sluice.core.p2p;

import io.sluice.api.crypto.CipherMode;
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
import io.sluice.core.time.Clock;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The algorithms and keys of a static-key tunnel (init.c {@code do_init_crypto_static}, crypto.c
 * {@code init_key_type}, {@code crypto_read_openvpn_key}): the cipher (CBC, or {@code none}) and
 * the {@code auth} digest (or {@code none}) from the installed providers, and the two keys the
 * file's direction selects. It makes a fresh {@link StaticKeyChannel} for every (re)start, as
 * OpenVPN starts new packet ids and a new replay window after each restart.
 */
public final class StaticKeyCrypto {

    /** {@code cipher none}: no provider involved. */
    static final CipherSpec CIPHER_NONE = DataChannelCrypto.CIPHER_NONE;
    /** crypto.c's name for the key pair in its start lines. */
    private static final String KEY_NAME = "Static Key Encryption";

    private final CipherSpec cipher;
    private final CipherProvider cipherProvider;
    private final DigestSpec auth;
    private final DigestProvider authProvider;
    private final DataChannelKeys keys;

    private StaticKeyCrypto(CipherSpec cipher, CipherProvider cipherProvider, DigestSpec auth,
                            DigestProvider authProvider, DataChannelKeys keys) {
        this.cipher = cipher;
        this.cipherProvider = cipherProvider;
        this.auth = auth;
        this.authProvider = authProvider;
        this.keys = keys;
    }

    /**
     * Resolves the algorithms and cuts the keys.
     *
     * @throws GeneralSecurityException when no installed provider offers the cipher or digest, the
     *     cipher is not CBC (OpenVPN: "Cipher '...' mode not supported" outside TLS mode), or a
     *     selected cipher key is all zeros
     */
    public static StaticKeyCrypto create(Key2 key, KeyDirection direction, String cipherName, String authName,
                                         CryptoProviders providers) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(providers, "providers");
        CipherSpec cipher = CIPHER_NONE;
        CipherProvider cipherProvider = null;
        if (!isNone(cipherName)) {
            cipherProvider = providers.cipher(cipherName).orElseThrow(() -> new GeneralSecurityException(
                    "Cipher " + cipherName + " not supported: no installed provider offers it"));
            cipher = cipherProvider.spec(cipherName).orElseThrow(() -> new GeneralSecurityException(
                    "Cipher " + cipherName + " not supported"));
            if (cipher.mode() != CipherMode.CBC) {
                throw new GeneralSecurityException("Cipher '" + cipher.name() + "' mode not supported"
                        + " (static-key mode takes CBC ciphers or none)");
            }
        }
        DigestSpec auth = null;
        DigestProvider authProvider = null;
        if (!isNone(authName)) {
            authProvider = providers.digest(authName).orElseThrow(() -> new GeneralSecurityException(
                    "Message hash algorithm '" + authName + "' not found: no installed provider offers it"));
            auth = authProvider.spec(authName).orElseThrow(() -> new GeneralSecurityException(
                    "Message hash algorithm '" + authName + "' not found"));
        }
        return new StaticKeyCrypto(cipher, cipherProvider, auth, authProvider,
                DataChannelKeys.select(key, direction, cipher, auth));
    }

    /** Whether an algorithm name means OpenVPN's {@code none}. */
    static boolean isNone(String name) {
        return name.toLowerCase(Locale.ROOT).equals("none");
    }

    /** The cipher; mode {@link CipherMode#NONE} for {@code cipher none}. */
    public CipherSpec cipher() {
        return cipher;
    }

    /** The HMAC digest, empty for {@code auth none}. */
    public Optional<DigestSpec> auth() {
        return Optional.ofNullable(auth);
    }

    /** The keys this end sends and receives with. */
    DataChannelKeys keys() {
        return keys;
    }

    /**
     * A new data channel: packet ids from 1 under a new timestamp, an empty replay window.
     *
     * @param clock     the engine's monotonic clock, for the replay window's time limit
     * @param wallClock calendar time, for the packet ids' timestamp
     * @param replay    the replay window's packets and seconds
     */
    public StaticKeyChannel newChannel(Clock clock, InstantSource wallClock, IvGenerator ivs, int replayWindow,
                                       int replaySeconds) throws GeneralSecurityException {
        DataEncryptor encryptor = DataChannelCrypto.encryptor(cipherProvider, authProvider, cipher, auth,
                keys.encrypt(), DataFraming.staticKey(), PacketIdSender.longForm(wallClock), ivs);
        try {
            DataDecryptor decryptor = DataChannelCrypto.decryptor(cipherProvider, authProvider, cipher, auth,
                    keys.decrypt(), DataFraming.staticKey(), new ReplayWindow(replayWindow, replaySeconds, clock));
            return new StaticKeyChannel(encryptor, decryptor);
        } catch (GeneralSecurityException | RuntimeException e) {
            encryptor.close();
            throw e;
        }
    }

    /** What OpenVPN 2.6 logs as it keys the two directions, in its words (crypto.c {@code init_key_ctx}). */
    public List<String> startLines() {
        List<String> lines = new ArrayList<>();
        for (String way : List.of("Outgoing ", "Incoming ")) {
            if (cipher.mode() != CipherMode.NONE) {
                lines.add(way + KEY_NAME + ": Cipher '" + cipher.name() + "' initialized with "
                        + cipher.keyLength() * 8 + " bit key");
            }
            if (auth != null) {
                lines.add(way + KEY_NAME + ": Using " + auth.length() * 8 + " bit message hash '" + auth.name()
                        + "' for HMAC authentication");
            }
        }
        return lines;
    }

    /** OpenVPN's warnings for {@code cipher none} and {@code auth none} (crypto.c {@code init_key_type}). */
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (cipher.mode() == CipherMode.NONE) {
            lines.add("******* WARNING *******: '--cipher none' was specified. This means NO encryption will be "
                    + "performed and tunnelled data WILL be transmitted in clear text over the network! "
                    + "PLEASE DO RECONSIDER THIS SETTING!");
        }
        if (auth == null) {
            lines.add("******* WARNING *******: '--auth none' was specified. This means no authentication will be "
                    + "performed on received packets, meaning you CANNOT trust that the data received by the "
                    + "remote side have NOT been manipulated. PLEASE DO RECONSIDER THIS SETTING!");
        }
        return lines;
    }

    /** Forgets the keys. */
    public void destroy() {
        keys.destroy();
    }
}
