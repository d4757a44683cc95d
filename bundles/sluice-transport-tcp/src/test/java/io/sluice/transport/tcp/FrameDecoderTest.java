package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hex fixtures: what a peer's byte stream holds, and the packets it must decode to. */
class FrameDecoderTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Three frames as they follow each other on the wire: a 1-byte packet, a 5-byte
     * P_CONTROL_HARD_RESET_CLIENT_V2-like start, and a 3-byte packet whose length has a
     * non-zero high byte elsewhere in the suite.
     */
    private static final String THREE_FRAMES = "0001" + "ff"
            + "0005" + "3800112233"
            + "0003" + "a1b2c3";
    private static final List<String> THREE_PACKETS = List.of("ff", "3800112233", "a1b2c3");

    /** Collects copies of decoded packets as hex. */
    private static final class Packets implements FrameDecoder.Sink {
        final List<String> hex = new ArrayList<>();
        int stopAfter = Integer.MAX_VALUE;

        @Override
        public boolean packet(ByteBuffer packet) {
            byte[] bytes = new byte[packet.remaining()];
            packet.get(bytes);
            hex.add(HEX.formatHex(bytes));
            return hex.size() < stopAfter;
        }
    }

    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    @Test
    void decodesSeveralFramesCoalescedInOneRead() {
        FrameDecoder decoder = new FrameDecoder(1600);
        Packets packets = new Packets();
        ByteBuffer in = bytes(THREE_FRAMES);
        assertEquals(FrameDecoder.Status.NEED_MORE, decoder.decode(in, packets));
        assertEquals(THREE_PACKETS, packets.hex);
        assertFalse(in.hasRemaining());
        assertFalse(decoder.midPacket());
    }

    @Test
    void decodesTheSameFramesWhenTheStreamIsSplitAtEveryByteBoundary() {
        byte[] stream = HEX.parseHex(THREE_FRAMES);
        for (int split = 0; split <= stream.length; split++) {
            FrameDecoder decoder = new FrameDecoder(1600);
            Packets packets = new Packets();
            assertEquals(FrameDecoder.Status.NEED_MORE, decoder.decode(ByteBuffer.wrap(stream, 0, split), packets));
            assertEquals(FrameDecoder.Status.NEED_MORE,
                    decoder.decode(ByteBuffer.wrap(stream, split, stream.length - split), packets));
            assertEquals(THREE_PACKETS, packets.hex, "split after byte " + split);
        }
    }

    @Test
    void decodesOneFrameSplitAtEveryPairOfByteBoundaries() {
        String frame = "0006" + "4000aabbccdd";
        byte[] stream = HEX.parseHex(frame);
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                FrameDecoder decoder = new FrameDecoder(1600);
                Packets packets = new Packets();
                decoder.decode(ByteBuffer.wrap(stream, 0, first), packets);
                decoder.decode(ByteBuffer.wrap(stream, first, second - first), packets);
                assertEquals(second == stream.length ? 1 : 0, packets.hex.size());
                decoder.decode(ByteBuffer.wrap(stream, second, stream.length - second), packets);
                assertEquals(List.of("4000aabbccdd"), packets.hex, "split after " + first + " and " + second);
            }
        }
    }

    @Test
    void decodesTheSameFramesWhenTheStreamArrivesOneByteAtATime() {
        FrameDecoder decoder = new FrameDecoder(1600);
        Packets packets = new Packets();
        byte[] stream = HEX.parseHex(THREE_FRAMES);
        for (int i = 0; i < stream.length; i++) {
            assertEquals(FrameDecoder.Status.NEED_MORE, decoder.decode(ByteBuffer.wrap(stream, i, 1), packets));
        }
        assertEquals(THREE_PACKETS, packets.hex);
        assertFalse(decoder.midPacket());
    }

    @Test
    void readsTheLengthBigEndian() {
        // 0x0102 = 258 bytes; read little-endian it would be 513 and wait for more.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 258; i++) {
            body.append(String.format("%02x", i & 0xff));
        }
        Packets packets = new Packets();
        new FrameDecoder(1600).decode(bytes("0102" + body), packets);
        assertEquals(List.of(body.toString()), packets.hex);
    }

    @Test
    void deliversAFrameSplitAcrossReadsAfterWholeFramesOfTheSameRead() {
        FrameDecoder decoder = new FrameDecoder(1600);
        Packets packets = new Packets();
        decoder.decode(bytes("0001ff" + "0004aabb"), packets);
        assertEquals(List.of("ff"), packets.hex);
        assertTrue(decoder.midPacket());
        decoder.decode(bytes("ccdd" + "0001"), packets);
        assertEquals(List.of("ff", "aabbccdd"), packets.hex);
        decoder.decode(bytes("ee"), packets);
        assertEquals(List.of("ff", "aabbccdd", "ee"), packets.hex);
    }

    @Test
    void acceptsAFrameOfExactlyTheMaximumLength() {
        Packets packets = new Packets();
        assertEquals(FrameDecoder.Status.NEED_MORE, new FrameDecoder(4).decode(bytes("0004deadbeef"), packets));
        assertEquals(List.of("deadbeef"), packets.hex);
    }

    @Test
    void refusesAFrameOneByteOverTheMaximumAsSoonAsItsLengthIsRead() {
        FrameDecoder decoder = new FrameDecoder(4);
        Packets packets = new Packets();
        // No body follows: a hostile peer need not send one for the length to be refused.
        assertEquals(FrameDecoder.Status.OVERSIZE, decoder.decode(bytes("0005"), packets));
        assertEquals(5, decoder.badLength());
        assertTrue(packets.hex.isEmpty());
    }

    @Test
    void refusesAnOversizeLengthSplitBetweenReads() {
        FrameDecoder decoder = new FrameDecoder(1768);
        Packets packets = new Packets();
        assertEquals(FrameDecoder.Status.NEED_MORE, decoder.decode(bytes("06"), packets));
        assertEquals(FrameDecoder.Status.OVERSIZE, decoder.decode(bytes("e9"), packets));
        assertEquals(1769, decoder.badLength());
    }

    @Test
    void refusesAZeroLength() {
        FrameDecoder decoder = new FrameDecoder(1600);
        Packets packets = new Packets();
        assertEquals(FrameDecoder.Status.ZERO_LENGTH, decoder.decode(bytes("0000" + "0001ff"), packets));
        assertEquals(0, decoder.badLength());
        assertTrue(packets.hex.isEmpty());
    }

    @Test
    void deliversTheFramesBeforeABadLengthAndNothingAfterIt() {
        FrameDecoder decoder = new FrameDecoder(16);
        Packets packets = new Packets();
        assertEquals(FrameDecoder.Status.OVERSIZE,
                decoder.decode(bytes("0001aa" + "0002bbcc" + "ffff" + "0001dd"), packets));
        assertEquals(List.of("aa", "bbcc"), packets.hex);
        assertEquals(FrameDecoder.Status.OVERSIZE, decoder.decode(bytes("0001ee"), packets),
                "after a bad length the stream has no boundaries left");
        assertEquals(List.of("aa", "bbcc"), packets.hex);
    }

    @Test
    void acceptsTheLargestLengthThePrefixCanExpressByDefault() {
        byte[] stream = new byte[2 + 65_535];
        stream[0] = (byte) 0xff;
        stream[1] = (byte) 0xff;
        for (int i = 2; i < stream.length; i++) {
            stream[i] = (byte) i;
        }
        FrameDecoder decoder = new FrameDecoder(FrameDecoder.MAX_WIRE_LENGTH);
        List<Integer> lengths = new ArrayList<>();
        // In three reads, the way a 64 KiB read buffer would see it behind other data.
        decoder.decode(ByteBuffer.wrap(stream, 0, 1000), p -> lengths.add(p.remaining()));
        decoder.decode(ByteBuffer.wrap(stream, 1000, 60_000), p -> lengths.add(p.remaining()));
        decoder.decode(ByteBuffer.wrap(stream, 61_000, stream.length - 61_000), p -> {
            lengths.add(p.remaining());
            assertEquals((byte) 2, p.get(p.position()));
            assertEquals((byte) (stream.length - 1), p.get(p.limit() - 1));
            return true;
        });
        assertEquals(List.of(65_535), lengths);
    }

    @Test
    void stopsWhenTheSinkAsksAndLeavesTheRestUnread() {
        FrameDecoder decoder = new FrameDecoder(1600);
        Packets packets = new Packets();
        packets.stopAfter = 2;
        ByteBuffer in = bytes(THREE_FRAMES);
        assertEquals(FrameDecoder.Status.STOPPED, decoder.decode(in, packets));
        assertEquals(List.of("ff", "3800112233"), packets.hex);
        assertEquals(HEX.parseHex(THREE_FRAMES).length - 5, in.position(), "positioned after the second frame");
    }

    @Test
    void aSinkMovingTheBufferDoesNotShiftTheNextFrame() {
        FrameDecoder decoder = new FrameDecoder(1600);
        List<String> seen = new ArrayList<>();
        decoder.decode(bytes(THREE_FRAMES), p -> {
            byte[] b = new byte[p.remaining()];
            p.duplicate().get(b);
            seen.add(HEX.formatHex(b));
            p.position(0).limit(p.capacity() > 3 ? 3 : p.capacity()); // a careless receiver
            return true;
        });
        assertEquals(THREE_PACKETS, seen);
    }

    @Test
    void reportsAStreamEndingInsideALengthOrAPacket() {
        FrameDecoder decoder = new FrameDecoder(1600);
        decoder.decode(bytes("00"), p -> true);
        assertTrue(decoder.midPacket());
        decoder.decode(bytes("02aa"), p -> true);
        assertTrue(decoder.midPacket());
        decoder.decode(bytes("bb"), p -> true);
        assertFalse(decoder.midPacket());
    }

    @Test
    void refusesAMaximumTheTwoBytePrefixCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(0));
        assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(65_536));
    }
}
