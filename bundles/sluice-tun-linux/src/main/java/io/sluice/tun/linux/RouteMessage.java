package io.sluice.tun.linux;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * One RTM_NEWROUTE message as the kernel sends it in answer to RTM_GETROUTE: {@code struct rtmsg}
 * (linux/rtnetlink.h) and the attributes a route lookup needs; others (RTA_CACHEINFO, RTA_UID,
 * RTA_METRICS ...) are skipped.
 *
 * @param family   AF_INET or AF_INET6
 * @param dstLen   the prefix length of the route (32/128 for a resolved lookup, the table entry's
 *                 for a FIB match)
 * @param table    the routing table, from RTA_TABLE if present (it holds ids above 255)
 * @param type     RTN_UNICAST, RTN_LOCAL ...
 * @param dst      RTA_DST: the network, absent for a default route
 * @param gateway  RTA_GATEWAY, or the address in RTA_VIA (a next hop of the other family)
 * @param oif      RTA_OIF, the outgoing interface index; 0 if absent (a multipath FIB entry)
 * @param prefsrc  RTA_PREFSRC, the source address
 * @param priority RTA_PRIORITY, the metric as an unsigned 32-bit number; 0 if absent
 */
record RouteMessage(int family, int dstLen, long table, int type, Optional<InetAddress> dst,
        Optional<InetAddress> gateway, int oif, Optional<InetAddress> prefsrc, long priority) {

    /** Parses one whole message (header included); throws IllegalArgumentException if it is malformed. */
    static RouteMessage parse(byte[] msg) {
        ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.nativeOrder());
        int fixed = Netlink.NLMSGHDR_SIZE;
        if (msg.length < fixed + Netlink.RTMSG_SIZE) {
            throw new IllegalArgumentException("route message of " + msg.length + " bytes is too short");
        }
        int len = b.getInt(0);
        if (len < fixed + Netlink.RTMSG_SIZE || len > msg.length) {
            throw new IllegalArgumentException("route message says it has " + len + " bytes, has " + msg.length);
        }
        if (Short.toUnsignedInt(b.getShort(4)) != Netlink.RTM_NEWROUTE) {
            throw new IllegalArgumentException("not an RTM_NEWROUTE: type " + Short.toUnsignedInt(b.getShort(4)));
        }
        int family = Byte.toUnsignedInt(b.get(fixed));
        int addressLength;
        if (family == LinuxConstants.AF_INET) {
            addressLength = 4;
        } else if (family == LinuxConstants.AF_INET6) {
            addressLength = 16;
        } else {
            throw new IllegalArgumentException("route of address family " + family);
        }
        int dstLen = Byte.toUnsignedInt(b.get(fixed + 1));
        long table = Byte.toUnsignedInt(b.get(fixed + 4));
        int type = Byte.toUnsignedInt(b.get(fixed + 7));
        Optional<InetAddress> dst = Optional.empty();
        Optional<InetAddress> gateway = Optional.empty();
        Optional<InetAddress> prefsrc = Optional.empty();
        int oif = 0;
        long priority = 0;
        int at = fixed + Netlink.RTMSG_SIZE;
        while (at + Netlink.ATTR_HEADER_SIZE <= len) {
            int alen = Short.toUnsignedInt(b.getShort(at));
            int atype = Short.toUnsignedInt(b.getShort(at + 2)) & 0x3fff; // without NLA_F_NESTED/NET_BYTEORDER
            if (alen < Netlink.ATTR_HEADER_SIZE || at + alen > len) {
                throw new IllegalArgumentException("attribute " + atype + " of length " + alen + " at " + at
                        + " runs past the message's " + len + " bytes");
            }
            int value = at + Netlink.ATTR_HEADER_SIZE;
            int valueLength = alen - Netlink.ATTR_HEADER_SIZE;
            switch (atype) {
                case Netlink.RTA_DST -> dst = Optional.of(address(b, value, valueLength, addressLength, "RTA_DST"));
                case Netlink.RTA_GATEWAY -> gateway = Optional.of(address(b, value, valueLength, addressLength, "RTA_GATEWAY"));
                case Netlink.RTA_PREFSRC -> prefsrc = Optional.of(address(b, value, valueLength, addressLength, "RTA_PREFSRC"));
                case Netlink.RTA_OIF -> oif = u32(b, value, valueLength, "RTA_OIF");
                case Netlink.RTA_PRIORITY -> priority = Integer.toUnsignedLong(u32(b, value, valueLength, "RTA_PRIORITY"));
                case Netlink.RTA_TABLE -> table = Integer.toUnsignedLong(u32(b, value, valueLength, "RTA_TABLE"));
                case Netlink.RTA_VIA -> gateway = Optional.of(via(b, value, valueLength));
                default -> {
                    // not needed for a lookup
                }
            }
            at += Netlink.align(alen);
        }
        return new RouteMessage(family, dstLen, table, type, dst, gateway, oif, prefsrc, priority);
    }

    private static int u32(ByteBuffer b, int at, int length, String name) {
        if (length != Integer.BYTES) {
            throw new IllegalArgumentException(name + " of " + length + " bytes, expected 4");
        }
        return b.getInt(at);
    }

    /** struct rtvia { __kernel_sa_family_t rtvia_family; __u8 rtvia_addr[]; } (linux/rtnetlink.h). */
    private static InetAddress via(ByteBuffer b, int at, int length) {
        if (length < 2) {
            throw new IllegalArgumentException("RTA_VIA of " + length + " bytes");
        }
        int family = Short.toUnsignedInt(b.getShort(at));
        int addressLength = family == LinuxConstants.AF_INET ? 4 : family == LinuxConstants.AF_INET6 ? 16 : -1;
        if (addressLength < 0) {
            throw new IllegalArgumentException("RTA_VIA of address family " + family);
        }
        return address(b, at + 2, length - 2, addressLength, "RTA_VIA");
    }

    /**
     * An address of exactly {@code expected} bytes, as an Inet4Address or Inet6Address by its length
     * (never an IPv4-mapped IPv6 address turned into an Inet4Address, which would change its family).
     */
    private static InetAddress address(ByteBuffer b, int at, int length, int expected, String name) {
        if (length != expected) {
            throw new IllegalArgumentException(name + " of " + length + " bytes, expected " + expected);
        }
        byte[] a = new byte[length];
        b.get(at, a);
        try {
            return length == 4 ? (Inet4Address) InetAddress.getByAddress(a) : Inet6Address.getByAddress(null, a, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e); // cannot happen for 4 or 16 bytes
        }
    }
}
