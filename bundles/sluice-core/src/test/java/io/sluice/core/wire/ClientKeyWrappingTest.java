package io.sluice.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wrapped client keys made by the real {@code openvpn --genkey tls-crypt-v2-client} (2.6.14;
 * the fixture keys, see the wire fixtures' README) unwrap to the Kc their own file holds, and
 * wrapping that Kc and metadata again gives OpenVPN's WKc byte for byte. Hostile WKc of every
 * shape is rejected with a reason, never an exception and never a key.
 */
class ClientKeyWrappingTest {

    private static final TlsCryptV2ServerKey SERVER = TlsCryptV2ServerKey.parse(
            Fixtures.resource("tls-crypt-v2-server.key"));
    private static final TlsCryptV2ClientKey CLIENT = TlsCryptV2ClientKey.parse(
            Fixtures.resource("tls-crypt-v2-client.key"));
    private static final TlsCryptV2ClientKey WITH_METADATA = TlsCryptV2ClientKey.parse(
            Fixtures.resource("tls-crypt-v2-client-metadata.key"));
    private static final TlsCryptV2ClientKey FOR_OTHER_SERVER = TlsCryptV2ClientKey.parse(
            Fixtures.resource("tls-crypt-v2-other-client.key"));

    private static ClientKeyWrapping wrapping() throws GeneralSecurityException {
        return new ClientKeyWrapping(SERVER);
    }

    private static Decoded<UnwrappedClientKey> unwrap(byte[] wkc) throws GeneralSecurityException {
        return wrapping().unwrap(ByteBuffer.wrap(wkc), 0, wkc.length);
    }

    @Test
    void openVpnsWrappedKeyUnwrapsToTheKcInTheSameFileWithATimestamp() throws GeneralSecurityException {
        UnwrappedClientKey key = unwrap(CLIENT.wkc()).value();
        assertArrayEquals(CLIENT.kc().toByteArray(), key.kc().toByteArray());
        assertEquals(ClientKeyMetadata.TYPE_TIMESTAMP, key.metadata().type());
        Instant created = key.metadata().timestamp().orElseThrow();
        assertTrue(created.isAfter(Instant.parse("2025-01-01T00:00:00Z")) && created.isBefore(Instant.now().plusSeconds(60)),
                created::toString);
    }

    @Test
    void openVpnsUserMetadataComesBackAsGiven() throws GeneralSecurityException {
        UnwrappedClientKey key = unwrap(WITH_METADATA.wkc()).value();
        assertArrayEquals(WITH_METADATA.kc().toByteArray(), key.kc().toByteArray());
        assertEquals(ClientKeyMetadata.TYPE_USER, key.metadata().type());
        assertEquals("sluice test", new String(key.metadata().value(), StandardCharsets.US_ASCII));
        assertTrue(key.metadata().timestamp().isEmpty());
    }

    @Test
    void wrappingOpenVpnsKcAndMetadataAgainGivesOpenVpnsBytes() throws GeneralSecurityException {
        for (TlsCryptV2ClientKey k : new TlsCryptV2ClientKey[] {CLIENT, WITH_METADATA}) {
            ClientKeyMetadata metadata = unwrap(k.wkc()).value().metadata();
            assertArrayEquals(k.wkc(), wrapping().wrap(k.kc(), metadata));
        }
    }

    @Test
    void aKeyWrappedForAnotherServerKeyIsUnauthentic() throws GeneralSecurityException {
        assertEquals(Reject.CLIENT_KEY_UNAUTHENTIC, unwrap(FOR_OTHER_SERVER.wkc()).reject());
    }

    @Test
    void everyFlippedBitIsRejected() throws GeneralSecurityException {
        byte[] wkc = CLIENT.wkc();
        for (int i = 0; i < wkc.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = wkc.clone();
                bad[i] ^= (byte) (1 << bit);
                Decoded<UnwrappedClientKey> d = unwrap(bad);
                assertFalse(d.isOk(), "byte " + i + " bit " + bit);
                // The last two bytes are the length field; anything else is under the tag.
                assertEquals(i >= wkc.length - 2 ? Reject.BAD_WRAPPED_KEY : Reject.CLIENT_KEY_UNAUTHENTIC, d.reject());
            }
        }
    }

    @Test
    void everyTruncationIsRejected() throws GeneralSecurityException {
        byte[] wkc = CLIENT.wkc();
        for (int n = 0; n < wkc.length; n++) {
            Decoded<UnwrappedClientKey> d = unwrap(Arrays.copyOf(wkc, n));
            assertFalse(d.isOk(), "first " + n + " bytes");
            // Cut from the front instead: the length field survives and disagrees.
            Decoded<UnwrappedClientKey> tail = unwrap(Arrays.copyOfRange(wkc, wkc.length - n, wkc.length));
            assertFalse(tail.isOk(), "last " + n + " bytes");
        }
        assertEquals(Reject.TRUNCATED, unwrap(new byte[1]).reject());
    }

    @Test
    void aLengthFieldThatTellsTheTruthButLeavesNoRoomForAKeyIsTruncated() throws GeneralSecurityException {
        byte[] shortOne = new byte[ClientKeyWrapping.MIN_WKC_LENGTH - 1];
        shortOne[shortOne.length - 2] = (byte) (shortOne.length >> 8);
        shortOne[shortOne.length - 1] = (byte) shortOne.length;
        assertEquals(Reject.TRUNCATED, unwrap(shortOne).reject());
    }

    @Test
    void moreThan1024BytesIsOversizeWhateverTheLengthFieldSays() throws GeneralSecurityException {
        byte[] big = Arrays.copyOf(CLIENT.wkc(), WireConstants.MAX_WRAPPED_CLIENT_KEY_LENGTH + 1);
        big[big.length - 2] = (byte) (big.length >> 8);
        big[big.length - 1] = (byte) big.length;
        assertEquals(Reject.OVERSIZE, unwrap(big).reject());
        assertEquals(Reject.OVERSIZE, unwrap(new byte[65535]).reject());
    }

    @Test
    void aLengthFieldThatDisagreesIsABadWrappedKey() throws GeneralSecurityException {
        byte[] wkc = CLIENT.wkc();
        for (int claimed : new int[] {0, 1, 2, wkc.length - 1, wkc.length + 1, 1024, 65535}) {
            byte[] bad = wkc.clone();
            bad[bad.length - 2] = (byte) (claimed >> 8);
            bad[bad.length - 1] = (byte) claimed;
            assertEquals(Reject.BAD_WRAPPED_KEY, unwrap(bad).reject(), "claims " + claimed);
        }
    }

    @Test
    void randomGarbageNeverThrowsAndNeverUnwraps() throws GeneralSecurityException {
        Random random = new Random(42);
        ClientKeyWrapping w = wrapping();
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = new byte[random.nextInt(1100)];
            random.nextBytes(garbage);
            if (garbage.length >= 2 && random.nextBoolean()) { // half of them with a length field that agrees
                garbage[garbage.length - 2] = (byte) (garbage.length >> 8);
                garbage[garbage.length - 1] = (byte) garbage.length;
            }
            ByteBuffer in = ByteBuffer.wrap(garbage);
            int from = garbage.length == 0 ? 0 : random.nextInt(garbage.length);
            assertFalse(w.unwrap(in, 0, garbage.length).isOk());
            assertFalse(w.unwrap(in, from, garbage.length).isOk());
            assertEquals(0, in.position());
            assertEquals(garbage.length, in.limit());
            // Indexes that lie outside the buffer are refused too.
            assertFalse(w.unwrap(in, garbage.length, garbage.length + 10).isOk());
            assertFalse(w.unwrap(in, from, from - 1).isOk());
        }
    }

    @Test
    void aFreshKeyRoundTripsWithAnyMetadataUpToTheLimit() throws GeneralSecurityException {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 100, ClientKeyMetadata.MAX_LENGTH - 1}) {
            byte[] kcBytes = new byte[Key2.LENGTH];
            random.nextBytes(kcBytes);
            byte[] value = new byte[length];
            random.nextBytes(value);
            ClientKeyMetadata metadata = ClientKeyMetadata.user(value);
            byte[] wkc = wrapping().wrap(Key2.of(kcBytes), metadata);
            assertTrue(wkc.length <= WireConstants.MAX_WRAPPED_CLIENT_KEY_LENGTH);
            UnwrappedClientKey back = unwrap(wkc).value();
            assertArrayEquals(kcBytes, back.kc().toByteArray());
            assertEquals(metadata, back.metadata());
        }
    }

    @Test
    void locateFindsTheKeyOnlyWhereItsLengthFits() {
        byte[] packet = new byte[100];
        packet[98] = 0;
        packet[99] = 40;
        assertEquals(60, ClientKeyWrapping.locate(ByteBuffer.wrap(packet)));
        packet[99] = 100; // would include the opcode byte
        assertEquals(-1, ClientKeyWrapping.locate(ByteBuffer.wrap(packet)));
        packet[98] = (byte) 0xff;
        assertEquals(-1, ClientKeyWrapping.locate(ByteBuffer.wrap(packet)));
        assertEquals(-1, ClientKeyWrapping.locate(ByteBuffer.wrap(new byte[3])));
    }
}
