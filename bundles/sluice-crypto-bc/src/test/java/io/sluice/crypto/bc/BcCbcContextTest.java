package io.sluice.crypto.bc;

import static io.sluice.crypto.bc.Cbc.BLOCK;
import static io.sluice.crypto.bc.Cbc.bytes;
import static io.sluice.crypto.bc.Cbc.iv;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CBC contexts keep the {@link CipherContext} contract for all three ciphers. */
class BcCbcContextTest {

    private final CipherProvider provider = new BcCipherProvider();

    static Stream<BcCipher> ciphers() {
        return BcCipher.ALL.stream();
    }

    static Stream<Arguments> ciphersAndBuffers() {
        return ciphers().flatMap(cipher -> Stream.of(
                Arguments.of(cipher, false, false), Arguments.of(cipher, true, true),
                Arguments.of(cipher, false, true), Arguments.of(cipher, true, false)));
    }

    private static byte[] key(BcCipher cipher) {
        return bytes(cipher.spec().keyLength(), 0x11);
    }

    private static CipherContext context(BcCipher cipher, boolean encrypt) throws GeneralSecurityException {
        return cipher.newContext(key(cipher), encrypt);
    }

    /** The packet as a fresh context of the same key encrypts it from heap arrays. */
    private static byte[] reference(BcCipher cipher, byte[] iv, byte[] plain) throws GeneralSecurityException {
        try (CipherContext fresh = context(cipher, true)) {
            return Cbc.encrypt(fresh, iv, plain);
        }
    }

