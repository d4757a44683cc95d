package io.sluice.core.pool;

import io.sluice.api.pool.AddressRange;
import io.sluice.api.pool.PoolSpec;
import io.sluice.core.time.FakeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Pools and addresses for tests. Addresses are literals, so no name is ever looked up. */
final class Pools {

    private Pools() {
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static AddressRange range(String first, String last) {
        return new AddressRange(ip(first), ip(last));
    }

    static PoolSpec spec(int blockSize, AddressRange... ranges) {
        return new PoolSpec("test", List.of(ranges), blockSize, Optional.empty(), Duration.ofSeconds(600));
    }

    static PoolSpec persisted(Path file, Duration interval, int blockSize, AddressRange... ranges) {
        return new PoolSpec("test", List.of(ranges), blockSize, Optional.of(file), interval);
    }

    static IfconfigPool pool(PoolSpec spec) {
        return pool(spec, false);
    }

    static IfconfigPool pool(PoolSpec spec, boolean duplicateCn) {
        try {
            return new IfconfigPoolFactory(new FakeClock()).create(spec, duplicateCn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code server 10.8.0.0 255.255.255.0} pool with {@code topology subnet}. */
    static IfconfigPool subnet() {
        return pool(spec(1, range("10.8.0.2", "10.8.0.254")));
    }

    static String ipv4Of(PoolLease lease) {
        return lease.ipv4().orElseThrow().getHostAddress();
    }

    static String leaseIpv4(IfconfigPool pool, String owner) {
        return ipv4Of(pool.lease(owner).orElseThrow());
    }
}
