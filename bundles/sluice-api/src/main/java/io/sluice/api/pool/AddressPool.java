package io.sluice.api.pool;

import java.util.List;
import java.util.Optional;

/**
 * Leases tunnel addresses. Sticky: an owner that had an address gets the same one back
 * while it is free, as OpenVPN's {@code ifconfig-pool-persist} does. Thread-safe.
 */
public interface AddressPool extends AutoCloseable {

    String name();

    /** A lease for {@code owner}: the one it had if still free, else the first free one; empty when full. */
    Optional<Lease> acquire(String owner);

    /** Gives a lease back; its address stays reserved for its owner until another client needs it. */
    void release(Lease lease);

    /** The leases held now. */
    List<Lease> leases();

    /** Writes the persist file, if any, and releases resources. */
    @Override
    void close();
}
