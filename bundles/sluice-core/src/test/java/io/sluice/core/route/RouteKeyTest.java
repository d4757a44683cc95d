package io.sluice.core.route;

import static io.sluice.core.route.Packets.host;
import static io.sluice.core.route.Packets.ip;
import static io.sluice.core.route.Packets.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouteKeyTest {

    @Test
    void aPrefixsHostBitsAreCleared() {
        assertEquals(prefix("10.0.0.0/24"), prefix("10.0.0.77/24"));
        assertEquals(ip("10.0.0.0"), prefix("10.0.0.77/24").address());
        assertEquals(prefix("2001:db8:1::/48"), prefix("2001:db8:1:2::5/48"));
        assertEquals(prefix("2001:db8::/96"), prefix("2001:db8::1:2/96"));
        assertEquals(prefix("2001:db8::1:0/112"), prefix("2001:db8::1:2/112"));
    }

    @Test
    void aHostAndAFullLengthPrefixOfTheSameAddressAreDifferentKeys() {
        assertNotEquals(host("10.8.0.6"), prefix("10.8.0.6/32"));
        assertNotEquals(host("2001:db8::6"), prefix("2001:db8::6/128"));
        assertNotEquals(host("0.0.0.1"), host("::1"));
    }

    @Test
    void printsAsOpenVpnPassesItToLearnAddress() {
        assertEquals("10.8.0.6", host("10.8.0.6").toString());
        assertEquals("192.168.1.0/24", prefix("192.168.1.9/24").toString());
        assertEquals("2001:db8::1000", host("2001:db8::1000").toString());
        assertEquals("2001:db8:1::/64", prefix("2001:db8:1::/64").toString());
        assertEquals("0.0.0.0/0", prefix("0.0.0.0/0").toString());
    }

    @Test
    void learnsWhatOpenVpnLearns() {
        assertTrue(host("10.8.0.6").learnable());
        assertTrue(prefix("0.0.0.0/0").learnable());
        assertTrue(prefix("0.0.0.0/7").learnable());
        assertTrue(prefix("::/0").learnable());
        assertFalse(prefix("0.0.0.0/8").learnable());
        assertFalse(host("0.0.0.0").learnable());
        assertFalse(host("255.255.255.255").learnable());
        assertFalse(prefix("255.255.255.255/32").learnable());
        assertFalse(host("::").learnable());
        assertFalse(host("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").learnable());
    }

    @Test
    void refusesImpossiblePrefixLengths() {
        assertThrows(IllegalArgumentException.class, () -> RouteKey.prefix(ip("10.0.0.0"), 33));
        assertThrows(IllegalArgumentException.class, () -> RouteKey.prefix(ip("10.0.0.0"), -1));
        assertThrows(IllegalArgumentException.class, () -> RouteKey.prefix(ip("2001:db8::"), 129));
    }
}
