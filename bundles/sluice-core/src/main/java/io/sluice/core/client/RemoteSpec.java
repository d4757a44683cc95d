package io.sluice.core.client;

import io.sluice.api.transport.TransportProtocol;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One server to try ({@code remote host [port] [proto]}, or a {@code <connection>} block), with
 * the connection options that go with it.
 *
 * @param host               a name or address literal, resolved at each attempt ({@code resolv-retry})
 * @param port               the server's port
 * @param protocol           UDP or TCP
 * @param family             4, 6, or 0 for either ({@code udp4}, {@code udp6}, {@code udp})
 * @param bind               the local address and port to bind ({@code local}, {@code lport}); empty
 *                           for {@code nobind}, where the OS picks a port
 * @param floatAllowed       {@code float}: accept packets from another address of the server
 * @param explicitExitNotify {@code explicit-exit-notify}: tell the server when we stop
 */
public record RemoteSpec(String host, int port, TransportProtocol protocol, int family,
                         Optional<InetSocketAddress> bind, boolean floatAllowed, boolean explicitExitNotify) {

    public RemoteSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(bind, "bind");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (family != 0 && family != 4 && family != 6) {
            throw new IllegalArgumentException("family must be 0, 4 or 6: " + family);
        }
    }

    /** A server on {@code host:port} with no local binding and no other option. */
    public static RemoteSpec of(String host, int port, TransportProtocol protocol) {
        return new RemoteSpec(host, port, protocol, 0, Optional.empty(), false, false);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + protocol.name().toLowerCase(Locale.ROOT)
                + (family == 0 ? "" : Integer.toString(family)) + ")";
    }
}
