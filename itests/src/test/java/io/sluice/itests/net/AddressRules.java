package io.sluice.itests.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The network rule of Sluice's tests, enforced in code rather than by convention.
 *
 * <p>Underlay addresses (the ones a test puts on its veth interfaces) come only from the benchmarking
 * ranges 198.18.0.0/15 (RFC 2544) and fd18::/16 (unique-local), which nothing on a real network
 * routes. Anything a test sends (ping, iperf3, routes' gateways) must go to an underlay address, a
 * private or unique-local tunnel address (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) or
 * loopback. Together with namespaces that have no link to the host, this keeps test traffic from ever
 * reaching another machine.
 */
public final class AddressRules {

    /** Where underlay addresses must come from. */
    public static final List<String> UNDERLAY = List.of("198.18.0.0/15", "fd18::/16");

    /** Where test traffic may go, besides the underlay. */
    public static final List<String> TUNNEL_AND_LOCAL = List.of(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7",
            "127.0.0.0/8", "::1/128");

    private AddressRules() {
    }

    /** Fails unless the address (or "address/prefix") lies inside 198.18.0.0/15 or fd18::/16. */
    public static void requireUnderlay(String addressOrCidr) {
        Cidr c = Cidr.parse(addressOrCidr);
        if (!inAny(c, UNDERLAY)) {
            throw new IllegalArgumentException("refusing underlay address " + addressOrCidr
                    + ": test underlay addresses must lie inside " + String.join(" or ", UNDERLAY));
        }
    }

    /** Fails unless test traffic to this address (or network) would stay on test-only addresses. */
    public static void requireTestDestination(String addressOrCidr) {
        Cidr c = Cidr.parse(addressOrCidr);
        if (!inAny(c, UNDERLAY) && !inAny(c, TUNNEL_AND_LOCAL)) {
            throw new IllegalArgumentException("refusing to send test traffic to " + addressOrCidr
                    + ": allowed are the underlay " + UNDERLAY + " and tunnel/local " + TUNNEL_AND_LOCAL);
        }
    }

    public static boolean isUnderlay(String addressOrCidr) {
        return inAny(Cidr.parse(addressOrCidr), UNDERLAY);
    }

    private static boolean inAny(Cidr c, List<String> nets) {
        for (String n : nets) {
            if (Cidr.parse(n).contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** An address with a prefix length; a bare address is a host route (/32 or /128). */
    record Cidr(byte[] address, int prefix) {

        static Cidr parse(String s) {
            String text = s.trim();
            int slash = text.indexOf('/');
            String addr = slash < 0 ? text : text.substring(0, slash);
            boolean v4 = addr.matches("(\\d{1,3}\\.){3}\\d{1,3}");
            boolean v6 = addr.contains(":") && addr.matches("[0-9a-fA-F:.]+");
            if (!v4 && !v6) {
                // Only literals: never let InetAddress resolve a host name.
                throw new IllegalArgumentException("not an IP address literal: " + s);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(addr).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address literal: " + s, e);
            }
            int max = bytes.length * 8;
            int prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("bad prefix length in " + s);
            }
            return new Cidr(bytes, prefix);
        }

        /** True if every address of {@code other} lies inside this network. */
        boolean contains(Cidr other) {
            if (other.address.length != address.length || other.prefix < prefix) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            BigInteger a = new BigInteger(1, address).and(mask);
            BigInteger b = new BigInteger(1, other.address).and(mask);
            return a.equals(b);
        }
    }
}
