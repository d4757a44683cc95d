package io.sluice.core.wire;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * A minimal tls-auth (HMAC-SHA1) wrapper for tests only: it proves the {@link ControlWrapper}
 * seam fits tls-auth by reproducing real OpenVPN packets byte for byte. No replay window; the
 * replay packet id and time to send are set by the test. The real one is {@link TlsAuthWrapper}.
 */
final class TestTlsAuthWrapper implements ControlWrapper {

    private static final int H = WireConstants.CONTROL_HEADER_LENGTH;
    private static final int HMAC = 20;
    private static final int PID = 8;

    private final Mac sendMac;
    private final Mac receiveMac;
    long sendReplayId;
    long lastReceivedReplayId;

    /** @param direction the key direction: 0 on the server, 1 on the client */
    TestTlsAuthWrapper(byte[] staticKey, int direction) {
        try {
            sendMac = Mac.getInstance("HmacSHA1");
            sendMac.init(new SecretKeySpec(TestKeys.hmacKey(staticKey, direction, HMAC), "HmacSHA1"));
            receiveMac = Mac.getInstance("HmacSHA1");
            receiveMac.init(new SecretKeySpec(TestKeys.hmacKey(staticKey, 1 - direction, HMAC), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int headroom() {
        return HMAC + PID;
    }

    @Override
    public int tailroom(Opcode opcode) {
        return 0;
    }

    /** HMAC over replay id, header, body: the pseudo packet of draft "HMAC authentication". */
    private static byte[] mac(Mac mac, ByteBuffer b, int start, int end) {
        mac.update(b.duplicate().limit(start + H + HMAC + PID).position(start + H + HMAC));
        mac.update(b.duplicate().limit(start + H).position(start));
        mac.update(b.duplicate().limit(end).position(start + H + HMAC + PID));
        return mac.doFinal();
    }

    @Override
    public int seal(Opcode opcode, ByteBuffer out, int start, int end) {
        out.putLong(start + H + HMAC, sendReplayId);
        out.put(start + H, mac(sendMac, out, start, end));
        return end;
    }

    @Override
    public Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < H + HMAC + PID) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        byte[] received = new byte[HMAC];
        packet.get(start + H, received);
        if (!MessageDigest.isEqual(received, mac(receiveMac, packet, start, end))) {
            return Decoded.rejected(Reject.BAD_AUTHENTICATION);
        }
        lastReceivedReplayId = packet.getLong(start + H + HMAC);
        packet.position(start + H + HMAC + PID);
        return Decoded.ok(packet);
    }
}
