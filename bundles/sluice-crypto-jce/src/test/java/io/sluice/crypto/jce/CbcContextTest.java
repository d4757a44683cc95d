package io.sluice.crypto.jce;

import static io.sluice.crypto.jce.Packets.bytes;
import static io.sluice.crypto.jce.Packets.iv;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherProvider;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The AES-CBC contexts keep the {@link CipherContext} contract and pad as PKCS#7 does. */
class CbcContextTest {

    private static final List<String> CBCS = List.of("AES-128-CBC", "AES-192-CBC", "AES-256-CBC");
    private static final int BLOCK = 16;

    private final CipherProvider provider = Providers.ciphers();

    static Stream<String> cbcs() {
        return CBCS.stream();
    }

    static Stream<Arguments> cbcsAndBuffers() {
        return CBCS.stream().flatMap(name -> Stream.of(
                Arguments.of(name, false, false), Arguments.of(name, true, true),
                Arguments.of(name, false, true), Arguments.of(name, true, false)));
    }

    private static ByteBuffer buffer(boolean direct, int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] key(String name) {
        return bytes(Integer.parseInt(name.substring(4, 7)) / 8, 7);
    }

    private CipherContext context(String name, boolean encrypt) throws GeneralSecurityException {
        return provider.create(name, key(name), encrypt);
    }

