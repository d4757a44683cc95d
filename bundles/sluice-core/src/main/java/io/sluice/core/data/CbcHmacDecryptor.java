package io.sluice.core.data;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Opens CBC data packets (crypto.c {@code openvpn_decrypt_v1}; layout in {@link CbcHmacEncryptor}):
 * the HMAC is checked before anything is decrypted, in constant time, then the packet id found
 * inside the plaintext goes through the replay window. In static-key mode there is no header and
 * the packet id has the long form.
 */
final class CbcHmacDecryptor implements DataDecryptor {

    private final CipherContext cipher;
    private final HmacContext hmac;
    private final DataFraming framing;
    private final ReplayWindow replay;
    private final int blockSize;
    private final int macLength;
    private final byte[] iv;
    private final byte[] mac;
    private final byte[] receivedMac;
    private final DecryptCounters counters = new DecryptCounters();
    private byte[] plain = new byte[2048];
    private ByteBuffer plainView = ByteBuffer.wrap(plain);
    private long lastPacketId;

    CbcHmacDecryptor(CipherContext cipher, HmacContext hmacOrNull, DataFraming framing, ReplayWindow replay) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.hmac = hmacOrNull;
        this.framing = Objects.requireNonNull(framing, "framing");
        this.replay = Objects.requireNonNull(replay, "replay");
        if (cipher.spec().mode() != CipherMode.CBC || cipher.encrypting()) {
            throw new IllegalArgumentException("needs a decrypting CBC context, not " + cipher.spec());
        }
        this.blockSize = cipher.spec().blockSize();
        this.macLength = hmacOrNull == null ? 0 : hmacOrNull.spec().length();
        this.iv = new byte[cipher.spec().ivLength()];
        this.mac = new byte[macLength];
        this.receivedMac = new byte[macLength];
    }

    @Override
    public DecryptStatus decrypt(ByteBuffer packet, ByteBuffer out) {
        int start = packet.position();
        int end = packet.limit();
        int headerLength = framing.receivedHeaderLength(packet);
        if (headerLength < 0) {
            return counters.record(DataFraming.headerError(headerLength));
        }
        int macAt = start + headerLength;
        int ivAt = macAt + macLength;
        int bodyAt = ivAt + iv.length;
        if (end < bodyAt) {
            return counters.record(DecryptStatus.TOO_SHORT);
        }
        if (end == bodyAt) {
            return counters.record(DecryptStatus.EMPTY_PAYLOAD);
        }

        if (hmac != null) {
            packet.position(ivAt);
            hmac.update(packet);
            hmac.finish(mac, 0);
            packet.get(macAt, receivedMac, 0, macLength);
            packet.position(start);
            if (!MessageDigest.isEqual(mac, receivedMac)) {
                return counters.record(DecryptStatus.BAD_HMAC);
            }
        }
        int cipherLength = end - bodyAt;
        if (cipherLength % blockSize != 0) {
            return counters.record(DecryptStatus.DECRYPT_FAILED);
        }
        if (plain.length < cipherLength) {
            // Grows to the largest packet seen, then stays: no allocation in steady state.
            plain = new byte[Math.max(cipherLength, plain.length * 2)];
            plainView = ByteBuffer.wrap(plain);
        }
        packet.get(ivAt, iv, 0, iv.length);
        plainView.clear();
        packet.position(bodyAt);
        int plainLength;
        try {
            plainLength = cipher.decrypt(iv, null, packet, null, plainView);
        } catch (GeneralSecurityException e) {
            packet.position(start);
            return counters.record(DecryptStatus.DECRYPT_FAILED);
        } catch (RuntimeException e) {
            packet.position(start);
            return counters.record(DecryptStatus.PROVIDER_ERROR);
        }
        packet.position(start);

        int idLength = framing.packetIdLength();
        if (plainLength < idLength) {
            return counters.record(DecryptStatus.TOO_SHORT);
        }
        long id = plainView.getInt(0) & 0xFFFF_FFFFL;
        long time = framing.longPacketIds() ? plainView.getInt(4) & 0xFFFF_FFFFL : 0;
        DecryptStatus fresh = replay.test(id, time);
        if (fresh != DecryptStatus.OK) {
            return counters.record(fresh);
        }
        int payloadLength = plainLength - idLength;
        if (payloadLength == 0) {
            return counters.record(DecryptStatus.EMPTY_PAYLOAD);
        }
        if (out.remaining() < payloadLength) {
            return counters.record(DecryptStatus.OUTPUT_TOO_SMALL);
        }
        replay.add(id, time);
        lastPacketId = id;
        out.put(plain, idLength, payloadLength);
        packet.position(end);
        return counters.record(DecryptStatus.OK);
    }

    @Override
    public long lastPacketId() {
        return lastPacketId;
    }

    @Override
    public long count(DecryptStatus status) {
        return counters.count(status);
    }

    @Override
    public void close() {
        cipher.close();
        if (hmac != null) {
            hmac.close();
        }
    }
}
