package io.sluice.core.server;

import io.sluice.api.transport.TransportProtocol;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One socket the server listens on ({@code proto}, {@code local}, {@code port}); several make
 * one instance serve UDP and TCP, IPv4 and IPv6 at once.
 */
public record ListenSpec(TransportProtocol protocol, InetSocketAddress address) {

    public ListenSpec {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return protocol.name().toLowerCase(java.util.Locale.ROOT) + " " + address;
    }
}
