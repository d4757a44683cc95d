package io.sluice.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three ciphers against OpenSSL 3: the vectors in {@code openssl-cbc-vectors.txt} were made
 * once with {@code openssl enc -provider legacy -provider default} (the exact commands are at the
 * top of that file) and are committed; no test runs OpenSSL.
 */
class OpenSslKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    /** One line of the vector file. */
    record Vector(String cipher, byte[] key, byte[] iv, byte[] plaintext, byte[] ciphertext) {
        @Override
        public String toString() {
            return cipher + ", " + plaintext.length + " bytes";
        }
    }

    private final CipherProvider provider = new BcCipherProvider();

    static List<Vector> vectors() {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = OpenSslKnownAnswerTest.class.getResourceAsStream("openssl-cbc-vectors.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                vectors.add(new Vector(f[0], HEX.parseHex(f[1]), HEX.parseHex(f[2]),
                        f[3].equals("-") ? new byte[0] : HEX.parseHex(f[3]), HEX.parseHex(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
    }

    @Test
    void theVectorFileCoversEveryCipherAtEveryLength() {
        Map<String, List<Integer>> lengths = vectors().stream().collect(Collectors.groupingBy(Vector::cipher,
                TreeMap::new, Collectors.mapping(v -> v.plaintext().length, Collectors.toList())));

        List<Integer> expected = List.of(0, 1, 7, 8, 9, 100);
        assertEquals(Map.of("BF-CBC", expected, "DES-EDE3-CBC", expected, "CAST5-CBC", expected), lengths);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encryptionGivesOpenSslsCiphertextPaddingIncluded(Vector v) throws Exception {
        try (CipherContext encrypt = provider.create(v.cipher(), v.key(), true)) {
            assertEquals(HEX.formatHex(v.ciphertext()), HEX.formatHex(Cbc.encrypt(encrypt, v.iv(), v.plaintext())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decryptionGivesBackThePlaintextWithoutPadding(Vector v) throws Exception {
        try (CipherContext decrypt = provider.create(v.cipher(), v.key(), false)) {
            assertArrayEquals(v.plaintext(), Cbc.decrypt(decrypt, v.iv(), v.ciphertext()));
        }
    }

    @Test
    void oneContextPerCipherAndDirectionServesEveryVectorInTurn() throws Exception {
        Map<String, List<Vector>> byCipher = vectors().stream().collect(Collectors.groupingBy(Vector::cipher));
        for (List<Vector> same : byCipher.values()) {
            Vector first = same.get(0);
            try (CipherContext encrypt = provider.create(first.cipher(), first.key(), true);
                 CipherContext decrypt = provider.create(first.cipher(), first.key(), false)) {
                for (int round = 0; round < 3; round++) {
                    for (Vector v : same) {
                        assertArrayEquals(v.ciphertext(), Cbc.encrypt(encrypt, v.iv(), v.plaintext()), v + ", round " + round);
                        assertArrayEquals(v.plaintext(), Cbc.decrypt(decrypt, v.iv(), v.ciphertext()), v + ", round " + round);
                    }
                }
            }
        }
    }

    /**
     * Every shorter ciphertext is refused. Cut inside a block it is not whole blocks; cut at a
     * block boundary, its last block decrypts to plaintext of the ASCII sentence, whose bytes are
     * all above 8 and so never valid padding.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void truncatedCiphertextIsRefusedWithAGeneralSecurityException(Vector v) throws Exception {
        try (CipherContext decrypt = provider.create(v.cipher(), v.key(), false)) {
            for (int length = 0; length < v.ciphertext().length; length++) {
                byte[] truncated = Arrays.copyOf(v.ciphertext(), length);
                Class<? extends GeneralSecurityException> expected = length > 0 && length % Cbc.BLOCK == 0
                        ? BadPaddingException.class : IllegalBlockSizeException.class;

                assertThrows(expected, () -> Cbc.decrypt(decrypt, v.iv(), truncated), "cut to " + length + " bytes");
            }
            // Refusals leave the context as it was.
            assertArrayEquals(v.plaintext(), Cbc.decrypt(decrypt, v.iv(), v.ciphertext()));
        }
    }

    /**
     * Malformed padding through CBC's malleability: changing a byte of the block before the last
     * (the IV when there is only one block) changes the same byte of the last plaintext block.
     * Each vector gets a padding length byte of 0 and of 9, and, when its padding is longer than
     * one byte, a padding byte that disagrees with the length byte.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void wrongPaddingIsRefusedWithBadPaddingException(Vector v) throws Exception {
        int padding = v.ciphertext().length - v.plaintext().length;
        try (CipherContext decrypt = provider.create(v.cipher(), v.key(), false)) {
            List<int[]> edits = new ArrayList<>(List.of(
                    new int[] {Cbc.BLOCK - 1, padding},          // length byte becomes 0
                    new int[] {Cbc.BLOCK - 1, padding ^ 9}));    // length byte becomes 9
            if (padding > 1) {
                edits.add(new int[] {Cbc.BLOCK - padding, 0x40}); // first padding byte no longer equals it
            }
            for (int[] edit : edits) {
                byte[] iv = v.iv().clone();
                byte[] ciphertext = v.ciphertext().clone();
                int lastBlock = ciphertext.length - Cbc.BLOCK;
                if (lastBlock == 0) {
                    iv[edit[0]] ^= (byte) edit[1];
                } else {
                    ciphertext[lastBlock - Cbc.BLOCK + edit[0]] ^= (byte) edit[1];
                }

                assertThrows(BadPaddingException.class, () -> Cbc.decrypt(decrypt, iv, ciphertext),
                        "byte " + edit[0] + " of the last block xor " + edit[1]);
            }
        }
    }
}
