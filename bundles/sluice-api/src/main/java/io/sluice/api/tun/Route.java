package io.sluice.api.tun;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A route: {@code network/prefixLength} via an optional gateway, with a metric (0 for the
 * system default).
 */
public record Route(InetAddress network, int prefixLength, Optional<InetAddress> gateway, int metric) {

    public Route {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(gateway, "gateway");
        int max = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length out of range 0.." + max + ": " + prefixLength);
        }
        if (metric < 0) {
            throw new IllegalArgumentException("metric must not be negative");
        }
    }
}
