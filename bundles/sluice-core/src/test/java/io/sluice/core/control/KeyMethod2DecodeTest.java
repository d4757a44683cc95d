package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the key method 2 decoder tolerates as OpenVPN does, and what it rejects, with the reason counted. */
class KeyMethod2DecodeTest {

    private static final String OPTIONS = "V4,dev-type tun,link-mtu 1541,tun-mtu 1500,proto UDPv4,auth SHA1,keysize 128,key-method 2,tls-client";

    private final ControlRejectCounters rejects = new ControlRejectCounters();
    private final KeyMethod2Codec codec = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, rejects);

    /** Builds a client message from raw parts so tests control every byte. */
    private static final class Msg {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Msg head(int zero, int method) {
            ByteBuffer b = ByteBuffer.allocate(5).putInt(zero).put((byte) method);
            out.writeBytes(b.array());
            out.writeBytes(new byte[48 + 64]);
            return this;
        }

        Msg string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return raw(b.length + 1).bytes(b).bytes(new byte[1]);
        }

        Msg raw(int length) {
            out.write(length >> 8);
            out.write(length);
            return this;
        }

        Msg bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(out.toByteArray());
        }
    }

    private static Msg client() {
        return new Msg().head(0, 2);
    }

    private Parsed<KeyMethod2Message> decode(Msg m) {
        return codec.decode(m.buffer(), true);
    }

    private void assertRejected(ControlReject reason, Msg m) {
        Parsed<KeyMethod2Message> p = decode(m);
        assertFalse(p.isOk());
        assertEquals(reason, p.reject());
        assertEquals(1, rejects.get(reason));
    }

    @Test
    void absentAndEmptyUsernamesAreDifferentAsInOpenVpn() {
        KeyMethod2Message absent = decode(client().string(OPTIONS).raw(0).raw(0).raw(0)).value();
        assertEquals(Optional.empty(), absent.username());
        KeyMethod2Message empty = decode(client().string(OPTIONS).string("").string("").raw(0)).value();
        assertEquals(Optional.of(""), empty.username());
        assertEquals(Optional.of(""), empty.password());
    }

    @Test
    void encoderWritesAbsentAsZeroLengthAndEmptyAsLengthOneAndNul() {
        byte[] r = new byte[32];
        byte[] absent = KeyMethod2Codec.encode(KeyMethod2Message.client(new byte[48], r, r, "V4",
                Optional.empty(), Optional.empty(), Optional.empty()));
        byte[] empty = KeyMethod2Codec.encode(KeyMethod2Message.client(new byte[48], r, r, "V4",
                Optional.of(""), Optional.of(""), Optional.empty()));
        int after = 4 + 1 + 48 + 64 + 2 + 3;
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(absent, after, absent.length));
        assertArrayEquals(new byte[] {0, 1, 0, 0, 1, 0, 0, 0}, java.util.Arrays.copyOfRange(empty, after, empty.length));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 2}, java.util.Arrays.copyOfRange(absent, 0, 5));
        assertArrayEquals(new byte[] {0, 3, 'V', '4', 0}, java.util.Arrays.copyOfRange(absent, after - 5, after));
    }

    @Test
    void messageEndingAfterTheOptionsStringHasNoCredentialsAndNoPeerInfo() {
        KeyMethod2Message k = decode(client().string(OPTIONS)).value();
        assertEquals(OPTIONS, k.options());
        assertEquals(Optional.empty(), k.username());
        assertEquals(Optional.empty(), k.peerInfo());
    }

    @Test
    void messageEndingAfterThePasswordHasNoPeerInfo() {
        KeyMethod2Message k = decode(client().string(OPTIONS).string("u").string("p")).value();
        assertEquals(Optional.of("p"), k.password());
        assertEquals(Optional.empty(), k.peerInfo());
    }

    @Test
    void leadingWordAndFlagBitsAboveTheKeyMethodAreIgnoredAsOpenVpnIgnoresThem() {
        KeyMethod2Message k = decode(new Msg().head(0x12345678, 0xF2).string(OPTIONS).raw(0).raw(0).raw(0)).value();
        assertEquals(0xF2, k.keyMethodByte());
    }

    @Test
    void emptyOptionsStringIsAccepted() {
        assertEquals("", decode(client().raw(0).raw(0).raw(0).raw(0)).value().options());
    }

    @Test
    void stringIsCutAtItsFirstNulAndItsLastByteNeedNotBeNul() {
        KeyMethod2Message k = decode(client().raw(4).bytes("V4X!".getBytes(StandardCharsets.US_ASCII))
                .raw(5).bytes(new byte[] {'a', 0, 'b', 'c', 0})).value();
        assertEquals("V4X", k.options());
        assertEquals(Optional.of("a"), k.username());
    }

    @Test
    void trailingBytesAfterThePeerInfoAreIgnored() {
        assertTrue(decode(client().string(OPTIONS).raw(0).raw(0).string("IV_VER=2.6.14\n").bytes(new byte[] {9, 9})).isOk());
    }

    @Test
    void tooLongUsernameIsAnAuthenticationFailureNotAProtocolError() {
        // An OpenVPN build without PKCS#11 allows 128 bytes, NUL included.
        KeyMethod2Codec small = new KeyMethod2Codec(new KeyMethod2Limits(2048, 512, 128), rejects);
        String longName = "u".repeat(200);
        KeyMethod2Message k = small.decode(client().string(OPTIONS).string(longName).string("pw")
                .string("IV_VER=2.6.14\n").buffer(), true).value();
        assertTrue(k.credentialsTooLong());
        assertEquals(Optional.empty(), k.username());
        assertEquals(Optional.empty(), k.password());
        assertEquals(Optional.of("IV_VER=2.6.14\n"), k.peerInfo(), "the peer info behind is still read");
        assertEquals("Username or password is too long. Maximum length is 128 bytes",
                KeyMethod2Message.CREDENTIALS_TOO_LONG_REASON);
    }

    @Test
    void credentialLimitCountsTheNul() {
        KeyMethod2Codec small = new KeyMethod2Codec(new KeyMethod2Limits(2048, 512, 128), rejects);
        ByteBuffer fits = client().string(OPTIONS).string("u".repeat(127)).string("p").buffer();
        ByteBuffer over = client().string(OPTIONS).string("u".repeat(128)).string("p").buffer();
        assertFalse(small.decode(fits, true).value().credentialsTooLong());
        assertTrue(small.decode(over, true).value().credentialsTooLong());
    }

    @Test
    void optionsStringOverTlsOptionsLenIsRejected() {
        assertTrue(decode(client().string("x".repeat(511))).isOk());
        assertRejected(ControlReject.OPTIONS_TOO_LONG, client().string("x".repeat(512)));
    }

    @Test
    void keyMethodOtherThanTwoIsRejected() {
        assertRejected(ControlReject.BAD_KEY_METHOD, new Msg().head(0, 1).string(OPTIONS));
    }

    @Test
    void missingKeySourceIsTruncated() {
        assertRejected(ControlReject.TRUNCATED, new Msg().bytes(new byte[] {0, 0, 0, 0, 2}).bytes(new byte[100]));
    }

    @Test
    void serverMessageDecodedAsClientMessageLacksItsPreMaster() {
        // 69 fixed bytes + "V4" does not hold a client's 117 fixed bytes plus a length.
        byte[] server = KeyMethod2Codec.encode(KeyMethod2Message.server(new byte[32], new byte[32], "V4"));
        Parsed<KeyMethod2Message> p = codec.decode(ByteBuffer.wrap(server), true);
        assertEquals(ControlReject.TRUNCATED, p.reject());
    }

    @Test
    void missingOptionsStringIsTruncated() {
        assertRejected(ControlReject.TRUNCATED, client());
    }

    @Test
    void lengthRunningPastTheEndIsTruncated() {
        assertRejected(ControlReject.TRUNCATED, client().string(OPTIONS).raw(50).bytes(new byte[10]));
    }

    @Test
    void halfALengthFieldIsTruncated() {
        assertRejected(ControlReject.TRUNCATED, client().string(OPTIONS).bytes(new byte[] {0}));
    }

    @Test
    void invalidUtf8IsMalformed() {
        assertRejected(ControlReject.MALFORMED_STRING, client().string(OPTIONS).raw(3).bytes(new byte[] {(byte) 0xC3, 0x28, 0}));
    }

    @Test
    void messageOverTheLimitIsOversize() {
        assertRejected(ControlReject.OVERSIZE, client().string(OPTIONS).raw(0).raw(0).string("IV_X=" + "y".repeat(2000)));
    }

    @Test
    void decodeLeavesTheCallersBufferAsItWas() {
        ByteBuffer b = client().string(OPTIONS).buffer();
        b.position(0).limit(b.capacity());
        codec.decode(b, true);
        assertEquals(0, b.position());
        assertEquals(b.capacity(), b.limit());
    }

    @Test
    void encoderRefusesAnOptionsStringOverTlsOptionsLen() {
        KeyMethod2Message m = KeyMethod2Message.server(new byte[32], new byte[32], "x".repeat(512));
        assertThrows(IllegalArgumentException.class, () -> KeyMethod2Codec.encode(m));
    }

    @Test
    void messageRefusesWrongKeySourceLengthsAndNulInStrings() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyMethod2Message.server(new byte[31], new byte[32], "V4"));
        assertThrows(IllegalArgumentException.class, () -> KeyMethod2Message.client(new byte[47], new byte[32],
                new byte[32], "V4", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> KeyMethod2Message.client(new byte[48], new byte[32],
                new byte[32], "V4", Optional.of("a\0b"), Optional.empty(), Optional.empty()));
    }
}
