package io.sluice.core.pushed;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code dhcp-option type [value]}. OpenVPN 2.6 on Linux and the BSDs hands every one of these
 * to scripts as {@code foreign_option_N} without looking at the type; only its Windows and Android
 * builds act on them. The types Sluice reads are listed here; others are kept as written.
 */
public record DhcpOption(String type, Optional<String> value) {

    /** An IPv4 or IPv6 DNS server (with an IPv6 address, Windows OpenVPN treats it as DNS6). */
    public static final String DNS = "DNS";
    /** An IPv6 DNS server. */
    public static final String DNS6 = "DNS6";
    /** The connection's DNS suffix. */
    public static final String DOMAIN = "DOMAIN";
    /** Windows' name for {@link #DOMAIN}, treated the same. */
    public static final String ADAPTER_DOMAIN_SUFFIX = "ADAPTER_DOMAIN_SUFFIX";
    /** One search domain per option. */
    public static final String DOMAIN_SEARCH = "DOMAIN-SEARCH";

    public DhcpOption {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** The option as OpenVPN puts it in {@code foreign_option_N}. */
    public String asForeignOption() {
        return "dhcp-option " + type + value.map(v -> " " + v).orElse("");
    }
}
