package io.sluice.core.data;

import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Opens packets with {@code cipher none} (crypto.c {@code openvpn_decrypt_v1}; layout in
 * {@link PlainEncryptor}): the header, the HMAC first, in constant time, then the packet id
 * through the replay window.
 */
final class PlainDecryptor implements DataDecryptor {

    private final HmacContext hmac;
    private final DataFraming framing;
    private final ReplayWindow replay;
    private final int macLength;
    private final byte[] mac;
    private final byte[] receivedMac;
    private final DecryptCounters counters = new DecryptCounters();
    private long lastPacketId;

    PlainDecryptor(HmacContext hmacOrNull, DataFraming framing, ReplayWindow replay) {
        this.hmac = hmacOrNull;
        this.framing = Objects.requireNonNull(framing, "framing");
        this.replay = Objects.requireNonNull(replay, "replay");
        this.macLength = hmacOrNull == null ? 0 : hmacOrNull.spec().length();
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
        int idAt = macAt + macLength;
        int bodyAt = idAt + framing.packetIdLength();
        if (end < bodyAt) {
            return counters.record(DecryptStatus.TOO_SHORT);
        }
        if (hmac != null) {
            packet.position(idAt);
            hmac.update(packet);
            hmac.finish(mac, 0);
            packet.get(macAt, receivedMac, 0, macLength);
            packet.position(start);
            if (!MessageDigest.isEqual(mac, receivedMac)) {
                return counters.record(DecryptStatus.BAD_HMAC);
            }
        }
        if (end == bodyAt) {
            return counters.record(DecryptStatus.EMPTY_PAYLOAD);
        }
        long id = packet.getInt(idAt) & 0xFFFF_FFFFL;
        long time = framing.longPacketIds() ? packet.getInt(idAt + 4) & 0xFFFF_FFFFL : 0;
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
