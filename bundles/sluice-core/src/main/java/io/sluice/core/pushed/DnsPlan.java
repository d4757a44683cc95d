package io.sluice.core.pushed;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The name resolution the tunnel asks for, from {@code dns} and {@code dhcp-option}, combined as
 * OpenVPN 2.6 combines them (options.c {@code options_postprocess_pull},
 * {@code foreign_options_copy_dns}; dns.c {@code dns_options_postprocess_pull}):
 * <ul>
 *   <li>configured and pushed {@code dns server}s are merged by priority; a pushed server replaces
 *       a configured one of the same priority;</li>
 *   <li>if there is any {@code dns server}, its addresses replace every {@code dhcp-option DNS}
 *       and {@code DNS6}; if there is any {@code dns search-domains}, those replace every
 *       {@code dhcp-option DOMAIN-SEARCH}.</li>
 * </ul>
 * OpenVPN 2.6 on Linux applies none of it itself; it hands {@link #foreignOptions()} to scripts.
 *
 * @param servers        the merged {@code dns server} list, by ascending priority
 * @param addresses      the DNS servers to use, in order: every address of {@code servers}, else
 *                       the {@code dhcp-option DNS}/{@code DNS6} addresses
 * @param searchDomains  {@code dns search-domains}, else the {@code dhcp-option DOMAIN-SEARCH} values
 * @param domain         the last {@code dhcp-option DOMAIN} or {@code ADAPTER_DOMAIN_SUFFIX}
 * @param foreignOptions the {@code foreign_option_1..N} values OpenVPN 2.6 on Linux gives scripts
 * @param warnings       {@code dhcp-option} values that are not addresses, and the like
 */
public record DnsPlan(List<DnsServer> servers, List<InetAddress> addresses, List<String> searchDomains,
                      Optional<String> domain, List<String> foreignOptions, List<String> warnings) {

    public DnsPlan {
        servers = List.copyOf(servers);
        addresses = List.copyOf(addresses);
        searchDomains = List.copyOf(searchDomains);
        foreignOptions = List.copyOf(foreignOptions);
        warnings = List.copyOf(warnings);
    }

    /** Combines the configured options with the pushed ones. */
    static DnsPlan of(PushedOptions configured, PushedOptions pushed) {
        TreeMap<Integer, DnsServer> merged = new TreeMap<>();
        configured.dnsServers().forEach(s -> merged.put(s.priority(), s));
        pushed.dnsServers().forEach(s -> merged.put(s.priority(), s));
        List<DnsServer> servers = new ArrayList<>(merged.values());
        List<String> dnsDomains = new ArrayList<>(configured.dnsSearchDomains());
        dnsDomains.addAll(pushed.dnsSearchDomains());
        List<DhcpOption> dhcp = new ArrayList<>(configured.dhcpOptions());
        dhcp.addAll(pushed.dhcpOptions());

        List<String> warnings = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        List<String> searchDomains = new ArrayList<>(dnsDomains);
        Optional<String> domain = Optional.empty();
        List<String> foreign = new ArrayList<>();
        for (DhcpOption o : dhcp) {
            String type = o.type();
            boolean dns = type.equals(DhcpOption.DNS) || type.equals(DhcpOption.DNS6);
            if (dns && servers.isEmpty()) {
                Optional<? extends InetAddress> a = o.value().flatMap(v -> AddressWords.ipv4(v).map(InetAddress.class::cast)
                        .or(() -> AddressWords.ipv6(v)));
                if (a.isPresent()) {
                    addresses.add(a.get());
                } else {
                    warnings.add("dhcp-option " + type + ": not an IP address: '" + o.value().orElse("") + "'");
                }
            }
            if (type.equals(DhcpOption.DOMAIN_SEARCH) && dnsDomains.isEmpty()) {
                o.value().ifPresent(searchDomains::add);
            }
            if (type.equals(DhcpOption.DOMAIN) || type.equals(DhcpOption.ADAPTER_DOMAIN_SUFFIX)) {
                domain = o.value().or(() -> Optional.of(""));
            }
            // foreign_options_copy_dns drops options that merely start with these texts.
            String text = o.asForeignOption();
            boolean replaced = (!servers.isEmpty() && text.startsWith("dhcp-option DNS"))
                    || (!dnsDomains.isEmpty() && text.startsWith("dhcp-option DOMAIN-SEARCH"));
            if (!replaced) {
                foreign.add(text);
            }
        }
        for (DnsServer s : servers) {
            for (DnsServer.Address a : s.addresses()) {
                addresses.add(a.address());
                foreign.add("dhcp-option " + (a.address().getAddress().length == 4 ? "DNS " : "DNS6 ")
                        + text(a.address()));
            }
        }
        for (String d : dnsDomains) {
            foreign.add("dhcp-option DOMAIN-SEARCH " + d);
        }
        return new DnsPlan(servers, addresses, searchDomains, domain, foreign, warnings);
    }

    private static String text(InetAddress a) {
        return a.getAddress().length == 4 ? a.getHostAddress()
                : io.sluice.core.pool.AddressText.formatIpv6(a.getAddress());
    }
}
