package io.sluice.crypto.jce;

import static io.sluice.crypto.jce.Packets.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HMAC contexts keep the {@link HmacContext} contract. */
class MacContextTest {

    private final DigestProvider provider = Providers.digests();

    private static byte[] reference(String algorithm, byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512"})
    void eachFinishEndsOneMessageAndStartsTheNext(String name) throws Exception {
        String algorithm = "Hmac" + name;
        byte[] key = bytes(provider.spec(name).orElseThrow().length(), 3);
        try (HmacContext hmac = provider.createHmac(name, key)) {
            for (int message = 0; message < 20; message++) {
                byte[] data = bytes(message * 61, message);
                byte[] out = new byte[hmac.spec().length()];

                hmac.update(data, 0, data.length);
                hmac.finish(out, 0);

                assertArrayEquals(reference(algorithm, key, data), out, "message " + message);
            }
        }
    }

    @Test
    void heapDirectAndArrayUpdatesOfTheSameBytesGiveTheSameMac() throws Exception {
        byte[] data = bytes(1500, 9);
        byte[] key = bytes(32, 1);
        byte[] expected = reference("HmacSHA256", key, data);
        try (HmacContext hmac = provider.createHmac("SHA256", key)) {
            ByteBuffer heap = ByteBuffer.wrap(data, 0, 700);
            ByteBuffer direct = ByteBuffer.allocateDirect(800).put(data, 700, 800).flip();
            byte[] out = new byte[32];

            hmac.update(heap);
            hmac.update(direct);
            hmac.finish(out, 0);

            assertEquals(700, heap.position());
            assertEquals(800, direct.position());
            assertArrayEquals(expected, out);
        }
    }

    @Test
    void finishWritesTheMacAtTheGivenOffsetAndNothingElse() throws Exception {
        byte[] key = bytes(20, 1);
        try (HmacContext hmac = provider.createHmac("sha1", key)) {
            byte[] out = new byte[30];
            Arrays.fill(out, (byte) 0x55);

            hmac.update(bytes(10, 1), 2, 5);
            hmac.finish(out, 7);

            assertArrayEquals(reference("HmacSHA1", key, Arrays.copyOfRange(bytes(10, 1), 2, 7)),
                    Arrays.copyOfRange(out, 7, 27));
            assertArrayEquals(new byte[] {0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55}, Arrays.copyOf(out, 7));
            assertArrayEquals(new byte[] {0x55, 0x55, 0x55}, Arrays.copyOfRange(out, 27, 30));
        }
    }

    @Test
    void tooLittleRoomForTheMacIsRefused() throws Exception {
        try (HmacContext hmac = provider.createHmac("SHA512", bytes(64, 1))) {
            assertThrows(IndexOutOfBoundsException.class, () -> hmac.finish(new byte[64], 1));
            assertThrows(IndexOutOfBoundsException.class, () -> hmac.update(new byte[4], 2, 3));
        }
    }

    @Test
    void theCallersKeyArrayCanBeErasedOnceTheContextExists() throws Exception {
        byte[] key = bytes(32, 1);
        byte[] expected = reference("HmacSHA256", key.clone(), bytes(10, 1));
        try (HmacContext hmac = provider.createHmac("SHA256", key)) {
            Arrays.fill(key, (byte) 0);
            byte[] out = new byte[32];

            hmac.update(bytes(10, 1), 0, 10);
            hmac.finish(out, 0);

            assertArrayEquals(expected, out);
        }
    }

    @Test
    void aClosedContextRefusesWorkAndClosingAgainIsHarmless() throws Exception {
        HmacContext hmac = provider.createHmac("SHA256", bytes(32, 1));
        hmac.close();
        hmac.close();

        assertThrows(IllegalStateException.class, () -> hmac.update(new byte[4], 0, 4));
        assertThrows(IllegalStateException.class, () -> hmac.update(ByteBuffer.allocate(4)));
        assertThrows(IllegalStateException.class, () -> hmac.finish(new byte[32], 0));
    }
}
