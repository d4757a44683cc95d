package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import java.security.InvalidKeyException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataChannelKeysTest {

    private static final CipherSpec AES_256_GCM = new CipherSpec("AES-256-GCM", CipherMode.AEAD, 32, 12, 1, 16);
    private static final CipherSpec AES_128_CBC = new CipherSpec("AES-128-CBC", CipherMode.CBC, 16, 16, 16, 0);

    private static byte[] pattern() {
        byte[] block = new byte[Key2.LENGTH];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i + 1);
        }
        return block;
    }

    @Test
    void aeadKeysTakeTheirImplicitIvFromTheHeadOfTheSameHalfsHmacPartAndNoHmacKey() throws Exception {
        byte[] block = pattern();

        DataChannelKeys keys = DataChannelKeys.select(Key2.of(block), KeyDirection.NORMAL, AES_256_GCM,
                TestDigests.specOf("SHA256"));

        assertArrayEquals(Arrays.copyOfRange(block, 0, 32), keys.encrypt().cipherKey());
        assertArrayEquals(Arrays.copyOfRange(block, 64, 72), keys.encrypt().implicitIv());
        assertEquals(0, keys.encrypt().hmacKey().length);
        assertArrayEquals(Arrays.copyOfRange(block, 128, 160), keys.decrypt().cipherKey());
        assertArrayEquals(Arrays.copyOfRange(block, 192, 200), keys.decrypt().implicitIv());
    }

    @Test
    void cbcKeysAreCutToTheCipherAndDigestLengths() throws Exception {
        byte[] block = pattern();

        DataChannelKeys keys = DataChannelKeys.select(Key2.of(block), KeyDirection.INVERSE, AES_128_CBC,
                TestDigests.specOf("SHA1"));

        assertArrayEquals(Arrays.copyOfRange(block, 128, 144), keys.encrypt().cipherKey());
        assertArrayEquals(Arrays.copyOfRange(block, 192, 212), keys.encrypt().hmacKey());
        assertEquals(0, keys.encrypt().implicitIv().length);
        assertArrayEquals(Arrays.copyOfRange(block, 0, 16), keys.decrypt().cipherKey());
        assertArrayEquals(Arrays.copyOfRange(block, 64, 84), keys.decrypt().hmacKey());
    }

    @Test
    void authNoneLeavesCbcWithoutAnHmacKey() throws Exception {
        DataChannelKeys keys = DataChannelKeys.select(Key2.of(pattern()), KeyDirection.NORMAL, AES_128_CBC, null);

        assertEquals(0, keys.encrypt().hmacKey().length);
        assertEquals(0, keys.decrypt().hmacKey().length);
    }

    @Test
    void anAllZeroCipherKeyIsRefused() {
        byte[] block = pattern();
        Arrays.fill(block, 128, 160, (byte) 0);

        assertThrows(InvalidKeyException.class,
                () -> DataChannelKeys.select(Key2.of(block), KeyDirection.NORMAL, AES_256_GCM, null));
    }

    @Test
    void destroyingTheBlockZeroesIt() {
        Key2 key2 = Key2.of(pattern());

        key2.destroy();

        assertArrayEquals(new byte[Key2.LENGTH], key2.toByteArray());
    }

    @Test
    void aBlockOfAnyOtherLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Key2.of(new byte[255]));
    }
}
