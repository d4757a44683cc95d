package io.sluice.core.data;

import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Opens static-key packets with {@code cipher none} (crypto.c {@code openvpn_decrypt_v1}; layout
 * in {@link PlainEncryptor}): the HMAC first, in constant time, then the long packet id through
 * the replay window.
 */
final class PlainDecryptor implements DataDecryptor {

    private static final int ID_LENGTH = 8;

    private final HmacContext hmac;
    private final ReplayWindow replay;
    private final int macLength;
    private final byte[] mac;
    private final byte[] receivedMac;
    private final DecryptCounters counters = new DecryptCounters();
    private long lastPacketId;

    PlainDecryptor(HmacContext hmacOrNull, DataFraming framing, ReplayWindow replay) {
        this.hmac = hmacOrNull;
        this.replay = Objects.requireNonNull(replay, "replay");
        if (!framing.longPacketIds()) {
            throw new IllegalArgumentException("cipher none is supported in static-key mode only");
        }
        this.macLength = hmacOrNull == null ? 0 : hmacOrNull.spec().length();
        this.mac = new byte[macLength];
        this.receivedMac = new byte[macLength];
    }

    @Override
    public DecryptStatus decrypt(ByteBuffer packet, ByteBuffer out) {
        int start = packet.position();
        int end = packet.limit();
        int idAt = start + macLength;
        int bodyAt = idAt + ID_LENGTH;
        if (end < bodyAt) {
            return counters.record(DecryptStatus.TOO_SHORT);
        }
        if (hmac != null) {
            packet.position(idAt);
            hmac.update(packet);
            hmac.finish(mac, 0);
            packet.get(start, receivedMac, 0, macLength);
            packet.position(start);
            if (!MessageDigest.isEqual(mac, receivedMac)) {
                return counters.record(DecryptStatus.BAD_HMAC);
            }
        }
        if (end == bodyAt) {
            return counters.record(DecryptStatus.EMPTY_PAYLOAD);
        }
        long id = packet.getInt(idAt) & 0xFFFF_FFFFL;
        long time = packet.getInt(idAt + 4) & 0xFFFF_FFFFL;
        DecryptStatus fresh = replay.test(id, time);
        if (fresh != DecryptStatus.OK) {
            return counters.record(fresh);
        }
        if (out.remaining() < end - bodyAt) {
            return counters.record(DecryptStatus.OUTPUT_TOO_SMALL);
        }
        replay.add(id, time);
        lastPacketId = id;
        packet.position(bodyAt);
        out.put(packet); // leaves the packet's position at its limit
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
        if (hmac != null) {
            hmac.close();
        }
    }
}
