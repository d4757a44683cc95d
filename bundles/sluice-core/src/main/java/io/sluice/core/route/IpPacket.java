package io.sluice.core.route;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Addresses read straight from an IP packet between a buffer's position and limit, without
 * allocating and without touching the buffer's position, limit or byte order (mroute.c
 * {@code mroute_extract_addr_ip}). Fields are big-endian on the wire; a buffer set to
 * little-endian is read correctly all the same.
 */
public final class IpPacket {

    /** RFC 791: the fixed IPv4 header, the least mroute.c accepts as an IPv4 packet. */
    public static final int IPV4_HEADER_LENGTH = 20;
    /** RFC 8200: the fixed IPv6 header, the least mroute.c accepts as an IPv6 packet. */
    public static final int IPV6_HEADER_LENGTH = 40;
    /** RFC 791: offset of the IPv4 source address. */
    static final int IPV4_SOURCE = 12;
    /** RFC 791: offset of the IPv4 destination address. */
    static final int IPV4_DESTINATION = 16;
    /** RFC 8200: offset of the IPv6 source address. */
    static final int IPV6_SOURCE = 8;
    /** RFC 8200: offset of the IPv6 destination address. */
    static final int IPV6_DESTINATION = 24;

    private IpPacket() {
    }

    /**
     * The IP version, 4 or 6, if the buffer holds a whole header of that version, else 0 (an
     * empty buffer, a truncated header, another version).
     */
    public static int version(ByteBuffer packet) {
        int length = packet.remaining();
        if (length < 1) {
            return 0;
        }
        int version = (packet.get(packet.position()) & 0xff) >>> 4;
        if (version == 4 && length >= IPV4_HEADER_LENGTH) {
            return 4;
        }
        if (version == 6 && length >= IPV6_HEADER_LENGTH) {
            return 6;
        }
        return 0;
    }

    /**
     * Whether the destination is multicast: 224.0.0.0/4 (mroute.h {@code IP_MCAST_NETWORK}) or
     * ff00::/8 (RFC 4291 2.7). OpenVPN sends those to every client instead of routing them.
     * Call only after {@link #version} said 4 or 6.
     */
    public static boolean isMulticastDestination(ByteBuffer packet, int version) {
        int offset = version == 4 ? IPV4_DESTINATION : IPV6_DESTINATION;
        int first = packet.get(packet.position() + offset) & 0xff;
        return version == 4 ? (first & 0xf0) == 0xe0 : first == 0xff;
    }

    static int ipv4(ByteBuffer packet, int offset) {
        int v = packet.getInt(packet.position() + offset);
        return packet.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

    static long ipv6Word(ByteBuffer packet, int offset) {
        long v = packet.getLong(packet.position() + offset);
        return packet.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v);
    }
}
