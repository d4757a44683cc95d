package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DataFramingTest {

    private static byte[] header(DataFraming f) {
        ByteBuffer b = ByteBuffer.allocate(8);
        f.writeHeader(b);
        b.flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void v2HeaderIsOpcode9AndKeyIdThenThePeerIdBigEndian() {
        assertArrayEquals(new byte[] {0x48, 0, 0, 0}, header(DataFraming.v2(0, 0)));
        assertArrayEquals(new byte[] {0x4a, 0x12, 0x34, 0x56}, header(DataFraming.v2(2, 0x123456)));
    }

    @Test
    void v1HeaderIsOneByteWithOpcode6AndKeyId() {
        assertArrayEquals(new byte[] {0x37}, header(DataFraming.v1(7)));
    }

    @Test
    void staticKeyPacketsHaveNoHeader() {
        assertArrayEquals(new byte[0], header(DataFraming.staticKey()));
    }

    @Test
    void keyIdsAndPeerIdsOutsideTheirBitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataFraming.v1(8));
        assertThrows(IllegalArgumentException.class, () -> DataFraming.v2(0, 0x100_0000));
        assertThrows(IllegalArgumentException.class, () -> new DataFraming(DataFraming.Version.V1, 0, 5));
    }
}
