package io.sluice.core.wire;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * {@code tls-crypt} (v1) for one session: the body encrypted and authenticated SIV-style with
 * AES-256-CTR and HMAC-SHA256 (draft "Encrypting control channel packets (tls-crypt)";
 * tls_crypt.c {@code tls_crypt_wrap}, {@code tls_crypt_unwrap}; ssl_pkt.c {@code tls_wrap_control},
 * {@code read_control_auth}).
 * <pre>
 * op|kid(1)  own-sid(8)  replay-pid(4)  time(4)  tag(32)  AES-256-CTR(Ke, IV, body)
 * tag = HMAC-SHA256(Ka; op|kid, own-sid, replay-pid, time, body)     (body in plain)
 * IV  = the first 16 bytes of tag                   (tls_crypt.c: "128 most significant bits")
 * </pre>
 * So the same fields under the same packet id always give the same bytes, and the body keeps
 * its length. Receiving, the body is decrypted into a buffer this wrapper owns and reuses, the
 * tag is checked in constant time, then the replay id, as tls_crypt.c does.
 *
 * <p>Made by {@link TlsCryptProtection#newWrapper()}; not thread-safe.
 */
public final class TlsCryptWrapper implements ControlWrapper {

    /** tls_crypt.h {@code TLS_CRYPT_TAG_SIZE}: an HMAC-SHA256. */
    public static final int TAG_LENGTH = 32;
    /** The AES block, the part of the tag used as the CTR IV (tls_crypt.h {@code TLS_CRYPT_BLOCK_SIZE}). */
    public static final int IV_LENGTH = 16;

    private static final int H = WireConstants.CONTROL_HEADER_LENGTH;
    /** Offset of the tag, and length of what the tag authenticates before the body (tls_crypt.h {@code TLS_CRYPT_OFF_TAG}). */
    private static final int OFF_TAG = H + ReplayIds.LENGTH;
    /** Offset of the ciphertext (tls_crypt.h {@code TLS_CRYPT_OFF_CT}). */
    private static final int OFF_CT = OFF_TAG + TAG_LENGTH;

    private final Mac sendMac;
    private final Mac receiveMac;
    private final Cipher cipher;
    private final SecretKey sendKey;
    private final SecretKey receiveKey;
    private final ReplayIds ids;
    private final ByteBuffer plain;
    private final byte[] tag = new byte[TAG_LENGTH];
    private final byte[] computed = new byte[TAG_LENGTH];

    /**
     * @param maxPlaintext the largest body {@link #open} decrypts; longer packets are rejected
     *                     as {@link Reject#OVERSIZE}
     */
    TlsCryptWrapper(Mac sendMac, Mac receiveMac, Cipher cipher, SecretKey sendKey, SecretKey receiveKey,
                    ReplayIds ids, int maxPlaintext) {
        this.sendMac = Objects.requireNonNull(sendMac, "sendMac");
        this.receiveMac = Objects.requireNonNull(receiveMac, "receiveMac");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.sendKey = Objects.requireNonNull(sendKey, "sendKey");
        this.receiveKey = Objects.requireNonNull(receiveKey, "receiveKey");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.plain = ByteBuffer.allocate(maxPlaintext);
    }

    @Override
    public int headroom() {
        return ReplayIds.LENGTH + TAG_LENGTH;
    }

    @Override
    public int tailroom(Opcode opcode) {
        return 0;
    }

    @Override
    public int seal(Opcode opcode, ByteBuffer out, int start, int end) {
        ids.writeNext(out, start + H);
        int body = start + OFF_CT;
        update(sendMac, out, start, start + OFF_TAG);
        update(sendMac, out, body, end);
        finish(sendMac, tag);
        out.put(start + OFF_TAG, tag);
        // In place: CTR keeps the length, and the cipher is copy-safe on one array.
        ctr(cipher, Cipher.ENCRYPT_MODE, sendKey, tag, out, body, end, out, body);
        return end;
    }

    @Override
    public void skipSendIds(int count) {
        ids.skip(count);
    }

    @Override
    public Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < OFF_CT) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        int length = end - start - OFF_CT;
        if (length > plain.capacity()) {
            return Decoded.rejected(Reject.OVERSIZE);
        }
        packet.get(start + OFF_TAG, tag);
        ctr(cipher, Cipher.DECRYPT_MODE, receiveKey, tag, packet, start + OFF_CT, end, plain.clear(), 0);
        plain.limit(length).position(0);
        update(receiveMac, packet, start, start + OFF_TAG);
        update(receiveMac, plain, 0, length);
        finish(receiveMac, computed);
        if (!MessageDigest.isEqual(tag, computed)) {
            return Decoded.rejected(Reject.BAD_AUTHENTICATION);
        }
        if (!ids.accept(packet, start + H)) {
            return Decoded.rejected(Reject.REPLAY);
        }
        return Decoded.ok(plain);
    }

    /**
     * Whether the packet from {@code start} to {@code end} decrypts to a body its tag
     * authenticates, with the fresh {@code mac} and {@code cipher} given; the plaintext goes
     * through a small chunk buffer, never into a buffer as long as the packet. Reads
     * {@code packet} by absolute index only.
     */
    static boolean verify(Mac mac, Cipher cipher, SecretKey key, ByteBuffer packet, int start, int end) {
        if (end - start < OFF_CT) {
            return false;
        }
        byte[] received = new byte[TAG_LENGTH];
        packet.get(start + OFF_TAG, received);
        update(mac, packet, start, start + OFF_TAG);
        ByteBuffer chunk = ByteBuffer.allocate(512);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(received, 0, IV_LENGTH));
            ByteBuffer in = packet.duplicate();
            for (int at = start + OFF_CT; at < end; at += 256) {
                in.limit(Math.min(at + 256, end)).position(at);
                cipher.update(in, chunk.clear());
                mac.update(chunk.flip());
            }
            cipher.doFinal(in.limit(end).position(end), chunk.clear());
            mac.update(chunk.flip());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls-crypt: AES-256-CTR failed", e);
        }
        byte[] expected = new byte[TAG_LENGTH];
        finish(mac, expected);
        return MessageDigest.isEqual(received, expected);
    }

    /** AES-CTR with the IV from {@code tag} over {@code in[from, to)} into {@code out} at {@code at}. */
    private static void ctr(Cipher cipher, int mode, SecretKey key, byte[] tag, ByteBuffer in, int from, int to,
                            ByteBuffer out, int at) {
        try {
            cipher.init(mode, key, new IvParameterSpec(tag, 0, IV_LENGTH));
            cipher.doFinal(in.duplicate().limit(to).position(from),
                    out.duplicate().limit(at + (to - from)).position(at));
        } catch (GeneralSecurityException e) {
            // The key and IV were checked when the protection was made; CTR needs no padding.
            throw new IllegalStateException("tls-crypt: AES-256-CTR failed", e);
        }
    }

    private static void update(Mac mac, ByteBuffer b, int from, int to) {
        if (b.hasArray()) {
            mac.update(b.array(), b.arrayOffset() + from, to - from);
        } else {
            mac.update(b.duplicate().limit(to).position(from));
        }
    }

    private static void finish(Mac mac, byte[] out) {
        try {
            mac.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls-crypt: HMAC-SHA256 failed", e);
        }
    }

    @Override
    public String toString() {
        return "tls-crypt";
    }
}
