package io.sluice.core.data;

import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes packets with {@code cipher none} (crypto.c {@code openvpn_encrypt_v1}, the "no
 * encryption" branch), in TLS mode or static-key mode:
 *
 * <pre>
 *   [header] [HMAC, digest length] [packet id (4 bytes; static-key: and timestamp)] [payload in clear]
 * </pre>
 *
 * The HMAC covers the packet id and the payload, not the header; with {@code auth none} as well
 * it is absent and nothing protects the packet. OpenVPN warns loudly about both; so does the caller.
 */
final class PlainEncryptor implements DataEncryptor {

    private final HmacContext hmac;
    private final DataFraming framing;
    private final PacketIdSender ids;
    private final int macLength;
    private final byte[] mac;

    PlainEncryptor(HmacContext hmacOrNull, DataFraming framing, PacketIdSender ids) {
        this.hmac = hmacOrNull;
        this.framing = Objects.requireNonNull(framing, "framing");
        this.ids = Objects.requireNonNull(ids, "ids");
        if (framing.longPacketIds() != ids.longForm()) {
            throw new IllegalArgumentException("static-key framing and long packet ids go together");
        }
        this.macLength = hmacOrNull == null ? 0 : hmacOrNull.spec().length();
        this.mac = new byte[macLength];
    }

    @Override
    public EncryptStatus encrypt(ByteBuffer payload, ByteBuffer out) {
        int length = payload.remaining();
        if (length == 0) {
            return EncryptStatus.EMPTY_PAYLOAD;
        }
        if (out.remaining() < packetLength(length)) {
            return EncryptStatus.OUTPUT_TOO_SMALL;
        }
        long id = ids.next();
        if (id == PacketIdSender.EXHAUSTED) {
            return EncryptStatus.PACKET_IDS_EXHAUSTED;
        }
        framing.writeHeader(out);
        int macAt = out.position();
        int idAt = macAt + macLength;
        out.position(idAt);
        out.putInt((int) id);
        if (framing.longPacketIds()) {
            out.putInt((int) ids.time());
        }
        out.put(payload);
        if (hmac != null) {
            int end = out.position();
            int limit = out.limit();
            out.limit(end).position(idAt);
            hmac.update(out);
            out.limit(limit);
            hmac.finish(mac, 0);
            out.put(macAt, mac, 0, macLength);
        }
        return EncryptStatus.OK;
    }

    @Override
    public int packetLength(int payloadLength) {
        return framing.headerLength() + macLength + framing.packetIdLength() + payloadLength;
    }

    @Override
    public PacketIdSender packetIds() {
        return ids;
    }

    @Override
    public void close() {
        if (hmac != null) {
            hmac.close();
        }
    }
}
