package io.sluice.config;

import java.util.Optional;

/** The IPv4 address pool handed to clients: {@code ifconfig-pool start end [netmask]}. */
public record IfconfigPool(String start, String end, Optional<String> netmask) {
}
