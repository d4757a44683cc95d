package io.sluice.config;

import java.util.Optional;

/** An IPv4 {@code route network [netmask] [gateway] [metric]}, as written or as a helper adds it. */
public record Route(String network, Optional<String> netmask, Optional<String> gateway, Optional<String> metric) {
}
