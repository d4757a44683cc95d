package io.sluice.core.route;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Minimal IP packets and addresses for tests. Addresses are literals: no name is looked up. */
final class Packets {

    private Packets() {
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static RouteKey host(String literal) {
        return RouteKey.host(ip(literal));
    }

    static RouteKey prefix(String cidr) {
        int slash = cidr.indexOf('/');
        return RouteKey.prefix(ip(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
    }

    /** An IPv4 header (plus 8 payload bytes) from {@code source} to {@code destination}. */
    static ByteBuffer ipv4(String source, String destination) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put(0, (byte) 0x45);
        b.putShort(2, (short) 28);
        b.put(8, (byte) 64);
        b.put(9, (byte) 17);
        b.put(12, ip(source).getAddress());
        b.put(16, ip(destination).getAddress());
        return b;
    }

    /** An IPv6 header (plus 8 payload bytes) from {@code source} to {@code destination}. */
    static ByteBuffer ipv6(String source, String destination) {
        ByteBuffer b = ByteBuffer.allocate(48);
        b.put(0, (byte) 0x60);
        b.putShort(4, (short) 8);
        b.put(6, (byte) 17);
        b.put(7, (byte) 64);
        b.put(8, ip(source).getAddress());
        b.put(24, ip(destination).getAddress());
        return b;
    }

    /** The same packet at {@code offset} inside a bigger buffer of the given kind, position at the packet. */
    static ByteBuffer at(ByteBuffer packet, int offset, boolean direct) {
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(offset + packet.remaining() + 16)
                : ByteBuffer.allocate(offset + packet.remaining() + 16);
        b.position(offset);
        b.put(packet.duplicate());
        b.limit(b.position());
        b.position(offset);
        return b;
    }
}
