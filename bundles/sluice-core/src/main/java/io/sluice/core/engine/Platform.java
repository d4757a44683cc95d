package io.sluice.core.engine;

import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.StreamTransport;
import io.sluice.api.dns.HostResolver;
import io.sluice.api.tun.HostRoutes;
import io.sluice.api.tun.TunDriver;
import java.util.Objects;
import java.util.Optional;

/**
 * The capabilities an instance runs on, as installed when it starts: the OSGi layer fills this
 * from services, tests from in-memory fakes. An instance keeps what it got until it stops.
 *
 * @param crypto the cipher and digest providers (looked up again for every new key)
 * @param tun    the TUN/TAP driver of this OS
 * @param udp    the datagram transport, if installed
 * @param tcp    the stream transport, if installed
 * @param hostRoutes the host's routing table outside the tunnel (for a client's
 *                   {@code redirect-gateway}), if installed
 * @param resolver   the host's DNS resolver settings (for a client's pushed DNS), if installed
 */
public record Platform(CryptoProviders crypto, TunDriver tun, Optional<DatagramTransport> udp,
                       Optional<StreamTransport> tcp, Optional<HostRoutes> hostRoutes,
                       Optional<HostResolver> resolver) {

    /** The capabilities a server needs (no host routes, no resolver). */
    public static Platform forServer(CryptoProviders crypto, TunDriver tun, Optional<DatagramTransport> udp,
                                     Optional<StreamTransport> tcp) {
        return new Platform(crypto, tun, udp, tcp, Optional.empty(), Optional.empty());
    }

    public Platform {
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(tun, "tun");
        Objects.requireNonNull(udp, "udp");
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(hostRoutes, "hostRoutes");
        Objects.requireNonNull(resolver, "resolver");
    }
}
