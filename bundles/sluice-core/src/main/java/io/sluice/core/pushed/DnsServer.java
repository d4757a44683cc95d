package io.sluice.core.pushed;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One server of the 2.6 {@code dns} option: all {@code dns server N ...} lines with the same
 * priority N make one server (dns.c {@code dns_server_get}). Lower N is preferred.
 *
 * @param priority       -128..127 in a configuration file, 0..127 when pushed
 * @param addresses      at most {@link #MAX_ADDRESSES}, in order
 * @param resolveDomains the domains this server is for (split DNS); empty for all
 * @param dnssec         empty when not set
 * @param transport      empty when not set (plain)
 * @param sni            the TLS server name for DoT/DoH
 */
public record DnsServer(int priority, List<Address> addresses, List<String> resolveDomains,
                        Optional<Security> dnssec, Optional<Transport> transport, Optional<String> sni) {

    /** dns.h: {@code struct dns_server_addr addr[8]}. */
    public static final int MAX_ADDRESSES = 8;

    public DnsServer {
        addresses = List.copyOf(addresses);
        resolveDomains = List.copyOf(resolveDomains);
        Objects.requireNonNull(dnssec, "dnssec");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(sni, "sni");
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("at most 8 addresses per dns server");
        }
    }

    /** An address with an optional port ({@code 1.2.3.4:853}, {@code [2001:db8::1]:853}). */
    public record Address(InetAddress address, OptionalInt port) {
        public Address {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(port, "port");
            if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
                throw new IllegalArgumentException("port out of range: " + port.getAsInt());
            }
        }
    }

    /** {@code dnssec yes|optional|no}. */
    public enum Security { YES, OPTIONAL, NO }

    /** {@code transport plain|DoH|DoT}. */
    public enum Transport { PLAIN, HTTPS, TLS }
}
