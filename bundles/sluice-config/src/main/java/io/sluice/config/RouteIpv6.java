package io.sluice.config;

import java.util.Optional;

/** An IPv6 {@code route-ipv6 network/bits [gateway] [metric]}. */
public record RouteIpv6(String network, Optional<String> gateway, Optional<Integer> metric) {
}
