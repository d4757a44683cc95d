package io.sluice.api.pool;

import java.io.IOException;

/** Service: makes address pools. */
@FunctionalInterface
public interface AddressPoolFactory {

    /**
     * Builds a pool, reading its persist file if there is one.
     *
     * @throws IOException when the persist file exists but cannot be read
     */
    AddressPool create(PoolSpec spec) throws IOException;
}
