package io.sluice.core.wire;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * {@code tls-auth file [direction]}: every control packet carries an HMAC with the {@code auth}
 * digest (default SHA1) under a static key, so a peer without the key is dropped before any TLS
 * work; see {@link TlsAuthWrapper} for the layout.
 *
 * <p>Keys (init.c {@code do_init_tls_wrap_key}: cipher {@code none}, digest {@code authname};
 * crypto.c {@code init_key_ctx}, {@code key_direction_state_init}): the first digest-length bytes
 * of the HMAC part of {@code keys[direction.sendKey()]} sign, those of
 * {@code keys[direction.receiveKey()]} verify. The direction is the option's ({@code 0} is
 * {@link KeyDirection#NORMAL}, {@code 1} {@link KeyDirection#INVERSE}, none
 * {@link KeyDirection#BIDIRECTIONAL}), so the two peers give opposite ones or both none.
 *
 * <p>The HMAC comes from the installed {@link DigestProvider}, like the data channel's
 * {@code auth}, so a restricted provider set restricts tls-auth too. Immutable and thread-safe;
 * it keeps a copy of the two HMAC keys.
 */
public final class TlsAuthProtection implements ControlProtection {

    private final DigestProvider digests;
    private final DigestSpec digest;
    private final byte[] sendKey;
    private final byte[] receiveKey;
    private final ControlReplay replay;

    /**
     * @param digest  the {@code auth} digest's OpenVPN name, e.g. {@code SHA1} or {@code SHA256}
     * @param digests the provider offering it
     * @throws NoSuchAlgorithmException when {@code digests} is null or does not offer {@code digest}
     * @throws GeneralSecurityException when the provider cannot make an HMAC with it
     */
    public TlsAuthProtection(Key2 key, KeyDirection direction, String digest, DigestProvider digests,
                             ControlReplay replay) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(digest, "digest");
        this.replay = Objects.requireNonNull(replay, "replay");
        if (digests == null) {
            throw new NoSuchAlgorithmException("tls-auth: no installed provider offers digest " + digest);
        }
        this.digests = digests;
        this.digest = digests.spec(digest).orElseThrow(
                () -> new NoSuchAlgorithmException("tls-auth: no installed provider offers digest " + digest));
        if (this.digest.length() > Key2.HMAC_PART_LENGTH) {
            throw new IllegalArgumentException("tls-auth: digest " + digest + " is longer than a key's HMAC part");
        }
        this.sendKey = key.hmacKey(direction.sendKey(), this.digest.length());
        this.receiveKey = key.hmacKey(direction.receiveKey(), this.digest.length());
        // Fail now, not at the first session, if the provider cannot key this HMAC.
        digests.createHmac(this.digest.name(), receiveKey).close();
    }

    @Override
    public String name() {
        return "tls-auth";
    }

    /** The digest the HMAC uses. */
    public DigestSpec digest() {
        return digest;
    }

    /** @throws IllegalStateException if the provider no longer makes the HMAC it made at construction */
    @Override
    public TlsAuthWrapper newWrapper() {
        HmacContext send = hmac(sendKey);
        try {
            return new TlsAuthWrapper(send, hmac(receiveKey), new ReplayIds(replay));
        } catch (RuntimeException e) {
            send.close();
            throw e;
        }
    }

    @Override
    public boolean authenticates(Opcode opcode, ByteBuffer packet) {
        HmacContext hmac;
        try {
            hmac = digests.createHmac(digest.name(), receiveKey);
        } catch (GeneralSecurityException e) {
            return false; // the provider went away: nothing can be authenticated any more
        }
        try (hmac) {
            int length = digest.length();
            return TlsAuthWrapper.verify(hmac, packet, packet.position(), packet.limit(),
                    new byte[length], new byte[length]);
        }
    }

    @Override
    public boolean announcedInOptionsString() {
        return true;
    }

    private HmacContext hmac(byte[] key) {
        try {
            return digests.createHmac(digest.name(), key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls-auth: provider no longer makes HMAC-" + digest.name(), e);
        }
    }

    @Override
    public String toString() {
        return "tls-auth " + digest.name();
    }
}
