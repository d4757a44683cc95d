package io.sluice.config;

import java.util.Optional;

/** The virtual network device: {@code dev}, the decided type, {@code dev-node}, {@code tun-mtu}. */
public record Device(Optional<String> dev, DevType type, Optional<String> devNode, Optional<Integer> tunMtu) {
}
