package io.sluice.core.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.EncryptStatus;
import io.sluice.core.data.KeepalivePing;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.testing.TestCrypto;
import io.sluice.core.time.FakeClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OpenVPN's static-key packet format between two peers of one key file: no opcode; HMAC, IV and
 * CBC of the long packet id (id, time) and the payload; with {@code cipher none} the id and
 * payload in clear behind the HMAC; with {@code auth none} no HMAC. Tampered packets and replays
 * are dropped and counted, and so is everything a peer with another key or the same direction
 * sends.
 */
class StaticKeyChannelTest {

    private static final java.time.Clock WALL = java.time.Clock.fixed(Instant.ofEpochSecond(1_700_000_000L),
            ZoneOffset.UTC);
    private static final byte[] PAYLOAD = "an IP packet, as far as the channel cares".getBytes(StandardCharsets.US_ASCII);

    private final FakeClock clock = new FakeClock();
    private final Key2 key = randomKey(1);

    private StaticKeyChannel channel(Key2 key2, KeyDirection direction, String cipher, String auth) throws Exception {
        return StaticKeyCrypto.create(key2, direction, cipher, auth, TestCrypto.providers())
                .newChannel(clock, WALL, new Random(7)::nextBytes, 64, 15);
    }

    private static byte[] seal(StaticKeyChannel from, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        assertEquals(EncryptStatus.OK, from.seal(ByteBuffer.wrap(payload), out));
        assertEquals(from.packetLength(payload.length), out.position(), "packetLength is the wire length");
        return Arrays.copyOf(out.array(), out.position());
    }

    private static DecryptStatus open(StaticKeyChannel at, byte[] packet, ByteBuffer out) {
        out.clear();
        return at.open(ByteBuffer.wrap(packet), out);
    }

    @ParameterizedTest(name = "cipher {0}, auth {1}")
    @CsvSource({"AES-256-CBC, SHA256", "AES-128-CBC, SHA1", "AES-256-CBC, none", "none, SHA256", "none, none"})
    void packetsRoundTripBetweenOppositeDirectionsWithOpenVpnsLayout(String cipher, String auth)
            throws Exception {
        StaticKeyChannel a = channel(key, KeyDirection.NORMAL, cipher, auth);
        StaticKeyChannel b = channel(key, KeyDirection.INVERSE, cipher, auth);
        ByteBuffer out = ByteBuffer.allocate(2048);

        byte[] packet = seal(a, PAYLOAD);
        // CBC: HMAC + IV + ciphertext of (8-byte id and time + payload, padded to the block);
        // none: HMAC + 8-byte id and time + payload.
        int padded = cipher.equals("none") ? 8 + PAYLOAD.length : ((8 + PAYLOAD.length) / 16 + 1) * 16 + 16;
        int hmac = switch (auth) {
            case "SHA256" -> 32;
            case "SHA1" -> 20;
            default -> 0;
        };
        assertEquals(hmac + padded, packet.length);
        if (cipher.equals("none")) {
            // The long packet id in clear behind the HMAC: id 1, then the sender's time.
            assertEquals(1, ByteBuffer.wrap(packet).getInt(hmac));
            assertEquals(1_700_000_000, ByteBuffer.wrap(packet).getInt(hmac + 4));
        }
        assertEquals(DecryptStatus.OK, open(b, packet, out));
        assertArrayEquals(PAYLOAD, Arrays.copyOf(out.array(), out.position()));

        byte[] back = seal(b, KeepalivePing.bytes());
        assertEquals(DecryptStatus.OK, open(a, back, out));
        assertArrayEquals(KeepalivePing.bytes(), Arrays.copyOf(out.array(), out.position()));
    }

    @Test
    void withoutADirectionBothPeersUseTheFirstKeyBothWays() throws Exception {
        StaticKeyChannel a = channel(key, KeyDirection.BIDIRECTIONAL, "AES-256-CBC", "SHA256");
        StaticKeyChannel b = channel(key, KeyDirection.BIDIRECTIONAL, "AES-256-CBC", "SHA256");
        ByteBuffer out = ByteBuffer.allocate(2048);
        assertEquals(DecryptStatus.OK, open(b, seal(a, PAYLOAD), out));
        assertEquals(DecryptStatus.OK, open(a, seal(b, PAYLOAD), out));
    }