    /** The JDK's own padded CBC, as an independent reference for the padding done here. */
    private static Cipher reference(String name, int mode, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(key(name), "AES"), new IvParameterSpec(iv));
        return cipher;
    }

    @ParameterizedTest
    @MethodSource("cbcs")
    void everyPlaintextLengthEncryptsAsTheJdksPkcs5PaddedCbcDoesAndBack(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            for (int length = 0; length <= 3 * BLOCK + 1; length++) {
                byte[] plain = bytes(length, length);
                byte[] iv = iv(BLOCK, length);
                byte[] expected = reference(name, Cipher.ENCRYPT_MODE, iv).doFinal(plain);

                Packets.Sealed sealed = Packets.seal(encrypt, iv, null, plain);

                assertArrayEquals(expected, sealed.ciphertext(), "length " + length);
                assertArrayEquals(plain, Packets.open(decrypt, iv, null, sealed), "length " + length);
            }
        }
    }

    @ParameterizedTest(name = "{0} input direct={1} output direct={2}")
    @MethodSource("cbcsAndBuffers")
    void packetsSurviveARoundTripOnHeapAndDirectBuffers(String name, boolean directIn, boolean directOut)
            throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            int packet = 0;
            for (int length : new int[] {0, 1, 15, 16, 17, 100, 1400, 3000}) {
                packet++;
                byte[] plain = bytes(length, packet);
                int sealedLength = (length / BLOCK + 1) * BLOCK;
                ByteBuffer in = buffer(directIn, length).put(plain).flip();
                ByteBuffer sealed = buffer(directOut, sealedLength);

                assertEquals(sealedLength, encrypt.encrypt(iv(BLOCK, packet), null, in, sealed, null));
                assertEquals(length, in.position());

                // Exactly the plaintext's length is enough room to decrypt into.
                ByteBuffer opened = buffer(directIn, length);
                assertEquals(length, decrypt.decrypt(iv(BLOCK, packet), null, sealed.flip(), null, opened));
                assertEquals(sealedLength, sealed.position());
                assertArrayEquals(plain, remaining(opened.flip()), "length " + length);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cbcs")
    void encryptionAndDecryptionWorkInPlace(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            byte[] plain = bytes(1000, 3);
            byte[] packet = Arrays.copyOf(plain, 1008);

            int sealed = encrypt.encrypt(iv(BLOCK, 1), null, ByteBuffer.wrap(packet, 0, 1000), ByteBuffer.wrap(packet), null);
            assertArrayEquals(reference(name, Cipher.ENCRYPT_MODE, iv(BLOCK, 1)).doFinal(plain), Arrays.copyOf(packet, sealed));

            int opened = decrypt.decrypt(iv(BLOCK, 1), null, ByteBuffer.wrap(packet, 0, sealed), null, ByteBuffer.wrap(packet));
            assertArrayEquals(plain, Arrays.copyOf(packet, opened));
        }
    }

    @ParameterizedTest
    @MethodSource("cbcs")
    void oneContextForManyPacketsGivesWhatAFreshContextPerPacketGives(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            for (int packet = 1; packet <= 40; packet++) {
                byte[] plain = bytes(packet * 37 % 300, packet);
                Packets.Sealed reused = Packets.seal(encrypt, iv(BLOCK, packet), null, plain);
                Packets.Sealed fresh;
                try (CipherContext once = context(name, true)) {
                    fresh = Packets.seal(once, iv(BLOCK, packet), null, plain);
                }

                assertArrayEquals(fresh.ciphertext(), reused.ciphertext(), "packet " + packet);
                assertArrayEquals(plain, Packets.open(decrypt, iv(BLOCK, packet), null, reused), "packet " + packet);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cbcs")
    void badPaddingIsRejectedLeavingNoPlaintextAndNoMovedPositions(String name) throws Exception {
        try (CipherContext decrypt = context(name, false)) {
            // Last plaintext bytes ... 03 03 02: claims 2 bytes of padding that are not 02 02.
            byte[] plain = bytes(3 * BLOCK, 1);
            plain[plain.length - 3] = 3;
            plain[plain.length - 2] = 3;
            plain[plain.length - 1] = 2;
            byte[] ciphertext = unpaddedEncryption(name, plain);
            ByteBuffer in = ByteBuffer.wrap(ciphertext);
            ByteBuffer out = ByteBuffer.allocate(ciphertext.length);

            assertThrows(BadPaddingException.class, () -> decrypt.decrypt(iv(BLOCK, 1), null, in, null, out));

            assertEquals(0, in.position());
            assertEquals(0, out.position());
            assertArrayEquals(new byte[ciphertext.length], out.array(), "no plaintext of a refused packet in out");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17, 255})
    void aPaddingLengthByteOutsideOneToSixteenIsRejected(int last) throws Exception {
        try (CipherContext decrypt = context("AES-128-CBC", false)) {
            byte[] plain = new byte[2 * BLOCK];
            Arrays.fill(plain, (byte) last);

            assertThrows(BadPaddingException.class, () -> Packets.open(decrypt, iv(BLOCK, 1), null,
                    new Packets.Sealed(unpaddedEncryption("AES-128-CBC", plain), null)));
        }
    }

    @Test
    void paddingLengthAcceptsExactlyTheWellFormedPkcs7Blocks() {
        for (int padding = 1; padding <= BLOCK; padding++) {
            byte[] block = bytes(BLOCK, 40);
            Arrays.fill(block, BLOCK - padding, BLOCK, (byte) padding);
            assertEquals(padding, CbcContext.paddingLength(block), "padding " + padding);
            if (padding > 1) {
                // Any one padding byte other than the last one altered.
                for (int i = BLOCK - padding; i < BLOCK - 1; i++) {
                    byte[] bad = block.clone();
                    bad[i] ^= 0x40;
                    assertEquals(-1, CbcContext.paddingLength(bad), "padding " + padding + " altered at " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 31})
    void ciphertextsThatAreNotWholeBlocksAreRejected(int length) throws Exception {
        try (CipherContext decrypt = context("AES-256-CBC", false)) {
            assertThrows(IllegalBlockSizeException.class, () -> decrypt.decrypt(iv(BLOCK, 1), null,
                    ByteBuffer.allocate(length), null, ByteBuffer.allocate(64)));
        }
    }

    @Test
    void encryptionNeedsRoomForThePaddedLengthAndIsRefusedBeforeAnythingMoves() throws Exception {
        try (CipherContext encrypt = context("AES-128-CBC", true)) {
            ByteBuffer in = ByteBuffer.allocate(32);
            ByteBuffer out = ByteBuffer.allocate(47);

            assertThrows(ShortBufferException.class, () -> encrypt.encrypt(iv(BLOCK, 1), null, in, out, null));

            assertEquals(0, in.position());
            assertEquals(0, out.position());
        }
    }

    @Test
    void decryptionNeedsRoomForThePlaintextOnly() throws Exception {
        try (CipherContext encrypt = context("AES-128-CBC", true); CipherContext decrypt = context("AES-128-CBC", false)) {
            byte[] sealed = Packets.seal(encrypt, iv(BLOCK, 1), null, bytes(20, 1)).ciphertext();

            assertThrows(ShortBufferException.class, () -> decrypt.decrypt(iv(BLOCK, 1), null,
                    ByteBuffer.wrap(sealed), null, ByteBuffer.allocate(19)));
            ByteBuffer exact = ByteBuffer.allocate(20);
            assertEquals(20, decrypt.decrypt(iv(BLOCK, 1), null, ByteBuffer.wrap(sealed), null, exact));
            assertArrayEquals(bytes(20, 1), exact.array());
        }
    }

    @ParameterizedTest
    @MethodSource("cbcs")
    void aadAndTagsAreRefusedBecauseCbcAuthenticatesNothing(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            assertThrows(IllegalArgumentException.class, () -> encrypt.encrypt(iv(BLOCK, 1), ByteBuffer.allocate(4),
                    ByteBuffer.allocate(16), ByteBuffer.allocate(32), null));
            assertThrows(IllegalArgumentException.class, () -> encrypt.encrypt(iv(BLOCK, 1), null,
                    ByteBuffer.allocate(16), ByteBuffer.allocate(32), ByteBuffer.allocate(16)));
            assertThrows(IllegalArgumentException.class, () -> decrypt.decrypt(iv(BLOCK, 1), null,
                    ByteBuffer.allocate(16), ByteBuffer.allocate(16), ByteBuffer.allocate(32)));
        }
    }

    @ParameterizedTest
    @MethodSource("cbcs")
    void keysOfAnyOtherLengthAreRejected(String name) {
        int keyLength = key(name).length;
        for (int wrong : new int[] {0, 8, keyLength - 1, keyLength + 1, keyLength + 8, 64}) {
            for (boolean encrypt : new boolean[] {true, false}) {
                assertThrows(InvalidKeyException.class, () -> provider.create(name, new byte[wrong], encrypt),
                        "key of " + wrong + " bytes");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 12, 15, 17, 32})
    void ivsOtherThanSixteenBytesAreRejected(int length) throws Exception {
        try (CipherContext encrypt = context("AES-128-CBC", true); CipherContext decrypt = context("AES-128-CBC", false)) {
            assertThrows(InvalidAlgorithmParameterException.class, () -> encrypt.encrypt(new byte[length], null,
                    ByteBuffer.allocate(16), ByteBuffer.allocate(32), null));
            assertThrows(InvalidAlgorithmParameterException.class, () -> decrypt.decrypt(new byte[length], null,
                    ByteBuffer.allocate(16), null, ByteBuffer.allocate(32)));
        }
    }

    @Test
    void aContextWorksOnlyInItsOwnDirectionAndNotOnceClosed() throws Exception {
        CipherContext encrypt = context("AES-128-CBC", true);
        assertThrows(IllegalStateException.class, () -> encrypt.decrypt(iv(BLOCK, 1), null,
                ByteBuffer.allocate(16), null, ByteBuffer.allocate(16)));

        encrypt.close();
        encrypt.close();

        assertThrows(IllegalStateException.class, () -> Packets.seal(encrypt, iv(BLOCK, 1), null, bytes(4, 1)));
    }

    /** AES-CBC of whole blocks without padding, to build ciphertexts whose padding is malformed. */
    private static byte[] unpaddedEncryption(String name, byte[] plain) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(name), "AES"), new IvParameterSpec(iv(BLOCK, 1)));
        return cipher.doFinal(plain);
    }
}
