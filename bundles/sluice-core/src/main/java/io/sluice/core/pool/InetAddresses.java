package io.sluice.core.pool;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@link InetAddress} objects from raw address values, without any name lookup. */
final class InetAddresses {

    private InetAddresses() {
    }

    static Inet4Address ipv4(int address) {
        byte[] b = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    /**
     * An IPv6 address object even for {@code ::ffff:a.b.c.d}, which
     * {@link InetAddress#getByAddress(byte[])} would turn into an IPv4 one.
     */
    static Inet6Address ipv6(byte[] address) {
        try {
            return Inet6Address.getByAddress(null, address, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 16 bytes: " + address.length, e);
        }
    }
}
