package io.sluice.core.pushed;

import io.sluice.core.pool.AddressText;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Addresses in option words. Only numeric forms are read and no resolver is ever asked: a pushed
 * host name would need {@code allow-pull-fqdn} in OpenVPN and a DNS lookup, which pure planning code
 * must not do. Dotted quads with leading zeros are refused ({@link AddressText} explains why).
 */
final class AddressWords {

    /** socket.c {@code get_addr_generic}: an IPv6 prefix without {@code /bits} is a /64. */
    static final int DEFAULT_IPV6_PREFIX = 64;

    private AddressWords() {
    }

    /** A dotted quad (socket.c {@code ip_addr_dotted_quad_safe}). */
    static Optional<Inet4Address> ipv4(String word) {
        long v = AddressText.parseIpv4(word);
        if (v < 0) {
            return Optional.empty();
        }
        return Optional.of(ipv4((int) v));
    }

    static Inet4Address ipv4(int value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return (Inet4Address) fromBytes(b);
    }

    static int ipv4Value(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** An IPv6 literal without zone or prefix (socket.c {@code ipv6_addr_safe}, i.e. inet_pton). */
    static Optional<Inet6Address> ipv6(String word) {
        // INET6_ADDRSTRLEN is 46 including the NUL; ipv6_addr_safe compares the length against it.
        if (word.length() > 46) {
            return Optional.empty();
        }
        byte[] b = AddressText.parseIpv6(word);
        if (b == null) {
            return Optional.empty();
        }
        return Optional.of(ipv6(b));
    }

    static Inet6Address ipv6(byte[] sixteen) {
        try {
            // getByAddress would turn an IPv4-mapped address into an Inet4Address.
            return Inet6Address.getByAddress(null, sixteen, null);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * {@code address[/bits]} as socket.c {@code get_ipv6_addr} reads it: bits 0..128, 64 when
     * absent.
     */
    static Optional<Ipv6Prefix> ipv6Prefix(String word) {
        int slash = word.indexOf('/');
        int bits = DEFAULT_IPV6_PREFIX;
        String address = word;
        if (slash >= 0) {
            String b = word.substring(slash + 1);
            if (b.isEmpty() || b.length() > 3 || !b.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            bits = Integer.parseInt(b);
            if (bits > 128) {
                return Optional.empty();
            }
            address = word.substring(0, slash);
        }
        int prefix = bits;
        return ipv6(address).map(a -> new Ipv6Prefix(a, prefix));
    }

    /**
     * The prefix length of a contiguous netmask, or -1 (route.c {@code netmask_to_netbits2}: a
     * netmask with holes has none, and Linux then refuses the address or route).
     */
    static int prefixLength(Inet4Address netmask) {
        int m = ipv4Value(netmask);
        int ones = Integer.bitCount(m);
        int contiguous = ones == 0 ? 0 : -1 << (32 - ones);
        return m == contiguous ? ones : -1;
    }

    /** The netmask of a prefix length 0..32. */
    static int netmask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    private static InetAddress fromBytes(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An IPv6 address with a prefix length, as written ({@code 2001:db8::1/64}). */
    record Ipv6Prefix(Inet6Address address, int prefixLength) {
    }
}
