package io.sluice.api.tun;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address on a tunnel device: {@code local/prefixLength}, and for point-to-point
 * set-ups ({@code topology net30} and {@code p2p}) the peer's address.
 */
public record IfAddress(InetAddress local, int prefixLength, Optional<InetAddress> peer) {

    public IfAddress {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(peer, "peer");
        int max = local.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length out of range 0.." + max + ": " + prefixLength);
        }
        peer.ifPresent(p -> {
            if (p.getAddress().length != local.getAddress().length) {
                throw new IllegalArgumentException("peer and local are of different families");
            }
        });
    }
}
