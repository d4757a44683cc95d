package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteQueueTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int SMALLEST = TcpSettings.MIN_QUEUE_BYTES;

    /** A socket that takes at most {@code perWrite} bytes per write, like a full send buffer. */
    private static final class Socket implements GatheringByteChannel {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        int perWrite;

        Socket(int perWrite) {
            this.perWrite = perWrite;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            long n = 0;
            for (int i = offset; i < offset + length && n < perWrite; i++) {
                while (srcs[i].hasRemaining() && n < perWrite) {
                    taken.write(srcs[i].get());
                    n++;
                }
            }
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) {
            return (int) write(new ByteBuffer[] {src}, 0, 1);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }

        String hex() {
            return HEX.formatHex(taken.toByteArray());
        }
    }

    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    @Test
    void queuesTheRestOfAStartedFrameThenWholeFramesWithTheirPrefix() throws Exception {
        WriteQueue queue = new WriteQueue(64, SMALLEST);
        ByteBuffer prefix = bytes("0004");
        prefix.position(1); // the socket took the first length byte
        queue.addRest(prefix, bytes("a1a2a3a4"));
        assertTrue(queue.offer(bytes("b1")));
        assertTrue(queue.offer(bytes("c1c2")));
        assertEquals(3, queue.packets());

        Socket socket = new Socket(Integer.MAX_VALUE);
        queue.drainTo(socket);

        assertEquals("04a1a2a3a4" + "0001b1" + "0002c1c2", socket.hex());
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.packets());
    }

    @Test
    void offerConsumesThePacket() {
        WriteQueue queue = new WriteQueue(64, SMALLEST);
        queue.addRest(bytes(""), bytes("aa"));
        ByteBuffer packet = bytes("bbcc");
        assertTrue(queue.offer(packet));
        assertFalse(packet.hasRemaining());
    }

    @Test
    void refusesANewPacketOnceThePacketLimitIsReachedAndLeavesItUntouched() {
        WriteQueue queue = new WriteQueue(3, SMALLEST);
        queue.addRest(bytes(""), bytes("aa"));
        assertTrue(queue.offer(bytes("bb")));
        assertTrue(queue.offer(bytes("cc")));
        ByteBuffer refused = bytes("dd");
        assertFalse(queue.offer(refused));
        assertEquals(0, refused.position());
        assertEquals(3, queue.packets());
    }

    @Test
    void refusesAFrameThatDoesNotFitTheBytesLeft() {
        WriteQueue queue = new WriteQueue(64, SMALLEST);
        queue.addRest(bytes(""), ByteBuffer.allocate(SMALLEST - 10));
        assertFalse(queue.offer(ByteBuffer.allocate(9)), "9 bytes + 2 of prefix exceed the 10 left");
        assertTrue(queue.offer(ByteBuffer.allocate(8)));
        assertEquals(SMALLEST, queue.bytes());
    }

    @Test
    void aPacketLeavesTheCountOnlyWhenItsLastByteIsWritten() throws Exception {
        WriteQueue queue = new WriteQueue(64, SMALLEST);
        queue.addRest(bytes(""), bytes("aabbcc"));
        assertTrue(queue.offer(bytes("dd")));
        Socket socket = new Socket(2);
        queue.drainTo(socket);
        assertEquals(2, queue.packets());
        queue.drainTo(socket);
        assertEquals(1, queue.packets(), "aabbcc written, 00 of the next prefix too");
        queue.drainTo(socket);
        assertEquals(0, queue.packets());
        assertEquals("aabbcc" + "0001dd", socket.hex());
    }

    @Test
    void keepsFramesWholeAndInOrderWhileTheRingWrapsAroundManyTimes() throws Exception {
        WriteQueue queue = new WriteQueue(64, SMALLEST);
        Socket socket = new Socket(7_777);
        List<String> sent = new ArrayList<>();
        queue.addRest(bytes(""), bytes("00"));
        sent.add("00");
        int next = 1;
        for (int round = 0; round < 200; round++) {
            // Fill until refused, then let the socket take a bit: the ring's ends move on.
            while (true) {
                byte[] packet = new byte[1 + (next * 37) % 1500];
                for (int i = 0; i < packet.length; i++) {
                    packet[i] = (byte) (next + i);
                }
                if (!queue.offer(ByteBuffer.wrap(packet))) {
                    break;
                }
                sent.add(HEX.formatHex(packet));
                next++;
            }
            queue.drainTo(socket);
        }
        socket.perWrite = Integer.MAX_VALUE;
        queue.drainTo(socket);

        List<String> received = new ArrayList<>();
        byte[] stream = socket.taken.toByteArray();
        // The first element went in as the rest of a frame: without its prefix.
        ByteBuffer framed = ByteBuffer.wrap(stream, 1, stream.length - 1);
        received.add("00");
        new FrameDecoder(FrameDecoder.MAX_WIRE_LENGTH).decode(framed, p -> {
            byte[] b = new byte[p.remaining()];
            p.get(b);
            return received.add(HEX.formatHex(b));
        });
        assertTrue(sent.size() > 1000, "the ring wrapped around: " + sent.size() + " packets");
        assertEquals(sent, received);
    }

    @Test
    void clearForgetsEverythingQueued() throws Exception {
        WriteQueue queue = new WriteQueue(64, SMALLEST);
        queue.addRest(bytes(""), bytes("aabb"));
        queue.offer(bytes("cc"));
        queue.clear();
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.packets());
        Socket socket = new Socket(Integer.MAX_VALUE);
        assertEquals(0, queue.drainTo(socket));
        queue.addRest(bytes(""), bytes("dd"));
        queue.drainTo(socket);
        assertEquals("dd", socket.hex());
    }

    @Test
    void theRestOfAFrameOnlyGoesIntoAnEmptyQueue() {
        WriteQueue queue = new WriteQueue(64, SMALLEST);
        queue.addRest(bytes(""), bytes("aa"));
        assertThrows(IllegalStateException.class, () -> queue.addRest(bytes(""), bytes("bb")));
    }

    @Test
    void mustHoldAtLeastOneLargestFrame() {
        assertThrows(IllegalArgumentException.class, () -> new WriteQueue(64, SMALLEST - 1));
        assertThrows(IllegalArgumentException.class, () -> new WriteQueue(0, SMALLEST));
    }
}
