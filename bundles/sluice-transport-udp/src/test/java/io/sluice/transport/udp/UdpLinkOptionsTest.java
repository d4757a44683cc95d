package io.sluice.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UdpLinkOptionsTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private final UdpTransport transport = new UdpTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @Test
    void appliesTheSendAndReceiveBufferSizesAsked() throws Exception {
        // Far below Linux's defaults (about 208 KiB), so the defaults cannot pass for them.
        try (UdpLink link = (UdpLink) transport.bind(LOOPBACK,
                new LinkOptions(12_288, 16_384, 0, Optional.empty()), new RecordingReceiver())) {
            assertAsked(12_288, link.socketOption(StandardSocketOptions.SO_SNDBUF));
            assertAsked(16_384, link.socketOption(StandardSocketOptions.SO_RCVBUF));
        }
    }

    /** Linux reports twice the size asked (it books its own overhead into the buffer). */
    private static void assertAsked(int asked, int reported) {
        assertTrue(reported == asked || reported == 2 * asked, "asked " + asked + ", socket has " + reported);
    }

    @Test
    void refusesAFirewallMarkNamingTheOption() {
        RecordingReceiver receiver = new RecordingReceiver();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> transport.bind(LOOPBACK, new LinkOptions(0, 0, 7, Optional.empty()), receiver));
        assertTrue(e.getMessage().contains("'mark'"), e.getMessage());
        assertEquals(0, transport.openLinks());
    }

    @Test
    void refusesABindDeviceNamingTheOption() {
        RecordingReceiver receiver = new RecordingReceiver();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> transport.bind(LOOPBACK, new LinkOptions(0, 0, 0, Optional.of("vrf-blue")), receiver));
        assertTrue(e.getMessage().contains("'bind-dev'"), e.getMessage());
        assertTrue(e.getMessage().contains("vrf-blue"), e.getMessage());
        assertEquals(0, transport.openLinks());
    }
}
