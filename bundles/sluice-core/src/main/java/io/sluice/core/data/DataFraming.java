package io.sluice.core.data;

import java.nio.ByteBuffer;

/**
 * How a data packet of one key is framed on the wire, before its packet id
 * (ssl_pkt.h opcodes; ssl.c {@code tls_prepend_opcode_v1}/{@code _v2}).
 *
 * <ul>
 * <li>{@code P_DATA_V1}: one byte, opcode 6 in the high five bits and the key id in the low three.</li>
 * <li>{@code P_DATA_V2}: that byte with opcode 9, then the 24-bit peer id, big-endian. OpenVPN
 *     2.6 sends V2 whenever the peer announced it; the server routes by peer id.</li>
 * <li>Static-key mode: no header at all, and packet ids in the long form.</li>
 * </ul>
 *
 * <p>For AEAD ciphers the header counts as authenticated data only in V2: OpenVPN writes the V2
 * header before encrypting and the V1 byte after (forward.c {@code encrypt_sign}).
 *
 * @param version which framing
 * @param keyId   the key id, 0..7 (0 in static-key mode)
 * @param peerId  the peer id for V2, 0..0xFFFFFF (0 otherwise)
 */
public record DataFraming(Version version, int keyId, int peerId) {

    /** ssl_pkt.h {@code P_DATA_V1}. */
    public static final int P_DATA_V1 = 6;
    /** ssl_pkt.h {@code P_DATA_V2}. */
    public static final int P_DATA_V2 = 9;
    /** ssl_pkt.h {@code P_OPCODE_SHIFT}: the opcode sits above the key id. */
    public static final int OPCODE_SHIFT = 3;
    /** ssl_pkt.h {@code P_KEY_ID_MASK}: key ids are three bits. */
    public static final int KEY_ID_MASK = 0x07;
    /** openvpn.h {@code MAX_PEER_ID}: peer ids are 24 bits. */
    public static final int MAX_PEER_ID = 0xFF_FFFF;

    /** The three framings. */
    public enum Version {
        V1(1), V2(4), STATIC_KEY(0);

        private final int headerLength;

        Version(int headerLength) {
            this.headerLength = headerLength;
        }

        /** Bytes before the packet id. */
        public int headerLength() {
            return headerLength;
        }
    }

    public DataFraming {
        java.util.Objects.requireNonNull(version, "version");
        if (keyId < 0 || keyId > KEY_ID_MASK) {
            throw new IllegalArgumentException("key id must be 0..7, not " + keyId);
        }
        if (peerId < 0 || peerId > MAX_PEER_ID) {
            throw new IllegalArgumentException("peer id must be 0..0xFFFFFF, not " + peerId);
        }
        if (version != Version.V2 && peerId != 0) {
            throw new IllegalArgumentException("only P_DATA_V2 carries a peer id");
        }
        if (version == Version.STATIC_KEY && keyId != 0) {
            throw new IllegalArgumentException("static-key packets carry no key id");
        }
    }

    public static DataFraming v1(int keyId) {
        return new DataFraming(Version.V1, keyId, 0);
    }

    public static DataFraming v2(int keyId, int peerId) {
        return new DataFraming(Version.V2, keyId, peerId);
    }

    public static DataFraming staticKey() {
        return new DataFraming(Version.STATIC_KEY, 0, 0);
    }

    /** Bytes before the packet id. */
    public int headerLength() {
        return version.headerLength();
    }

    /** Packet-id bytes: 4, or 8 (id and timestamp) in static-key mode. */
    public int packetIdLength() {
        return version == Version.STATIC_KEY ? 8 : 4;
    }

    /** True when packet ids carry a timestamp (static-key mode). */
    public boolean longPacketIds() {
        return version == Version.STATIC_KEY;
    }

    /** Writes the header at the buffer's position and advances it. */
    void writeHeader(ByteBuffer out) {
        switch (version) {
            case V1 -> out.put((byte) (P_DATA_V1 << OPCODE_SHIFT | keyId));
            case V2 -> out.putInt((P_DATA_V2 << OPCODE_SHIFT | keyId) << 24 | peerId);
            case STATIC_KEY -> {
                // no header
            }
        }
    }

    /**
     * What a decryptor for this framing's key id makes of a received packet's header (position
     * to limit; nothing is consumed): the header's length, 0 in static-key framing, or, when the
     * packet is not one of this key's data packets, {@link #headerError} of a negative result says why.
     * A decryptor takes both P_DATA_V1 and P_DATA_V2 of its key id.
     */
    int receivedHeaderLength(ByteBuffer packet) {
        if (version == Version.STATIC_KEY) {
            return 0;
        }
        if (!packet.hasRemaining()) {
            return -1 - DecryptStatus.TOO_SHORT.ordinal();
        }
        byte first = packet.get(packet.position());
        int length;
        switch (opcode(first)) {
            case P_DATA_V2 -> length = Version.V2.headerLength();
            case P_DATA_V1 -> length = Version.V1.headerLength();
            default -> {
                return -1 - DecryptStatus.NOT_DATA_PACKET.ordinal();
            }
        }
        if (keyId(first) != keyId) {
            return -1 - DecryptStatus.WRONG_KEY_ID.ordinal();
        }
        return length;
    }

    /** Why {@link #receivedHeaderLength} refused a packet, from its negative result. */
    static DecryptStatus headerError(int negative) {
        return DecryptStatus.values()[-1 - negative];
    }

    /** The opcode of a packet's first byte. */
    public static int opcode(byte first) {
        return (first & 0xFF) >>> OPCODE_SHIFT;
    }

    /** The key id of a packet's first byte. */
    public static int keyId(byte first) {
        return first & KEY_ID_MASK;
    }

    /** The peer id of a P_DATA_V2 packet starting at {@code at}. */
    public static int peerId(ByteBuffer packet, int at) {
        return packet.getInt(at) & MAX_PEER_ID;
    }
}
