package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KeepalivePingTest {

    @Test
    void aWrittenPingIsRecognisedWithoutMovingTheBuffer() {
        ByteBuffer b = ByteBuffer.allocate(32);
        KeepalivePing.write(b);
        b.flip();

        assertTrue(KeepalivePing.isPing(b));
        assertEquals(0, b.position());
        assertEquals(16, b.limit());
    }

    @Test
    void onlyTheExactSixteenBytesArePings() {
        byte[] ping = KeepalivePing.bytes();
        byte[] longer = java.util.Arrays.copyOf(ping, 17);
        byte[] altered = ping.clone();
        altered[15] ^= 1;

        assertFalse(KeepalivePing.isPing(ByteBuffer.wrap(longer)));
        assertFalse(KeepalivePing.isPing(ByteBuffer.wrap(ping, 0, 15)));
        assertFalse(KeepalivePing.isPing(ByteBuffer.wrap(altered)));
    }
}
