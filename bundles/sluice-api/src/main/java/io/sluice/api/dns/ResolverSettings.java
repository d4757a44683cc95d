package io.sluice.api.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name resolution a tunnel asks for, in the terms of OpenVPN 2.7's {@code dns-updown}.
 *
 * <p>OpenVPN 2.7 derives it from the push like this, and a caller should do the same: with
 * {@code dns server N ...} options, the server with the lowest N whose settings can be honoured
 * (this API carries plain DNS only: skip servers with {@code transport DoH/DoT} or
 * {@code dnssec yes/optional}) gives {@code servers} (its addresses with their ports, in order) and
 * {@code resolveDomains}, and {@code dns search-domains} gives {@code searchDomains}. Without
 * {@code dns server}, every {@code dhcp-option DNS} and {@code DNS6} address, in order, is a server on
 * port 53, and the search domains are {@code dhcp-option DOMAIN} followed by every
 * {@code DOMAIN-SEARCH}. {@link #of} then sets {@code defaultRoute} as 2.7 does.
 *
 * @param device         the tunnel's interface ({@code tun0}), as the OS named it
 * @param servers        the DNS servers, preferred first; at least one; duplicates are dropped
 * @param searchDomains  domains appended to short names ({@code corp.example}); their names also go
 *                       to these servers. Duplicates (ignoring case) and a trailing dot are dropped
 * @param resolveDomains further domains only routed to these servers, not searched (the 2.6
 *                       {@code dns server N resolve-domains}: split DNS)
 * @param defaultRoute   true: the tunnel's servers answer every name (the host's own servers are not
 *                       asked while the tunnel is up), as with {@code redirect-gateway}; false: only
 *                       names under {@code searchDomains} and {@code resolveDomains} go to them, which
 *                       then must not both be empty. A resolver that cannot route by domain
 *                       ({@code resolv.conf}) uses the tunnel's servers first for every name either way
 */
public record ResolverSettings(String device, List<NameServer> servers, List<String> searchDomains,
                               List<String> resolveDomains, boolean defaultRoute) {

    /** RFC 1035 lengths; letters, digits, '-' and '_' (used in SRV and service names), in ASCII. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

    public ResolverSettings {
        Objects.requireNonNull(device, "device");
        checkDevice(device);
        servers = List.copyOf(new LinkedHashSet<>(servers)); // List.copyOf: no nulls
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no DNS server");
        }
        searchDomains = domains(searchDomains, "search domain");
        resolveDomains = domains(resolveDomains, "resolve domain");
        if (!defaultRoute && searchDomains.isEmpty() && resolveDomains.isEmpty()) {
            throw new IllegalArgumentException("without the default route the tunnel's DNS servers need domains to"
                    + " answer for");
        }
    }

    /**
     * OpenVPN 2.7's rule ({@code dns-updown} for systemd-resolved): the tunnel answers every name unless
     * the server named resolve domains, in which case it answers only for those and the search domains.
     */
    public static ResolverSettings of(String device, List<NameServer> servers, List<String> searchDomains,
                                      List<String> resolveDomains) {
        return new ResolverSettings(device, servers, searchDomains, resolveDomains, resolveDomains.isEmpty());
    }

    /**
     * One line: {@code 2 servers, 1 search domain} (and resolve domains and "split" when there are or
     * it is so).
     */
    public String summary() {
        StringBuilder sb = new StringBuilder(count(servers.size(), "server"));
        if (!searchDomains.isEmpty()) {
            sb.append(", ").append(count(searchDomains.size(), "search domain"));
        }
        if (!resolveDomains.isEmpty()) {
            sb.append(", ").append(count(resolveDomains.size(), "resolve domain"));
        }
        if (!defaultRoute) {
            sb.append(", split");
        }
        return sb.toString();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static void checkDevice(String name) {
        // The kernel's rules (IFNAMSIZ, no '/', ':' or blanks), and not an option to a command line tool.
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > 15 || name.equals(".")
                || name.equals("..") || name.startsWith("-")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || c == '%' || c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("not a device name: '" + name + "'");
        }
    }

    private static List<String> domains(List<String> given, String what) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String d : List.copyOf(given)) {
            String name = d.endsWith(".") && d.length() > 1 ? d.substring(0, d.length() - 1) : d;
            if (name.length() > 253 || !name.chars().allMatch(c -> c < 0x80)
                    || !List.of(name.split("\\.", -1)).stream().allMatch(l -> LABEL.matcher(l).matches())) {
                throw new IllegalArgumentException("not a domain name (" + what + "): '" + d + "'");
            }
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }
}
