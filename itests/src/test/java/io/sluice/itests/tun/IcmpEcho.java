package io.sluice.itests.tun;

import java.nio.ByteBuffer;

/**
 * Turns an ICMP or ICMPv6 echo request, as read from a TUN device, into the echo reply in place:
 * swap the addresses, change the type, fix the checksums. Anything else is left alone. This is what
 * makes the far end of a TUN device answer {@code ping} without a real peer.
 */
final class IcmpEcho {

    private static final int ICMP = 1;
    private static final int ICMPV6 = 58;
    private static final int ECHO_REQUEST = 8;
    private static final int ECHO_REPLY = 0;
    private static final int ECHO6_REQUEST = 128;
    private static final int ECHO6_REPLY = 129;

    private IcmpEcho() {
    }

    /**
     * @param p a packet from index 0 to its limit
     * @return true if it was an echo request and is now the reply
     */
    static boolean toReply(ByteBuffer p) {
        if (p.limit() < 1) {
            return false;
        }
        int version = (p.get(0) & 0xf0) >>> 4;
        if (version == 4) {
            return ipv4(p);
        }
        if (version == 6) {
            return ipv6(p);
        }
        return false;
    }

    private static boolean ipv4(ByteBuffer p) {
        int ihl = (p.get(0) & 0x0f) * 4;
        if (p.limit() < ihl + 8 || (p.get(9) & 0xff) != ICMP || (p.get(ihl) & 0xff) != ECHO_REQUEST) {
            return false;
        }
        int total = p.getShort(2) & 0xffff;
        swap(p, 12, 16, 4);
        p.put(ihl, (byte) ECHO_REPLY);
        p.putShort(ihl + 2, (short) 0);
        p.putShort(ihl + 2, (short) checksum(p, ihl, total - ihl, 0));
        p.putShort(10, (short) 0);
        p.putShort(10, (short) checksum(p, 0, ihl, 0));
        return true;
    }

    private static boolean ipv6(ByteBuffer p) {
        if (p.limit() < 48 || (p.get(6) & 0xff) != ICMPV6 || (p.get(40) & 0xff) != ECHO6_REQUEST) {
            return false;
        }
        int payload = p.getShort(4) & 0xffff;
        swap(p, 8, 24, 16);
        p.put(40, (byte) ECHO6_REPLY);
        p.putShort(42, (short) 0);
        // Pseudo-header (RFC 8200 8.1): source, destination, upper-layer length, next header.
        long pseudo = sum(p, 8, 32) + payload + ICMPV6;
        p.putShort(42, (short) checksum(p, 40, payload, pseudo));
        return true;
    }

    private static void swap(ByteBuffer p, int a, int b, int len) {
        for (int i = 0; i < len; i++) {
            byte t = p.get(a + i);
            p.put(a + i, p.get(b + i));
            p.put(b + i, t);
        }
    }

    /** Sum of 16-bit big-endian words (an odd last byte padded with zero). */
    private static long sum(ByteBuffer p, int from, int len) {
        long s = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            s += ((p.get(from + i) & 0xff) << 8) | (p.get(from + i + 1) & 0xff);
        }
        if ((len & 1) != 0) {
            s += (p.get(from + len - 1) & 0xff) << 8;
        }
        return s;
    }

    /** The Internet checksum (RFC 1071) of {@code len} bytes plus an initial sum. */
    static int checksum(ByteBuffer p, int from, int len, long initial) {
        long s = initial + sum(p, from, len);
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }
}
