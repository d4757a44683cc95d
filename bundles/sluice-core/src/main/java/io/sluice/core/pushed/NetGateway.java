package io.sluice.core.pushed;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The route the system used, before the tunnel came up, towards the server (route.c
 * {@code struct route_gateway_info}): for IPv4 the default route, for IPv6 the best route to the
 * server's address. Supplied by the caller, who asks the OS.
 *
 * @param gateway      the next hop; empty for an on-link route ({@code default dev ppp0}), which
 *                     OpenVPN calls {@code RGI_ON_LINK}
 * @param device       the interface of that route ({@code eth0})
 * @param prefixLength IPv4 only: the prefix length of {@code device}'s address whose subnet holds
 *                     {@code gateway} (OpenVPN's {@code rgi.gateway.netmask}); empty when there is
 *                     none or for IPv6. It decides whether the server counts as local and what
 *                     {@code block-local} blocks.
 */
public record NetGateway(Optional<InetAddress> gateway, String device, OptionalInt prefixLength) {

    public NetGateway {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(prefixLength, "prefixLength");
        if (device.isEmpty()) {
            throw new IllegalArgumentException("device must not be empty");
        }
        if (prefixLength.isPresent()) {
            if (gateway.isEmpty() || !(gateway.get() instanceof Inet4Address)) {
                throw new IllegalArgumentException("a prefix length belongs to an IPv4 gateway");
            }
            if (prefixLength.getAsInt() < 0 || prefixLength.getAsInt() > 32) {
                throw new IllegalArgumentException("prefix length out of range 0..32: " + prefixLength.getAsInt());
            }
        }
    }

    /** A gateway reached through {@code device}, on a subnet of {@code prefixLength} bits. */
    public static NetGateway via(Inet4Address gateway, String device, int prefixLength) {
        return new NetGateway(Optional.of(gateway), device, OptionalInt.of(prefixLength));
    }

    /** An IPv6 gateway, or an IPv4 one whose subnet is unknown. */
    public static NetGateway via(InetAddress gateway, String device) {
        return new NetGateway(Optional.of(gateway), device, OptionalInt.empty());
    }

    /** An on-link route: no next hop, just the device. */
    public static NetGateway onLink(String device) {
        return new NetGateway(Optional.empty(), device, OptionalInt.empty());
    }

    /** Whether the route has no next hop. */
    public boolean onLink() {
        return gateway.isEmpty();
    }
}
