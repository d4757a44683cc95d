package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class IpLengthTest {

    private static ByteBuffer ipv4(int totalLength, int bytes) {
        ByteBuffer b = ByteBuffer.allocate(bytes);
        b.put(0, (byte) 0x45).putShort(2, (short) totalLength);
        return b;
    }

    @Test
    void ipv4TotalLengthIncludesTheHeader() {
        assertEquals(84, IpLength.claimed(ipv4(84, 84), 0, 84));
        assertFalse(IpLength.truncated(ipv4(84, 84), 0, 84));
        assertTrue(IpLength.truncated(ipv4(1500, 64), 0, 64));
    }

    @Test
    void ipv6AddsTheFixedHeaderToThePayloadLength() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(10, (byte) 0x60).putShort(14, (short) 64);
        assertEquals(104, IpLength.claimed(b, 10, 54));
        assertTrue(IpLength.truncated(b, 10, 54));
    }

    @Test
    void somethingElseOrTooShortToTellClaimsNothing() {
        assertEquals(-1, IpLength.claimed(ByteBuffer.allocate(8), 0, 8), "version 0");
        assertEquals(-1, IpLength.claimed(ipv4(100, 8), 0, 3), "only 3 bytes read: no length field yet");
        assertEquals(-1, IpLength.claimed(ByteBuffer.allocate(1), 0, 0));
        assertFalse(IpLength.truncated(ByteBuffer.allocate(8), 0, 8));
    }
}