    @ParameterizedTest(name = "cipher {0}, auth SHA256")
    @CsvSource({"AES-256-CBC", "none"})
    void aTamperedPacketIsDroppedAndCounted(String cipher) throws Exception {
        StaticKeyChannel a = channel(key, KeyDirection.NORMAL, cipher, "SHA256");
        StaticKeyChannel b = channel(key, KeyDirection.INVERSE, cipher, "SHA256");
        ByteBuffer out = ByteBuffer.allocate(2048);
        byte[] packet = seal(a, PAYLOAD);
        for (int at : new int[] {0, 40, packet.length - 1}) {
            byte[] tampered = packet.clone();
            tampered[at] ^= 0x01;
            assertEquals(DecryptStatus.BAD_HMAC, open(b, tampered, out), "byte " + at + " flipped");
        }
        assertEquals(3, b.count(DecryptStatus.BAD_HMAC));
        assertEquals(DecryptStatus.OK, open(b, packet, out), "the original still opens");
    }

    @ParameterizedTest(name = "cipher {0}")
    @CsvSource({"AES-256-CBC", "none"})
    void aReplayedPacketIsDroppedAndCounted(String cipher) throws Exception {
        StaticKeyChannel a = channel(key, KeyDirection.NORMAL, cipher, "SHA256");
        StaticKeyChannel b = channel(key, KeyDirection.INVERSE, cipher, "SHA256");
        ByteBuffer out = ByteBuffer.allocate(2048);
        byte[] first = seal(a, PAYLOAD);
        byte[] second = seal(a, PAYLOAD);
        assertEquals(DecryptStatus.OK, open(b, second, out));
        assertEquals(DecryptStatus.OK, open(b, first, out), "out of order within the window is fine");
        assertEquals(DecryptStatus.REPLAY, open(b, first, out));
        assertEquals(DecryptStatus.REPLAY, open(b, second, out));
        assertEquals(2, b.count(DecryptStatus.REPLAY));
    }

    @Test
    void packetsUnderAnotherKeyOrTheSameDirectionNeverOpen() throws Exception {
        StaticKeyChannel a = channel(key, KeyDirection.NORMAL, "AES-256-CBC", "SHA256");
        StaticKeyChannel sameDirection = channel(key, KeyDirection.NORMAL, "AES-256-CBC", "SHA256");
        StaticKeyChannel otherKey = channel(randomKey(2), KeyDirection.INVERSE, "AES-256-CBC", "SHA256");
        ByteBuffer out = ByteBuffer.allocate(2048);
        assertEquals(DecryptStatus.BAD_HMAC, open(sameDirection, seal(a, PAYLOAD), out));
        assertEquals(DecryptStatus.BAD_HMAC, open(otherKey, seal(a, PAYLOAD), out));
        assertEquals(DecryptStatus.BAD_HMAC, open(a, seal(otherKey, PAYLOAD), out));
    }

    @Test
    void aNewChannelStartsItsPacketIdsAgainAndItsPeerTakesThemAfterItsOwnRestart() throws Exception {
        StaticKeyCrypto crypto = StaticKeyCrypto.create(key, KeyDirection.NORMAL, "AES-256-CBC", "SHA256",
                TestCrypto.providers());
        StaticKeyChannel b = channel(key, KeyDirection.INVERSE, "AES-256-CBC", "SHA256");
        ByteBuffer out = ByteBuffer.allocate(2048);
        StaticKeyChannel before = crypto.newChannel(clock, WALL, new Random(1)::nextBytes, 64, 15);
        assertEquals(DecryptStatus.OK, open(b, seal(before, PAYLOAD), out));
        StaticKeyChannel after = crypto.newChannel(clock, WALL, new Random(2)::nextBytes, 64, 15);
        assertEquals(DecryptStatus.REPLAY, open(b, seal(after, PAYLOAD), out),
                "id 1 again in the same second: OpenVPN drops it too until its peer restarts");
        StaticKeyChannel restartedB = channel(key, KeyDirection.INVERSE, "AES-256-CBC", "SHA256");
        assertEquals(DecryptStatus.OK, open(restartedB, seal(after, PAYLOAD), out));
    }

    private static Key2 randomKey(long seed) {
        byte[] block = new byte[Key2.LENGTH];
        new Random(seed).nextBytes(block);
        return Key2.of(block);
    }
}
