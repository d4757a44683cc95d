package io.sluice.core.wire;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A minimal tls-crypt wrapper (AES-256-CTR, HMAC-SHA256, SIV-style: the tag is the HMAC of the
 * plaintext and its first 16 bytes are the IV) for tests only, without the tls-crypt-v2 wrapped
 * key handling. It proves the {@link ControlWrapper} seam fits tls-crypt: the body is encrypted
 * in place after the header, the replay id and tag go in the headroom. The real tls-crypt
 * (v1) one is {@link TlsCryptWrapper}.
 */
final class TestTlsCryptWrapper implements ControlWrapper {

    private static final int H = WireConstants.CONTROL_HEADER_LENGTH;
    private static final int PID = 8;
    private static final int TAG = 32;

    private final byte[] sendCipherKey;
    private final byte[] receiveCipherKey;
    private final Mac sendMac;
    private final Mac receiveMac;
    private final ByteBuffer scratch = ByteBuffer.allocate(4096);
    long sendReplayId;
    long lastReceivedReplayId;

    /** @param server true on the server, which sends with the first half of the key */
    TestTlsCryptWrapper(byte[] key, boolean server) {
        int send = server ? 0 : 1;
        try {
            sendCipherKey = TestKeys.cipherKey(key, send, 32);
            receiveCipherKey = TestKeys.cipherKey(key, 1 - send, 32);
            sendMac = Mac.getInstance("HmacSHA256");
            sendMac.init(new SecretKeySpec(TestKeys.hmacKey(key, send, 32), "HmacSHA256"));
            receiveMac = Mac.getInstance("HmacSHA256");
            receiveMac.init(new SecretKeySpec(TestKeys.hmacKey(key, 1 - send, 32), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int headroom() {
        return PID + TAG;
    }

    @Override
    public int tailroom(Opcode opcode) {
        return 0;
    }

    private static byte[] ctr(byte[] key, byte[] tag, byte[] in) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(tag, 16)));
            return c.doFinal(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tag(Mac mac, ByteBuffer b, int start, byte[] plaintext) {
        mac.update(b.duplicate().limit(start + H + PID).position(start));
        mac.update(plaintext);
        return mac.doFinal();
    }

    @Override
    public int seal(Opcode opcode, ByteBuffer out, int start, int end) {
        int bodyStart = start + H + PID + TAG;
        byte[] plain = new byte[end - bodyStart];
        out.get(bodyStart, plain);
        out.putLong(start + H, sendReplayId);
        byte[] tag = tag(sendMac, out, start, plain);
        out.put(start + H + PID, tag);
        out.put(bodyStart, ctr(sendCipherKey, tag, plain));
        return end;
    }

    @Override
    public Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        int bodyStart = start + H + PID + TAG;
        if (end < bodyStart) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        byte[] tag = new byte[TAG];
        packet.get(start + H + PID, tag);
        byte[] cipherText = new byte[end - bodyStart];
        packet.get(bodyStart, cipherText);
        byte[] plain = ctr(receiveCipherKey, tag, cipherText);
        if (!MessageDigest.isEqual(tag, tag(receiveMac, packet, start, plain))) {
            return Decoded.rejected(Reject.BAD_AUTHENTICATION);
        }
        lastReceivedReplayId = packet.getLong(start + H);
        scratch.clear().put(plain).flip();
        return Decoded.ok(scratch);
    }
}
