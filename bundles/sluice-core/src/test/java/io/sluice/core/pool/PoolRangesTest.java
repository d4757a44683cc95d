package io.sluice.core.pool;

import static io.sluice.core.pool.Pools.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.pool.AddressRange;
import org.junit.jupiter.api.Test;

/** {@code ifconfig-ipv6-pool base/bits} as pool.c {@code ifconfig_pool_init} sizes it. */
class PoolRangesTest {

    @Test
    void aWidePrefixGivesSixtyFiveThousandFiveHundredThirtySixAddressesFromTheBase() {
        // server-ipv6 2001:db8::/64 sets ifconfig-ipv6-pool 2001:db8::1000/64.
        AddressRange r = PoolRanges.ipv6Pool(ip("2001:db8::1000"), 64);

        assertEquals(ip("2001:db8::1000"), r.first());
        assertEquals(ip("2001:db8::1:fff"), r.last());
    }

    @Test
    void theSubnetsAllZeroAddressIsSkipped() {
        AddressRange r = PoolRanges.ipv6Pool(ip("2001:db8::"), 112);

        assertEquals(ip("2001:db8::1"), r.first());
        assertEquals(ip("2001:db8::ffff"), r.last());
    }

    @Test
    void onlyTheLast32BitsAreLookedAtForTheAllZeroAddress() {
        // pool.c's own example: 2001:db8:0:1:1234::0/64 also starts at ::1.
        assertEquals(ip("2001:db8:0:1:1234::1"), PoolRanges.ipv6Pool(ip("2001:db8:0:1:1234::"), 64).first());
        // With a /120, host bits are 8: ::100 has a zero host part.
        assertEquals(ip("2001:db8::101"), PoolRanges.ipv6Pool(ip("2001:db8::100"), 120).first());
    }

    @Test
    void aLongPrefixEndsAtTheSubnetsLastAddress() {
        // server-ipv6 2001:db8::/120 sets ifconfig-ipv6-pool 2001:db8::2/120: 254 addresses.
        AddressRange r = PoolRanges.ipv6Pool(ip("2001:db8::2"), 120);

        assertEquals(ip("2001:db8::2"), r.first());
        assertEquals(ip("2001:db8::ff"), r.last());
        assertEquals(254, r.size().intValue());
    }

    @Test
    void aWidePrefixStopsAtTheSubnetsEnd() {
        AddressRange r = PoolRanges.ipv6Pool(ip("2001:db8::ffff:ffff:ffff:fff0"), 64);

        assertEquals(ip("2001:db8::ffff:ffff:ffff:ffff"), r.last());
    }

    @Test
    void prefixLengthsOutsideSixtyFourToOneTwentyFourAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PoolRanges.ipv6Pool(ip("2001:db8::"), 63));
        assertThrows(IllegalArgumentException.class, () -> PoolRanges.ipv6Pool(ip("2001:db8::"), 125));
        assertThrows(IllegalArgumentException.class, () -> PoolRanges.ipv6Pool(ip("10.8.0.0"), 64));
    }

    @Test
    void aPoolOfOneAddressIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PoolRanges.ipv6Pool(ip("2001:db8::f"), 124));
    }
}
