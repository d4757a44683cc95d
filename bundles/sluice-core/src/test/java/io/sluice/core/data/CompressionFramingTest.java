package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bytes each compression framing puts on a payload, as OpenVPN's stubs write and read them (compstub.c). */
class CompressionFramingTest {

    private static final HexFormat HEX = HexFormat.of();

    private static String framed(CompressionFraming f, String payloadHex) {
        ByteBuffer out = f.frame(ByteBuffer.wrap(HEX.parseHex(payloadHex)), ByteBuffer.allocate(64));
        byte[] b = new byte[out.remaining()];
        out.get(b);
        return HEX.formatHex(b);
    }

    private static ByteBuffer received(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    private static String rest(ByteBuffer b) {
        byte[] r = new byte[b.remaining()];
        b.duplicate().get(r);
        return HEX.formatHex(r);
    }

    @Test
    void compLzoNoPutsFaInFront() {
        assertEquals("fa4500001c", framed(CompressionFraming.V1, "4500001c"));
        ByteBuffer in = received("fa4500001c");
        assertEquals(CompressionFraming.Unframed.OK, CompressionFraming.V1.unframe(in));
        assertEquals("4500001c", rest(in));
    }

    @Test
    void compressStubSwapsFbWithTheFirstByte() {
        assertEquals("fb00001c45", framed(CompressionFraming.V1_SWAP, "4500001c"));
        ByteBuffer in = received("fb00001c45");
        assertEquals(CompressionFraming.Unframed.OK, CompressionFraming.V1_SWAP.unframe(in));
        assertEquals("4500001c", rest(in));
    }

    @Test
    void stubV2AddsNothingToIpPacketsAndEscapesALeading50() {
        assertEquals("4500001c", framed(CompressionFraming.V2, "4500001c"));
        assertEquals("50005001", framed(CompressionFraming.V2, "5001"));
        ByteBuffer escaped = received("50005001");
        assertEquals(CompressionFraming.Unframed.OK, CompressionFraming.V2.unframe(escaped));
        assertEquals("5001", rest(escaped));
        ByteBuffer plain = received("4500001c");
        assertEquals(CompressionFraming.Unframed.OK, CompressionFraming.V2.unframe(plain));
        assertEquals("4500001c", rest(plain));
    }

    @Test
    void compressedPayloadsAreRecognisedNotDelivered() {
        assertEquals(CompressionFraming.Unframed.COMPRESSED, CompressionFraming.V1.unframe(received("66aabb")));
        assertEquals(CompressionFraming.Unframed.COMPRESSED, CompressionFraming.V1_SWAP.unframe(received("69aabb")));
        assertEquals(CompressionFraming.Unframed.COMPRESSED, CompressionFraming.V2.unframe(received("5001aabb")));
    }

    @Test
    void headerBytesNoFramingWritesAreBad() {
        assertEquals(CompressionFraming.Unframed.BAD_HEADER, CompressionFraming.V1.unframe(received("4500")));
        assertEquals(CompressionFraming.Unframed.BAD_HEADER, CompressionFraming.V1_SWAP.unframe(received("fa00")));
        assertEquals(CompressionFraming.Unframed.BAD_HEADER, CompressionFraming.V2.unframe(received("5007aa")));
    }

    @Test
    void aHeaderWithNothingBehindItIsEmpty() {
        assertEquals(CompressionFraming.Unframed.EMPTY, CompressionFraming.V1.unframe(received("fa")));
        assertEquals(CompressionFraming.Unframed.EMPTY, CompressionFraming.V1_SWAP.unframe(received("fb")));
        assertEquals(CompressionFraming.Unframed.EMPTY, CompressionFraming.V2.unframe(received("50")));
        assertEquals(CompressionFraming.Unframed.EMPTY, CompressionFraming.V2.unframe(received("5000")));
    }

    @Test
    void noFramingLeavesPayloadsAlone() {
        ByteBuffer payload = received("fa01");
        assertEquals(payload, CompressionFraming.NONE.frame(payload, ByteBuffer.allocate(8)));
        assertEquals(CompressionFraming.Unframed.OK, CompressionFraming.NONE.unframe(payload));
        assertArrayEquals(HEX.parseHex("fa01"), payload.array());
    }
}
