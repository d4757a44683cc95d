package io.sluice.core.pool;

import io.sluice.api.pool.AddressPoolFactory;
import io.sluice.api.pool.PoolSpec;
import io.sluice.core.time.Clock;
import java.io.IOException;
import java.util.Objects;

/**
 * Builds {@link IfconfigPool}s. A {@link PoolSpec}'s IPv4 ranges make the IPv4 part (block size 4
 * for {@code topology net30}), its IPv6 ranges the IPv6 part ({@link PoolRanges#ipv6Pool} turns
 * {@code ifconfig-ipv6-pool} into one); a persist interval of zero makes the file read-only.
 */
public final class IfconfigPoolFactory implements AddressPoolFactory {

    private final Clock clock;
    private final AtomicFileWriter writer;

    /** @param clock times the periodic writes of the persist file */
    public IfconfigPoolFactory(Clock clock) {
        this(clock, new AtomicFileWriter());
    }

    IfconfigPoolFactory(Clock clock, AtomicFileWriter writer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** A pool keyed by common name (no {@code duplicate-cn}). */
    @Override
    public IfconfigPool create(PoolSpec spec) throws IOException {
        return create(spec, false);
    }

    /**
     * A pool, reading its persist file if there is one.
     *
     * @param duplicateCn OpenVPN's {@code duplicate-cn}: leases ignore names, so nothing is sticky
     *                    and nothing new reaches the persist file
     * @throws IOException              if the persist file exists but cannot be read
     * @throws IllegalArgumentException if the ranges overlap or make a pool OpenVPN would refuse
     *                                  (fewer than 2 slots, more than 65536 IPv4 addresses)
     */
    public IfconfigPool create(PoolSpec spec, boolean duplicateCn) throws IOException {
        return new IfconfigPool(spec, duplicateCn, clock, writer);
    }
}
