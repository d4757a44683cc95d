package io.sluice.core.pushed;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The 2.6 {@code dns} option (options.c {@code dns} branch, dns.c):
 * {@code dns search-domains D...} and {@code dns server N address|resolve-domains|dnssec|transport|sni ...}.
 * A line that names a server creates it even when the rest of the line is refused, and addresses
 * before a malformed one are kept, as in OpenVPN; a server left without any address fails the whole
 * push ({@link PushedOptions#failure()}).
 */
final class DnsOptionReader {

    private DnsOptionReader() {
    }

    /** Applies one {@code dns} line; returns OpenVPN's error text if it is refused. */
    static String read(List<String> p, boolean pulled, PushedOptions.Builder out) {
        if (p.get(1).equals("search-domains") && p.size() > 2) {
            out.dnsSearchDomains.addAll(p.subList(2, p.size()));
            return null;
        }
        if (!(p.get(1).equals("server") && p.size() > 4)) {
            return "--dns: unknown option type '" + p.get(1) + "' or missing or unknown parameter";
        }
        // dns.c dns_server_priority_parse: a pushed server may not be preferred over local ones.
        OptionalLong priority = CNumbers.strictLong(p.get(2));
        long min = pulled ? 0 : Byte.MIN_VALUE;
        if (priority.isEmpty() || priority.getAsLong() < min || priority.getAsLong() > Byte.MAX_VALUE) {
            return "--dns server: invalid priority value '" + p.get(2) + "'";
        }
        int prio = (int) priority.getAsLong();
        PushedOptions.DnsServerBuilder server = out.dnsServer(prio);
        String what = p.get(3);
        boolean one = p.size() == 5;
        switch (what) {
            case "address":
                for (String a : p.subList(4, p.size())) {
                    Optional<DnsServer.Address> parsed = address(a);
                    if (parsed.isEmpty() || server.addresses.size() >= DnsServer.MAX_ADDRESSES) {
                        return "--dns server " + prio + ": malformed address or maximum exceeded '" + a + "'";
                    }
                    server.addresses.add(parsed.get());
                }
                return null;
            case "resolve-domains":
                server.resolveDomains.addAll(p.subList(4, p.size()));
                return null;
            case "dnssec":
                if (one) {
                    Optional<DnsServer.Security> s = switch (p.get(4)) {
                        case "yes" -> Optional.of(DnsServer.Security.YES);
                        case "no" -> Optional.of(DnsServer.Security.NO);
                        case "optional" -> Optional.of(DnsServer.Security.OPTIONAL);
                        default -> Optional.empty();
                    };
                    if (s.isEmpty()) {
                        return "--dns server " + prio + ": malformed dnssec value '" + p.get(4) + "'";
                    }
                    server.dnssec = s;
                    return null;
                }
                break;
            case "transport":
                if (one) {
                    Optional<DnsServer.Transport> t = switch (p.get(4)) {
                        case "plain" -> Optional.of(DnsServer.Transport.PLAIN);
                        case "DoH" -> Optional.of(DnsServer.Transport.HTTPS);
                        case "DoT" -> Optional.of(DnsServer.Transport.TLS);
                        default -> Optional.empty();
                    };
                    if (t.isEmpty()) {
                        return "--dns server " + prio + ": malformed transport value '" + p.get(4) + "'";
                    }
                    server.transport = t;
                    return null;
                }
                break;
            case "sni":
                if (one) {
                    server.sni = Optional.of(p.get(4));
                    return null;
                }
                break;
            default:
                break;
        }
        return "--dns server " + prio + ": unknown option type '" + what + "' or missing or unknown parameter";
    }

    /**
     * dns.c {@code dns_server_addr_parse}: {@code a.b.c.d[:port]}, or an IPv6 address, with a port
     * only in brackets ({@code [2001:db8::1]:853}). Numeric forms only.
     */
    static Optional<DnsServer.Address> address(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first < 0 || first == last) {
            String host = text;
            OptionalInt port = OptionalInt.empty();
            if (last >= 0) {
                if (last == 0) {
                    return Optional.empty();
                }
                port = port(text.substring(last + 1));
                if (port.isEmpty()) {
                    return Optional.empty();
                }
                host = text.substring(0, first);
            }
            OptionalInt p = port;
            return AddressWords.ipv4(host).map(a -> new DnsServer.Address(a, p));
        }
        String host = text;
        OptionalInt port = OptionalInt.empty();
        if (text.startsWith("[")) {
            int bracket = last - 1;
            if (text.charAt(bracket) != ']' || bracket <= 1) {
                return Optional.empty();
            }
            port = port(text.substring(last + 1));
            if (port.isEmpty()) {
                return Optional.empty();
            }
            host = text.substring(1, bracket);
        }
        OptionalInt p = port;
        Optional<? extends InetAddress> a = AddressWords.ipv6(host);
        return a.map(x -> new DnsServer.Address(x, p));
    }

    // dns.c dns_server_port_parse: strtoul with nothing after the number, 1..65535.
    private static OptionalInt port(String s) {
        OptionalLong v = CNumbers.strictLong(s);
        if (v.isEmpty() || v.getAsLong() < 1 || v.getAsLong() > 65535) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v.getAsLong());
    }
}