    private static ByteBuffer buffer(boolean direct, int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @ParameterizedTest(name = "{0}, input direct={1}, output direct={2}")
    @MethodSource("ciphersAndBuffers")
    void packetsOfEveryLengthSurviveARoundTripOnHeapAndDirectBuffers(BcCipher cipher, boolean directIn,
            boolean directOut) throws Exception {
        try (CipherContext encrypt = context(cipher, true); CipherContext decrypt = context(cipher, false)) {
            for (int length = 0; length <= 4 * BLOCK + 1; length++) {
                byte[] plain = bytes(length, length);
                int sealedLength = Cbc.paddedLength(length);
                ByteBuffer in = buffer(directIn, length).put(plain).flip();
                ByteBuffer sealed = buffer(directOut, sealedLength);

                assertEquals(sealedLength, encrypt.encrypt(iv(length), null, in, sealed, null));
                assertEquals(length, in.position());
                assertEquals(sealedLength, sealed.position());
                // The same bytes as from heap arrays, which the known answers pin to OpenSSL's.
                assertArrayEquals(reference(cipher, iv(length), plain), remaining(sealed.flip()));

                // Exactly the plaintext's length is enough room to decrypt into.
                ByteBuffer opened = buffer(directIn, length);
                assertEquals(length, decrypt.decrypt(iv(length), null, sealed, null, opened));
                assertEquals(sealedLength, sealed.position());
                assertArrayEquals(plain, remaining(opened.flip()), "length " + length);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void buffersAreReadFromTheirPositionToTheirLimitAndReadOnlyInputWorks(BcCipher cipher) throws Exception {
        try (CipherContext encrypt = context(cipher, true); CipherContext decrypt = context(cipher, false)) {
            byte[] plain = bytes(21, 9);
            byte[] framed = new byte[5 + plain.length + 3];
            System.arraycopy(plain, 0, framed, 5, plain.length);
            ByteBuffer in = ByteBuffer.wrap(framed, 5, plain.length).asReadOnlyBuffer();
            ByteBuffer out = ByteBuffer.allocate(40).position(7);

            assertEquals(24, encrypt.encrypt(iv(1), null, in, out, null));

            assertEquals(5 + plain.length, in.position());
            assertEquals(31, out.position());
            byte[] sealed = Arrays.copyOfRange(out.array(), 7, 31);
            assertArrayEquals(reference(cipher, iv(1), plain), sealed);
            ByteBuffer opened = ByteBuffer.allocate(30).position(2);
            assertEquals(plain.length, decrypt.decrypt(iv(1), null, out.flip().position(7).asReadOnlyBuffer(), null, opened));
            assertArrayEquals(plain, Arrays.copyOfRange(opened.array(), 2, 2 + plain.length));
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void encryptionAndDecryptionWorkInPlace(BcCipher cipher) throws Exception {
        try (CipherContext encrypt = context(cipher, true); CipherContext decrypt = context(cipher, false)) {
            byte[] plain = bytes(1000, 3);
            byte[] packet = Arrays.copyOf(plain, 1008);

            int sealed = encrypt.encrypt(iv(1), null, ByteBuffer.wrap(packet, 0, 1000), ByteBuffer.wrap(packet), null);
            assertArrayEquals(reference(cipher, iv(1), plain), Arrays.copyOf(packet, sealed));

            int opened = decrypt.decrypt(iv(1), null, ByteBuffer.wrap(packet, 0, sealed), null, ByteBuffer.wrap(packet));
            assertArrayEquals(plain, Arrays.copyOf(packet, opened));
        }
    }

    /**
     * One context is keyed once and reused: across many packets of varied lengths and IVs it
     * never asks for another block cipher, and each packet comes out as from a fresh context.
     */
    @ParameterizedTest
    @MethodSource("ciphers")
    void oneContextServesManyPacketsWithTheOneCipherItWasMadeWith(BcCipher cipher) throws Exception {
        AtomicInteger enginesMade = new AtomicInteger();
        BcCipher counted = new BcCipher(cipher.spec(), () -> {
            enginesMade.incrementAndGet();
            return cipher.engine().get();
        });
        try (CipherContext encrypt = counted.newContext(key(cipher), true);
             CipherContext decrypt = counted.newContext(key(cipher), false)) {
            for (int packet = 1; packet <= 200; packet++) {
                byte[] plain = bytes(packet * 37 % 300, packet);
                byte[] reused = Cbc.encrypt(encrypt, iv(packet), plain);

                assertArrayEquals(reference(cipher, iv(packet), plain), reused, "packet " + packet);
                assertArrayEquals(plain, Cbc.decrypt(decrypt, iv(packet), reused), "packet " + packet);
            }
        }
        assertEquals(2, enginesMade.get(), "one engine per context, none per packet");
    }

    /** Per packet the engine is only reset and given blocks: it is keyed when the context is made, and again by close(). */
    @Test
    void theEngineIsKeyedOnceAndOnlyProcessesBlocksAfterwards() throws Exception {
        BcCipher blowfish = BcCipher.ALL.get(0);
        List<String> calls = new ArrayList<>();
        BcCipher recorded = new BcCipher(blowfish.spec(), () -> new Recording(blowfish.engine().get(), calls));
        try (CipherContext encrypt = recorded.newContext(key(blowfish), true)) {
            calls.clear();
            for (int packet = 1; packet <= 10; packet++) {
                Cbc.encrypt(encrypt, iv(packet), bytes(20, packet));
            }
        }
        // Ten packets of three blocks each, then close() keys the engine again with zeros.
        assertEquals(30, calls.stream().filter("processBlock"::equals).count());
        assertEquals(List.of("init"), calls.stream().filter(c -> !c.equals("processBlock") && !c.equals("reset")).toList());
        assertEquals("init", calls.get(calls.size() - 1));
    }

    /**
     * Once warm, a context allocates nothing per packet, on heap or direct buffers: measured with
     * the JVM's per-thread allocation counter (bytes, not time) over ten thousand 1400-byte
     * packets each way. Run with Blowfish, whose engine allocates nothing, and with a stand-in
     * engine that allocates nothing either; what DESedeEngine and CAST5Engine allocate inside
     * processBlock is theirs (see the package documentation).
     */
    @ParameterizedTest(name = "{0}, direct={1}")
    @MethodSource("allocationFreeEnginesAndDirectness")
    void aWarmContextAllocatesNothingPerPacket(BcCipher cipher, boolean direct) throws Exception {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assertTrue(threads instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        assertTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled(),
                "no per-thread allocation counter");
        try (CipherContext encrypt = cipher.newContext(key(cipher), true);
             CipherContext decrypt = cipher.newContext(key(cipher), false)) {
            ByteBuffer plain = buffer(direct, 1400).put(bytes(1400, 1)).flip();
            ByteBuffer sealed = buffer(direct, 1408);
            ByteBuffer opened = buffer(direct, 1400);
            byte[] iv = iv(1);
            int packets = 10_000;
            runPackets(encrypt, decrypt, iv, plain, sealed, opened, 2_000);

            long before = counter.getCurrentThreadAllocatedBytes();
            runPackets(encrypt, decrypt, iv, plain, sealed, opened, packets);
            long allocated = counter.getCurrentThreadAllocatedBytes() - before;

            assertTrue(allocated < packets, allocated + " bytes allocated for " + packets + " packets");
            assertArrayEquals(bytes(1400, 1), remaining(opened.flip()));
        }
    }

    static Stream<Arguments> allocationFreeEnginesAndDirectness() {
        BcCipher blowfish = BcCipher.ALL.get(0);
        BcCipher standIn = new BcCipher(new CipherSpec("XOR-STAND-IN-CBC", CipherMode.CBC, 16, BLOCK, BLOCK, 0),
                XorEngine::new);
        return Stream.of(blowfish, standIn).flatMap(cipher -> Stream.of(Arguments.of(cipher, false), Arguments.of(cipher, true)));
    }

    private static void runPackets(CipherContext encrypt, CipherContext decrypt, byte[] iv, ByteBuffer plain,
            ByteBuffer sealed, ByteBuffer opened, int packets) throws GeneralSecurityException {
        for (int packet = 0; packet < packets; packet++) {
            iv[0] = (byte) packet;
            plain.rewind();
            sealed.clear();
            opened.clear();
            encrypt.encrypt(iv, null, plain, sealed, null);
            decrypt.decrypt(iv, null, sealed.flip(), null, opened);
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void badPaddingIsRefusedLeavingNoPlaintextAndNoMovedPositions(BcCipher cipher) throws Exception {
        try (CipherContext encrypt = context(cipher, true); CipherContext decrypt = context(cipher, false)) {
            byte[] sealed = Cbc.encrypt(encrypt, iv(1), bytes(3 * BLOCK, 1));
            // The last block is all padding (08 x 8): make its first byte 09 through the block before it.
            sealed[sealed.length - 2 * BLOCK] ^= 1;
            ByteBuffer in = ByteBuffer.wrap(sealed);
            ByteBuffer out = ByteBuffer.allocate(sealed.length);

            assertThrows(BadPaddingException.class, () -> decrypt.decrypt(iv(1), null, in, null, out));

            assertEquals(0, in.position());
            assertEquals(0, out.position());
            assertArrayEquals(new byte[sealed.length], out.array(), "no plaintext of a refused packet in out");
        }
    }

    @Test
    void paddingLengthAcceptsExactlyTheWellFormedPkcs7Blocks() {
        for (int claimed = 0; claimed <= 255; claimed++) {
            byte[] block = bytes(BLOCK, 0x40);
            int padding = Math.min(claimed, BLOCK);
            Arrays.fill(block, BLOCK - padding, BLOCK, (byte) claimed);
            int expected = claimed >= 1 && claimed <= BLOCK ? claimed : -1;
            assertEquals(expected, BcCbcContext.paddingLength(block), "length byte " + claimed);
        }
        for (int padding = 2; padding <= BLOCK; padding++) {
            for (int i = BLOCK - padding; i < BLOCK - 1; i++) {
                byte[] block = bytes(BLOCK, 0x40);
                Arrays.fill(block, BLOCK - padding, BLOCK, (byte) padding);
                block[i] ^= 0x20;
                assertEquals(-1, BcCbcContext.paddingLength(block), "padding " + padding + " altered at " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 9, 15, 17, 100})
    void ciphertextsThatAreNotWholeBlocksAreRejected(int length) throws Exception {
        for (BcCipher cipher : BcCipher.ALL) {
            try (CipherContext decrypt = context(cipher, false)) {
                assertThrows(IllegalBlockSizeException.class, () -> decrypt.decrypt(iv(1), null,
                        ByteBuffer.allocate(length), null, ByteBuffer.allocate(128)), cipher.spec().name());
            }
        }
    }

    @Test
    void encryptionNeedsRoomForThePaddedLengthAndIsRefusedBeforeAnythingMoves() throws Exception {
        try (CipherContext encrypt = context(BcCipher.ALL.get(0), true)) {
            ByteBuffer in = ByteBuffer.allocate(16);
            ByteBuffer out = ByteBuffer.allocate(23);

            assertThrows(ShortBufferException.class, () -> encrypt.encrypt(iv(1), null, in, out, null));

            assertEquals(0, in.position());
            assertEquals(0, out.position());
            assertThrows(ReadOnlyBufferException.class, () -> encrypt.encrypt(iv(1), null, in,
                    ByteBuffer.allocate(24).asReadOnlyBuffer(), null));
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void decryptionNeedsRoomForThePlaintextOnly(BcCipher cipher) throws Exception {
        try (CipherContext encrypt = context(cipher, true); CipherContext decrypt = context(cipher, false)) {
            byte[] sealed = Cbc.encrypt(encrypt, iv(1), bytes(13, 1));
            ByteBuffer in = ByteBuffer.wrap(sealed);
            ByteBuffer small = ByteBuffer.allocate(12);

            assertThrows(ShortBufferException.class, () -> decrypt.decrypt(iv(1), null, in, null, small));
            assertEquals(0, in.position());
            assertEquals(0, small.position());
            assertArrayEquals(new byte[12], small.array(), "no plaintext of a refused packet in out");

            ByteBuffer exact = ByteBuffer.allocate(13);
            assertEquals(13, decrypt.decrypt(iv(1), null, in, null, exact));
            assertArrayEquals(bytes(13, 1), exact.array());
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void aadAndTagsAreRefusedBecauseCbcAuthenticatesNothing(BcCipher cipher) throws Exception {
        try (CipherContext encrypt = context(cipher, true); CipherContext decrypt = context(cipher, false)) {
            assertThrows(IllegalArgumentException.class, () -> encrypt.encrypt(iv(1), ByteBuffer.allocate(4),
                    ByteBuffer.allocate(8), ByteBuffer.allocate(16), null));
            assertThrows(IllegalArgumentException.class, () -> encrypt.encrypt(iv(1), null,
                    ByteBuffer.allocate(8), ByteBuffer.allocate(16), ByteBuffer.allocate(16)));
            assertThrows(IllegalArgumentException.class, () -> decrypt.decrypt(iv(1), null,
                    ByteBuffer.allocate(8), ByteBuffer.allocate(16), ByteBuffer.allocate(16)));
        }
    }

    /** Each engine would take some of these (DESede 16 bytes as two-key triple DES) and run another cipher. */
    @ParameterizedTest
    @MethodSource("ciphers")
    void keysOfAnyOtherLengthAreRejected(BcCipher cipher) {
        int keyLength = cipher.spec().keyLength();
        for (int wrong : new int[] {0, 5, 8, keyLength - 1, keyLength + 1, 16 == keyLength ? 24 : 16, 32, 56}) {
            for (boolean encrypt : new boolean[] {true, false}) {
                assertThrows(InvalidKeyException.class, () -> provider.create(cipher.spec().name(), new byte[wrong], encrypt),
                        "key of " + wrong + " bytes");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 9, 12, 16})
    void ivsOtherThanEightBytesAreRejected(int length) throws Exception {
        for (BcCipher cipher : BcCipher.ALL) {
            try (CipherContext encrypt = context(cipher, true); CipherContext decrypt = context(cipher, false)) {
                assertThrows(InvalidAlgorithmParameterException.class, () -> encrypt.encrypt(new byte[length], null,
                        ByteBuffer.allocate(8), ByteBuffer.allocate(16), null));
                assertThrows(InvalidAlgorithmParameterException.class, () -> decrypt.decrypt(new byte[length], null,
                        ByteBuffer.allocate(16), null, ByteBuffer.allocate(16)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void theCallersKeyArrayMayBeErasedOnceTheContextIsMade(BcCipher cipher) throws Exception {
        byte[] key = key(cipher);
        try (CipherContext encrypt = cipher.newContext(key, true)) {
            Arrays.fill(key, (byte) 0);

            assertArrayEquals(reference(cipher, iv(1), bytes(30, 1)), Cbc.encrypt(encrypt, iv(1), bytes(30, 1)));
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void aContextWorksOnlyInItsOwnDirectionAndNotOnceClosed(BcCipher cipher) throws Exception {
        CipherContext encrypt = context(cipher, true);
        CipherContext decrypt = context(cipher, false);
        byte[] sealed = Cbc.encrypt(encrypt, iv(1), bytes(4, 1));
        assertThrows(IllegalStateException.class, () -> Cbc.decrypt(encrypt, iv(1), sealed));
        assertThrows(IllegalStateException.class, () -> Cbc.encrypt(decrypt, iv(1), bytes(4, 1)));

        encrypt.close();
        encrypt.close();
        decrypt.close();

        assertThrows(IllegalStateException.class, () -> Cbc.encrypt(encrypt, iv(1), bytes(4, 1)));
        assertThrows(IllegalStateException.class, () -> Cbc.decrypt(decrypt, iv(1), sealed));
    }

    /** A block cipher that notes which of its methods are called, in order. */
    private record Recording(BlockCipher engine, List<String> calls) implements BlockCipher {
        @Override
        public void init(boolean forEncryption, CipherParameters params) {
            calls.add("init");
            engine.init(forEncryption, params);
        }

        @Override
        public String getAlgorithmName() {
            return engine.getAlgorithmName();
        }

        @Override
        public int getBlockSize() {
            return engine.getBlockSize();
        }

        @Override
        public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
            calls.add("processBlock");
            return engine.processBlock(in, inOff, out, outOff);
        }

        @Override
        public void reset() {
            calls.add("reset");
            engine.reset();
        }
    }

    /** A stand-in 64-bit "block cipher" that xors with the key's first block: allocates nothing, is its own inverse. */
    private static final class XorEngine implements BlockCipher {
        private final byte[] key = new byte[BLOCK];

        @Override
        public void init(boolean forEncryption, CipherParameters params) {
            System.arraycopy(((KeyParameter) params).getKey(), 0, key, 0, BLOCK);
        }

        @Override
        public String getAlgorithmName() {
            return "XOR";
        }

        @Override
        public int getBlockSize() {
            return BLOCK;
        }

        @Override
        public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
            for (int i = 0; i < BLOCK; i++) {
                out[outOff + i] = (byte) (in[inOff + i] ^ key[i]);
            }
            return BLOCK;
        }

        @Override
        public void reset() {
        }
    }
}
