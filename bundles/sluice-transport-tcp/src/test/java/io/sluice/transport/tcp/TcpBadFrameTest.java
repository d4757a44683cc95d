package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer sending what is not OpenVPN's framing loses its own connection, and only that:
 * the others on the same port and I/O thread go on. The limit here is OpenVPN's own with
 * default settings, 1768 bytes.
 */
@Timeout(60)
class TcpBadFrameTest {

    private static final int OPENVPN_DEFAULT_MAX = 1768;
    private static final HexFormat HEX = HexFormat.of();

    // One I/O thread: the bad connection and the good one share it.
    private final TcpTransport transport = newTransport();

    private final BlockingQueue<RecordingReceiver> receivers = new LinkedBlockingQueue<>();

    private static TcpTransport newTransport() {
        try {
            return new TcpTransport(TcpSettings.defaults(1).withMaxPacketLength(OPENVPN_DEFAULT_MAX));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    private TcpListener listen() throws Exception {
        return (TcpListener) transport.listen(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS,
                this::accept);
    }

    private PacketReceiver accept(PacketLink link) {
        RecordingReceiver receiver = new RecordingReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private RecordingReceiver nextReceiver() throws InterruptedException {
        return receivers.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void anOversizeLengthClosesOnlyThatConnectionWithACountedReason() throws Exception {
        try (TcpListener listener = listen();
             FramedSocket good = new FramedSocket(listener.localAddress());
             FramedSocket bad = new FramedSocket(listener.localAddress())) {
            RecordingReceiver goodReceiver = nextReceiver();
            RecordingReceiver badReceiver = nextReceiver();

            bad.writeRaw(HEX.parseHex("0001aa" + "06e9")); // a good frame, then 1769

            badReceiver.awaitClosed();
            assertTrue(bad.readsEndOfStream());
            assertArrayEquals(new byte[] {(byte) 0xaa}, badReceiver.next().bytes(), "frames before it count");
            BadFrameException cause = assertInstanceOf(BadFrameException.class, badReceiver.closeCauses.get(0));
            assertEquals(CloseReason.OVERSIZE_FRAME, cause.reason());
            assertTrue(cause.getMessage().contains("1769"), cause.getMessage());
            assertEquals(1, transport.stats().closes(CloseReason.OVERSIZE_FRAME));

            good.writeFrame(new byte[OPENVPN_DEFAULT_MAX]);
            assertEquals(OPENVPN_DEFAULT_MAX, goodReceiver.next().bytes().length);
            assertEquals(0, goodReceiver.closedCalls.get());
        }
    }

    @Test
    void aZeroLengthClosesTheConnectionWithACountedReason() throws Exception {
        try (TcpListener listener = listen();
             FramedSocket bad = new FramedSocket(listener.localAddress())) {
            RecordingReceiver receiver = nextReceiver();
            bad.writeRaw(HEX.parseHex("0000"));
            receiver.awaitClosed();
            assertTrue(bad.readsEndOfStream());
            BadFrameException cause = assertInstanceOf(BadFrameException.class, receiver.closeCauses.get(0));
            assertEquals(CloseReason.ZERO_LENGTH_FRAME, cause.reason());
            assertEquals(1, transport.stats().closes(CloseReason.ZERO_LENGTH_FRAME));
        }
    }

    @Test
    void aPlainTextRequestIsRefusedAtItsFirstTwoBytes() throws Exception {
        // "GE" read as a length is 0x4745 = 18245: far over the limit, refused without
        // waiting for 18 KB that a web client will never send.
        try (TcpListener listener = listen();
             FramedSocket browser = new FramedSocket(listener.localAddress())) {
            RecordingReceiver receiver = nextReceiver();
            browser.writeRaw("GET / HTTP/1.1\r\nHost: vpn\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            receiver.awaitClosed();
            assertTrue(browser.readsEndOfStream());
            assertTrue(receiver.packets.isEmpty());
            assertEquals(1, transport.stats().closes(CloseReason.OVERSIZE_FRAME));
        }
    }

    @Test
    void aFloodOfGarbageFromManyPeersLeavesAGoodPeerServed() throws Exception {
        try (TcpListener listener = listen();
             FramedSocket good = new FramedSocket(listener.localAddress())) {
            RecordingReceiver goodReceiver = nextReceiver();
            byte[] garbage = new byte[4096];
            new java.util.Random(1).nextBytes(garbage);
            garbage[0] = (byte) 0xff; // a length over the limit whatever follows
            for (int i = 0; i < 20; i++) {
                try (FramedSocket bad = new FramedSocket(listener.localAddress())) {
                    bad.writeRaw(garbage);
                    assertTrue(bad.readsEndOfStream());
                }
            }
            good.writeFrame(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, goodReceiver.next().bytes());
            assertEquals(20, transport.stats().closes(CloseReason.OVERSIZE_FRAME));
        }
    }
}
