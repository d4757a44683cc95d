package io.sluice.crypto.jce;

import static io.sluice.crypto.jce.Packets.bytes;
import static io.sluice.crypto.jce.Packets.iv;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.ShortBufferException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The AEAD contexts (AES-GCM, ChaCha20-Poly1305) keep the {@link CipherContext} contract. */
class AeadContextTest {

    private static final List<String> AEADS = List.of("AES-128-GCM", "AES-192-GCM", "AES-256-GCM", "CHACHA20-POLY1305");
    private static final int NONCE = 12;
    private static final int TAG = 16;

    private final CipherProvider provider = Providers.ciphers();

    static Stream<String> aeads() {
        return AEADS.stream();
    }

    /** Every AEAD with every pairing of heap and direct buffers. */
    static Stream<Arguments> aeadsAndBuffers() {
        return AEADS.stream().flatMap(name -> Stream.of(
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

    private CipherContext context(String name, boolean encrypt) throws GeneralSecurityException {
        return provider.create(name, bytes(provider.spec(name).orElseThrow().keyLength(), 7), encrypt);
    }

    @ParameterizedTest(name = "{0} input direct={1} output direct={2}")
    @MethodSource("aeadsAndBuffers")
    void packetsSurviveARoundTripOnHeapAndDirectBuffers(String name, boolean directIn, boolean directOut)
            throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            int packet = 0;
            for (int length : new int[] {0, 1, 15, 16, 17, 100, 1400, 3000}) {
                packet++;
                byte[] plain = bytes(length, packet);
                ByteBuffer aad = buffer(directIn, 8).put(bytes(8, 100 + packet)).flip();
                ByteBuffer in = buffer(directIn, length).put(plain).flip();
                // Exactly the plaintext's length: the tag goes to its own buffer.
                ByteBuffer sealed = buffer(directOut, length);
                ByteBuffer tag = buffer(directOut, TAG);

                assertEquals(length, encrypt.encrypt(iv(NONCE, packet), aad, in, sealed, tag));

                ByteBuffer openAad = buffer(directOut, 8).put(bytes(8, 100 + packet)).flip();
                ByteBuffer opened = buffer(directIn, length);
                assertEquals(length, decrypt.decrypt(iv(NONCE, packet), openAad, sealed.flip(), tag.flip(), opened));
                assertArrayEquals(plain, remaining(opened.flip()), "length " + length);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void callsAdvanceEveryBufferPastWhatWasReadOrWritten(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            // Buffers that are slices at an offset into bigger arrays, with bytes on either side.
            ByteBuffer aad = ByteBuffer.wrap(new byte[20], 3, 8).slice();
            ByteBuffer in = ByteBuffer.wrap(bytes(60, 1), 5, 40);
            ByteBuffer out = ByteBuffer.wrap(new byte[80], 7, 50);
            ByteBuffer tag = ByteBuffer.wrap(new byte[40], 11, 20);

            encrypt.encrypt(iv(NONCE, 1), aad, in, out, tag);

            assertEquals(8, aad.position());
            assertEquals(45, in.position());
            assertEquals(7 + 40, out.position());
            assertEquals(11 + TAG, tag.position());

            ByteBuffer openAad = ByteBuffer.wrap(new byte[8]);
            ByteBuffer sealed = ByteBuffer.wrap(out.array(), 7, 40);
            ByteBuffer sealedTag = ByteBuffer.wrap(tag.array(), 11, TAG);
            ByteBuffer opened = ByteBuffer.wrap(new byte[64], 9, 50);

            decrypt.decrypt(iv(NONCE, 1), openAad, sealed, sealedTag, opened);

            assertEquals(8, openAad.position());
            assertEquals(47, sealed.position());
            assertEquals(11 + TAG, sealedTag.position());
            assertEquals(9 + 40, opened.position());
            assertArrayEquals(Arrays.copyOfRange(bytes(60, 1), 5, 45), Arrays.copyOfRange(opened.array(), 9, 49));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void encryptionAndDecryptionWorkInPlace(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            byte[] plain = bytes(1000, 3);
            byte[] packet = plain.clone();
            ByteBuffer tag = ByteBuffer.allocate(TAG);

            encrypt.encrypt(iv(NONCE, 1), null, ByteBuffer.wrap(packet), ByteBuffer.wrap(packet), tag);
            byte[] sealed = packet.clone();
            decrypt.decrypt(iv(NONCE, 1), null, ByteBuffer.wrap(packet), tag.flip(), ByteBuffer.wrap(packet));

            assertArrayEquals(plain, packet);
            try (CipherContext fresh = context(name, true)) {
                assertArrayEquals(Packets.seal(fresh, iv(NONCE, 1), null, plain).ciphertext(), sealed);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void oneContextForManyPacketsGivesWhatAFreshContextPerPacketGives(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            for (int packet = 1; packet <= 40; packet++) {
                byte[] plain = bytes(packet * 37 % 300, packet);
                byte[] aad = bytes(8, packet);
                Packets.Sealed reused = Packets.seal(encrypt, iv(NONCE, packet), aad, plain);
                Packets.Sealed fresh;
                try (CipherContext once = context(name, true)) {
                    fresh = Packets.seal(once, iv(NONCE, packet), aad, plain);
                }

                assertArrayEquals(fresh.ciphertext(), reused.ciphertext(), "packet " + packet);
                assertArrayEquals(fresh.tag(), reused.tag(), "packet " + packet);
                assertArrayEquals(plain, Packets.open(decrypt, iv(NONCE, packet), aad, reused), "packet " + packet);
            }
        }
    }

    /** Which part of a sealed packet a test alters, and how. */
    enum Tamper { CIPHERTEXT, TAG, AAD, NONCE }

    static Stream<Arguments> aeadsAndTampering() {
        return AEADS.stream().flatMap(name -> Stream.of(Tamper.values()).map(t -> Arguments.of(name, t)));
    }

    @ParameterizedTest(name = "{0}: altered {1}")
    @MethodSource("aeadsAndTampering")
    void alteredPacketsAreRejectedLeavingNoPlaintextAndNoMovedPositions(String name, Tamper tamper) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            byte[] aad = bytes(8, 9);
            Packets.Sealed sealed = Packets.seal(encrypt, iv(NONCE, 5), aad, bytes(200, 1));
            byte[] nonce = iv(NONCE, 5);
            switch (tamper) {
                case CIPHERTEXT -> sealed.ciphertext()[150] ^= 0x01;
                case TAG -> sealed.tag()[15] ^= (byte) 0x80;
                case AAD -> aad[0] ^= 0x01;
                case NONCE -> nonce[11] ^= 0x01;
            }
            for (IntFunction<ByteBuffer> kind : List.<IntFunction<ByteBuffer>>of(ByteBuffer::allocate, ByteBuffer::allocateDirect)) {
                ByteBuffer ciphertext = ByteBuffer.wrap(sealed.ciphertext());
                ByteBuffer tag = ByteBuffer.wrap(sealed.tag());
                ByteBuffer aadBuffer = ByteBuffer.wrap(aad);
                ByteBuffer out = kind.apply(200);

                assertThrows(AEADBadTagException.class, () -> decrypt.decrypt(nonce, aadBuffer, ciphertext, tag, out));

                assertEquals(0, out.position());
                assertArrayEquals(new byte[200], remaining(out), "no unauthenticated plaintext in out");
                assertEquals(0, ciphertext.position());
                assertEquals(0, tag.position());
                assertEquals(0, aadBuffer.position());
            }
            // The context is still good for the next genuine packet.
            Packets.Sealed next = Packets.seal(encrypt, iv(NONCE, 6), null, bytes(10, 2));
            assertArrayEquals(bytes(10, 2), Packets.open(decrypt, iv(NONCE, 6), null, next));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void aTagShorterThanSixteenBytesIsRejectedAsNotAuthentic(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            Packets.Sealed sealed = Packets.seal(encrypt, iv(NONCE, 1), null, bytes(32, 1));
            ByteBuffer shortTag = ByteBuffer.wrap(sealed.tag(), 0, 15);

            assertThrows(AEADBadTagException.class, () -> decrypt.decrypt(iv(NONCE, 1), null,
                    ByteBuffer.wrap(sealed.ciphertext()), shortTag, ByteBuffer.allocate(32)));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void aPacketSeenTwiceDecryptsBothTimes(String name) throws Exception {
        // A replay reaches the cipher before the engine's replay window can drop it.
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            Packets.Sealed sealed = Packets.seal(encrypt, iv(NONCE, 1), null, bytes(64, 1));

            assertArrayEquals(bytes(64, 1), Packets.open(decrypt, iv(NONCE, 1), null, sealed));
            assertArrayEquals(bytes(64, 1), Packets.open(decrypt, iv(NONCE, 1), null, sealed));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void aGenuinePacketIsAcceptedAfterAForgeryWithItsNonce(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            Packets.Sealed genuine = Packets.seal(encrypt, iv(NONCE, 2), null, bytes(64, 1));
            Packets.Sealed forged = new Packets.Sealed(bytes(64, 99), bytes(TAG, 5));

            assertThrows(AEADBadTagException.class, () -> Packets.open(decrypt, iv(NONCE, 2), null, forged));
            assertArrayEquals(bytes(64, 1), Packets.open(decrypt, iv(NONCE, 2), null, genuine));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void encryptingTwiceInARowWithOneNonceIsRefused(String name) throws Exception {
        try (CipherContext encrypt = context(name, true)) {
            Packets.seal(encrypt, iv(NONCE, 1), null, bytes(16, 1));

            assertThrows(GeneralSecurityException.class, () -> Packets.seal(encrypt, iv(NONCE, 1), null, bytes(16, 2)));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void keysOfAnyOtherLengthAreRejected(String name) {
        int keyLength = provider.spec(name).orElseThrow().keyLength();
        for (int wrong : new int[] {0, 8, keyLength - 1, keyLength + 1, keyLength + 8, 64}) {
            if (wrong == keyLength) {
                continue;
            }
            for (boolean encrypt : new boolean[] {true, false}) {
                InvalidKeyException e = assertThrows(InvalidKeyException.class,
                        () -> provider.create(name, new byte[wrong], encrypt), "key of " + wrong + " bytes");
                assertEquals(true, e.getMessage().contains(name), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 11, 13, 16})
    void noncesOtherThanTwelveBytesAreRejected(int length) throws Exception {
        for (String name : AEADS) {
            try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
                assertThrows(InvalidAlgorithmParameterException.class, () -> encrypt.encrypt(new byte[length], null,
                        ByteBuffer.allocate(4), ByteBuffer.allocate(4), ByteBuffer.allocate(TAG)));
                assertThrows(InvalidAlgorithmParameterException.class, () -> decrypt.decrypt(new byte[length], null,
                        ByteBuffer.allocate(4), ByteBuffer.allocate(TAG), ByteBuffer.allocate(4)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void tooLittleRoomIsRefusedBeforeAnythingMoves(String name) throws Exception {
        try (CipherContext encrypt = context(name, true)) {
            ByteBuffer in = ByteBuffer.allocate(100);
            ByteBuffer out = ByteBuffer.allocate(99);
            ByteBuffer tag = ByteBuffer.allocate(TAG);

            assertThrows(ShortBufferException.class, () -> encrypt.encrypt(iv(NONCE, 1), null, in, out, tag));
            assertThrows(ShortBufferException.class,
                    () -> encrypt.encrypt(iv(NONCE, 1), null, in, ByteBuffer.allocate(100), ByteBuffer.allocate(15)));

            assertEquals(0, in.position());
            assertEquals(0, out.position());
            // Nothing was encrypted, so the nonce is still unused.
            assertDoesNotThrow(() -> encrypt.encrypt(iv(NONCE, 1), null, in, ByteBuffer.allocate(100), tag));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void aContextWorksOnlyInItsOwnDirection(String name) throws Exception {
        try (CipherContext encrypt = context(name, true); CipherContext decrypt = context(name, false)) {
            assertEquals(true, encrypt.encrypting());
            assertEquals(false, decrypt.encrypting());
            assertThrows(IllegalStateException.class, () -> encrypt.decrypt(iv(NONCE, 1), null,
                    ByteBuffer.allocate(4), ByteBuffer.allocate(TAG), ByteBuffer.allocate(4)));
            assertThrows(IllegalStateException.class, () -> decrypt.encrypt(iv(NONCE, 1), null,
                    ByteBuffer.allocate(4), ByteBuffer.allocate(4), ByteBuffer.allocate(TAG)));
        }
    }

    @ParameterizedTest
    @MethodSource("aeads")
    void aClosedContextRefusesWorkAndClosingAgainIsHarmless(String name) throws Exception {
        CipherContext encrypt = context(name, true);
        encrypt.close();
        encrypt.close();

        assertThrows(IllegalStateException.class, () -> Packets.seal(encrypt, iv(NONCE, 1), null, bytes(4, 1)));
    }

    @Test
    void contextsReportTheSpecTheyWereCreatedFor() throws Exception {
        for (String name : AEADS) {
            try (CipherContext context = context(name, true)) {
                assertEquals(provider.spec(name).orElseThrow(), context.spec());
            }
        }
    }
}
