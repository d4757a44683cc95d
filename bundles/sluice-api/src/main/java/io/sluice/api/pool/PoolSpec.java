package io.sluice.api.pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to build a pool ({@code ifconfig-pool}, {@code ifconfig-ipv6-pool},
 * {@code ifconfig-pool-persist}; RouterOS's {@code /ip pool}).
 *
 * @param name            the pool's name
 * @param ranges          where its addresses come from, in order of preference
 * @param blockSize       addresses taken per lease: 1, or 4 for {@code topology net30}
 * @param persistFile     where leases are kept across restarts, in OpenVPN's
 *                        {@code ifconfig-pool-persist} format; written atomically
 * @param persistInterval how often the file is written (and at shutdown)
 */
public record PoolSpec(String name, List<AddressRange> ranges, int blockSize, Optional<Path> persistFile,
                       Duration persistInterval) {

    public PoolSpec {
        Objects.requireNonNull(name, "name");
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one range");
        }
        if (blockSize != 1 && blockSize != 4) {
            throw new IllegalArgumentException("block size must be 1 or 4: " + blockSize);
        }
        Objects.requireNonNull(persistFile, "persistFile");
        Objects.requireNonNull(persistInterval, "persistInterval");
    }
}
