package io.sluice.core.server;

import io.sluice.core.events.AuthBackends;
import io.sluice.core.log.TunnelLog;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What authentication backends gave an accepted user, as client-config-dir directives: a fixed
 * IPv4 address (RADIUS's Framed-IP-Address) with the second {@code ifconfig} argument the
 * server's topology needs, a fixed IPv6 address, and options to push. They apply after the
 * client's client-config-dir file, as an OpenVPN auth plugin's do.
 */
final class BackendDirectives {

    private BackendDirectives() {
    }

    static ClientDirectives of(AuthBackends.Decision decision, ServerSettings settings, TunnelLog log) {
        Optional<ClientAddresses> fixed = Optional.empty();
        if (decision.framedAddress().isPresent()) {
            Inet4Address address = decision.framedAddress().get();
            Optional<Inet4Address> second = secondArgument(address, settings);
            if (second.isEmpty()) {
                log.warn("authentication backend's address " + address.getHostAddress() + " is not usable with topology "
                        + settings.topology().name().toLowerCase(java.util.Locale.ROOT) + "; the pool assigns one");
            } else {
                fixed = Optional.of(new ClientAddresses(Optional.of(address), second, decision.framedIpv6Address(),
                        true));
            }
        }
        return new ClientDirectives(false, fixed, decision.framedIpv6Address().map(a -> (InetAddress) a),
                java.util.List.of(), false, java.util.List.of(), decision.push());
    }

    /** The netmask (subnet), the server side of the address's /30 (net30), or the server (p2p). */
    private static Optional<Inet4Address> secondArgument(Inet4Address address, ServerSettings settings) {
        if (settings.ipv4().isEmpty()) {
            return Optional.empty();
        }
        ServerSettings.Ipv4Network net = settings.ipv4().get();
        return switch (settings.topology()) {
            case SUBNET -> Optional.of(net.remoteOrNetmask());
            case P2P -> Optional.of(net.local());
            case NET30 -> {
                byte[] b = address.getAddress();
                if ((b[3] & 3) != 2) {
                    yield Optional.empty(); // a client's address is the third of its /30 in net30
                }
                b[3] = (byte) (b[3] - 1);
                try {
                    yield Optional.of((Inet4Address) InetAddress.getByAddress(b));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
