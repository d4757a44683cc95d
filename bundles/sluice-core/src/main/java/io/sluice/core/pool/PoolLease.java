package io.sluice.core.pool;

import io.sluice.api.pool.Lease;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One client's addresses from an {@link IfconfigPool}: what pool.c {@code ifconfig_pool_acquire}
 * returns (the IPv4 {@code remote} and {@code local}, the IPv6 {@code remote_ipv6}).
 *
 * <p>The server pushes {@link #ipv4()} as the client's {@code ifconfig} address and, in
 * {@code topology net30}, {@link #ipv4Peer()} as its other end; {@link #ipv6()} is the client's
 * {@code ifconfig-ipv6} address. A lease is given back with {@link IfconfigPool#release(PoolLease)}
 * exactly once; it is compared by identity, so a stale lease can never free a slot that has since
 * gone to another session.
 */
public final class PoolLease {

    private final int slot;
    private final String owner;
    private final Optional<InetAddress> ipv4;
    private final Optional<InetAddress> ipv4Peer;
    private final Optional<InetAddress> ipv6;
    private final Lease lease;

    PoolLease(int slot, String owner, Optional<InetAddress> ipv4, Optional<InetAddress> ipv4Peer,
              Optional<InetAddress> ipv6) {
        this.slot = slot;
        this.owner = Objects.requireNonNull(owner, "owner");
        this.ipv4 = ipv4;
        this.ipv4Peer = ipv4Peer;
        this.ipv6 = ipv6;
        this.lease = new Lease(owner, ipv4.or(() -> ipv6).orElseThrow(), ipv4Peer);
    }

    /** The slot number, for logs; OpenVPN calls it the pool handle. */
    public int slot() {
        return slot;
    }

    /** Who asked for the lease. */
    public String owner() {
        return owner;
    }

    /** The client's IPv4 address, if the pool has an IPv4 part. */
    public Optional<InetAddress> ipv4() {
        return ipv4;
    }

    /** In {@code topology net30}, the server-side address of the client's /30. */
    public Optional<InetAddress> ipv4Peer() {
        return ipv4Peer;
    }

    /** The client's IPv6 address, if the pool has an IPv6 part. */
    public Optional<InetAddress> ipv6() {
        return ipv6;
    }

    /**
     * The API's view, always the same object for this lease: the IPv4 address if the pool has
     * one, else the IPv6 address. {@link io.sluice.api.pool.Lease} has room for one address, so a
     * pool with both families loses the IPv6 one there; the server reads it from {@link #ipv6()}.
     */
    public Lease lease() {
        return lease;
    }

    @Override
    public String toString() {
        return "PoolLease[" + owner + " slot " + slot + ipv4.map(a -> " " + a.getHostAddress()).orElse("")
                + ipv6.map(a -> " " + a.getHostAddress()).orElse("") + "]";
    }
}
