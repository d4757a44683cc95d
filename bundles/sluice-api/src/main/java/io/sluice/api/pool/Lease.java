package io.sluice.api.pool;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One client's tunnel address.
 *
 * @param owner   who holds it: the client's common name, or username with
 *                {@code username-as-common-name}
 * @param address the client's address
 * @param peer    in {@code topology net30}, the server-side address of the client's /30
 */
public record Lease(String owner, InetAddress address, Optional<InetAddress> peer) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peer, "peer");
    }
}
