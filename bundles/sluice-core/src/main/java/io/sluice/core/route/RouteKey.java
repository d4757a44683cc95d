package io.sluice.core.route;

import io.sluice.core.pool.AddressText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * What the routing table maps to a session: a host address (a client's virtual address) or a
 * prefix (an {@code iroute} or {@code iroute-ipv6} subnet), IPv4 or IPv6.
 *
 * <p>A host key and a full-length prefix of the same address are different keys, as in OpenVPN
 * (an {@code mroute_addr} with and without {@code MR_WITH_NETBITS}), and the host key wins a
 * lookup. A prefix's host bits are cleared. (OpenVPN clears them for {@code iroute-ipv6} but not
 * for {@code iroute}, where {@code iroute 10.0.0.1 255.255.255.0} then never matches anything;
 * here it means 10.0.0.0/24.)
 *
 * <p>{@link #toString()} prints the key as OpenVPN's {@code mroute_addr_print} does for the
 * {@code learn-address} script: {@code 10.8.0.6}, {@code 192.168.1.0/24},
 * {@code 2001:db8::1000}, {@code 2001:db8:1::/64}.
 */
public final class RouteKey {

    private final boolean ipv6;
    private final boolean host;
    private final int bits;
    /** The first 64 bits of an IPv6 address; 0 for IPv4. */
    private final long high;
    /** The last 64 bits of an IPv6 address, or the IPv4 address as an unsigned value. */
    private final long low;

    private RouteKey(boolean ipv6, boolean host, int bits, long high, long low) {
        this.ipv6 = ipv6;
        this.host = host;
        this.bits = bits;
        this.high = high;
        this.low = low;
    }

    /** A client's own virtual address. */
    public static RouteKey host(InetAddress address) {
        Objects.requireNonNull(address, "address");
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return new RouteKey(false, true, 32, 0, Integer.toUnsignedLong(ipv4(b)));
        }
        return new RouteKey(true, true, 128, word(b, 0), word(b, 8));
    }

    /**
     * A subnet behind a client.
     *
     * @param bits prefix length, 0 to 32 for IPv4, 0 to 128 for IPv6
     */
    public static RouteKey prefix(InetAddress network, int bits) {
        Objects.requireNonNull(network, "network");
        byte[] b = network.getAddress();
        int max = b.length * 8;
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("prefix length must be 0.." + max + ", not " + bits);
        }
        if (b.length == 4) {
            return new RouteKey(false, false, bits, 0, Integer.toUnsignedLong(ipv4(b) & ipv4Mask(bits)));
        }
        return new RouteKey(true, false, bits, word(b, 0) & highMask(bits), word(b, 8) & lowMask(bits));
    }

    public boolean isIpv6() {
        return ipv6;
    }

    /** Whether this is a client's own address rather than a subnet. */
    public boolean isHost() {
        return host;
    }

    /** The prefix length: the full length (32 or 128) for a host. */
    public int bits() {
        return bits;
    }

    /** The address, or the subnet's network address. */
    public InetAddress address() {
        try {
            if (!ipv6) {
                int a = (int) low;
                return InetAddress.getByAddress(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8),
                    (byte) a});
            }
            return Inet6Address.getByAddress(null, bytes16(), -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4- or 16-byte address is always valid", e);
        }
    }

    int ipv4Value() {
        return (int) low;
    }

    long high() {
        return high;
    }

    long low() {
        return low;
    }

    /**
     * Whether OpenVPN would learn this key (mroute.c {@code mroute_learnable_address}): an
     * all-ones address never, an all-zeros one only as a prefix shorter than 8 bits (so
     * {@code iroute 0.0.0.0 0.0.0.0}, a default route through a client, is allowed).
     */
    boolean learnable() {
        boolean allZeros = ipv6 ? high == 0 && low == 0 : low == 0;
        boolean allOnes = ipv6 ? high == -1L && low == -1L : low == 0xffff_ffffL;
        if (allZeros && (host || bits >= 8)) {
            return false;
        }
        return !allOnes;
    }

    static int ipv4Mask(int bits) {
        return bits == 0 ? 0 : -1 << (32 - bits);
    }

    static long highMask(int bits) {
        return bits == 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
    }

    static long lowMask(int bits) {
        return bits <= 64 ? 0 : -1L << (128 - bits);
    }

    private static int ipv4(byte[] b) {
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    private static long word(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xffL);
        }
        return v;
    }

    private byte[] bytes16() {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (high >>> (56 - 8 * i));
            out[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteKey k && k.ipv6 == ipv6 && k.host == host && k.bits == bits && k.high == high
                && k.low == low;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipv6, host, bits, high, low);
    }

    @Override
    public String toString() {
        String text = ipv6 ? AddressText.formatIpv6(bytes16()) : AddressText.formatIpv4((int) low);
        return host ? text : text + "/" + bits;
    }
}
