package io.sluice.core.wire;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code tls-crypt file}: every control packet encrypted and authenticated under a static key,
 * which also hides the TLS handshake (certificates) from onlookers; see {@link TlsCryptWrapper}
 * for the layout. Unlike {@code tls-auth} it is not announced in the options string (options.c
 * {@code options_string} adds {@code ,tls-auth} for a tls-auth file only).
 *
 * <p>Keys (tls_crypt.c {@code tls_crypt_init_key}, {@code tls_crypt_kt}): the direction is set
 * by role, not by {@code key-direction}: a TLS server uses {@link KeyDirection#NORMAL} (sends
 * with {@code keys[0]}, receives with {@code keys[1]}), a client {@link KeyDirection#INVERSE}.
 * Ke is the first 32 bytes of a key's cipher part (AES-256), Ka the first 32 bytes of its HMAC
 * part (HMAC-SHA256).
 *
 * <p>Both primitives come from the JDK ({@code javax.crypto}, "AES/CTR/NoPadding" and
 * "HmacSHA256"), not from the installed cipher and digest providers: tls-crypt fixes them
 * (tls_crypt.c asks for exactly AES-256-CTR and SHA256, whatever {@code cipher} and
 * {@code auth} say), the provider API has no CTR mode, and taking both from one place keeps
 * the pair together under whatever JCA configuration the JVM runs with.
 *
 * <p>Immutable and thread-safe; it keeps the four keys.
 */
public final class TlsCryptProtection implements ControlProtection {

    /** JCA name of the cipher: AES-256-CTR (tls_crypt.c {@code tls_crypt_kt}). */
    static final String CIPHER = "AES/CTR/NoPadding";
    /** JCA name of the HMAC: HMAC-SHA256. */
    static final String MAC = "HmacSHA256";
    /** Bytes of Ke (AES-256) and of Ka (HMAC-SHA256). */
    public static final int KEY_LENGTH = 32;

    private final SecretKey sendCipherKey;
    private final SecretKey receiveCipherKey;
    private final SecretKey sendMacKey;
    private final SecretKey receiveMacKey;
    private final int maxPlaintext;
    private final ControlReplay replay;

    /**
     * @param server true for the TLS server, which uses direction {@link KeyDirection#NORMAL}
     * @param limits the codec's limits: a session decrypts bodies up to what fits in their
     *               largest packet
     * @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256
     */
    public TlsCryptProtection(Key2 key, boolean server, ControlLimits limits, ControlReplay replay)
            throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limits, "limits");
        this.replay = Objects.requireNonNull(replay, "replay");
        KeyDirection direction = direction(server);
        this.sendCipherKey = new SecretKeySpec(key.cipherKey(direction.sendKey(), KEY_LENGTH), "AES");
        this.receiveCipherKey = new SecretKeySpec(key.cipherKey(direction.receiveKey(), KEY_LENGTH), "AES");
        this.sendMacKey = new SecretKeySpec(key.hmacKey(direction.sendKey(), KEY_LENGTH), MAC);
        this.receiveMacKey = new SecretKeySpec(key.hmacKey(direction.receiveKey(), KEY_LENGTH), MAC);
        this.maxPlaintext = limits.maxPacketLength() - WireConstants.CONTROL_HEADER_LENGTH
                - ReplayIds.LENGTH - TlsCryptWrapper.TAG_LENGTH;
        // Fail now, not at the first session, if the JVM lacks either primitive.
        mac(sendMacKey);
        Cipher.getInstance(CIPHER).init(Cipher.ENCRYPT_MODE, sendCipherKey,
                new IvParameterSpec(new byte[TlsCryptWrapper.IV_LENGTH]));
    }

    /** The key direction tls-crypt gives a role: server {@link KeyDirection#NORMAL}, client {@link KeyDirection#INVERSE}. */
    public static KeyDirection direction(boolean server) {
        return server ? KeyDirection.NORMAL : KeyDirection.INVERSE;
    }

    @Override
    public String name() {
        return "tls-crypt";
    }

    /** @throws IllegalStateException if the JVM no longer makes what it made at construction */
    @Override
    public TlsCryptWrapper newWrapper() {
        try {
            return new TlsCryptWrapper(mac(sendMacKey), mac(receiveMacKey), Cipher.getInstance(CIPHER),
                    sendCipherKey, receiveCipherKey, new ReplayIds(replay), maxPlaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls-crypt: " + e.getMessage(), e);
        }
    }

    /** A wrapper whose replay packet ids start at {@code firstSendId} (tls-crypt-v2's early negotiation). */
    TlsCryptWrapper newWrapper(long firstSendId) {
        try {
            return new TlsCryptWrapper(mac(sendMacKey), mac(receiveMacKey), Cipher.getInstance(CIPHER),
                    sendCipherKey, receiveCipherKey, new ReplayIds(replay, firstSendId), maxPlaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls-crypt: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean authenticates(Opcode opcode, ByteBuffer packet) {
        try {
            return TlsCryptWrapper.verify(mac(receiveMacKey), Cipher.getInstance(CIPHER), receiveCipherKey,
                    packet, packet.position(), packet.limit());
        } catch (GeneralSecurityException e) {
            return false; // the JVM's providers changed: nothing can be authenticated any more
        }
    }

    @Override
    public boolean announcedInOptionsString() {
        return false;
    }

    private static Mac mac(SecretKey key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(MAC);
        mac.init(key);
        return mac;
    }

    @Override
    public String toString() {
        return "tls-crypt";
    }
}
