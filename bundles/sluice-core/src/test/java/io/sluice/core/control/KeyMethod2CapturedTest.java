package io.sluice.core.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key method 2 messages written by OpenVPN 2.6.14 decode to their fields and re-encode to the same bytes. */
class KeyMethod2CapturedTest {

    private final ControlRejectCounters rejects = new ControlRejectCounters();
    private final KeyMethod2Codec codec = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, rejects);

    static List<CapturedControl.Message> keyMethod2Messages() {
        return CapturedControl.all().stream().filter(CapturedControl.Message::isKeyMethod2).toList();
    }

    private KeyMethod2Message decode(CapturedControl.Message m) {
        Parsed<KeyMethod2Message> p = codec.decode(m.buffer(), m.fromClient());
        assertTrue(p.isOk(), () -> m + ": " + p);
        return p.value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyMethod2Messages")
    void everyCapturedMessageReEncodesByteForByte(CapturedControl.Message m) {
        ByteBuffer in = m.buffer();
        Parsed<KeyMethod2Message> p = codec.decode(in, m.fromClient());
        assertTrue(p.isOk(), p::toString);
        assertEquals(0, in.position(), "decode leaves the buffer's position alone");
        assertEquals(m.bytes().length, KeyMethod2Codec.encodedLength(p.value()));
        assertArrayEquals(m.bytes(), KeyMethod2Codec.encode(p.value()));
        assertEquals(0, rejects.total());
    }

    @Test
    void clientMessageCarriesPreMasterRandomsOptionsCredentialsAndPeerInfo() {
        CapturedControl.Message m = CapturedControl.message(CapturedControl.BASIC, 1);
        KeyMethod2Message k = decode(m);
        assertTrue(k.fromClient());
        assertEquals(2, k.keyMethodByte());
        assertArrayEquals(java.util.Arrays.copyOfRange(m.bytes(), 5, 53), k.preMaster());
        assertArrayEquals(java.util.Arrays.copyOfRange(m.bytes(), 53, 85), k.random1());
        assertArrayEquals(java.util.Arrays.copyOfRange(m.bytes(), 85, 117), k.random2());
        assertEquals("V4,dev-type tun,link-mtu 1541,tun-mtu 1500,proto UDPv4,auth SHA1,keysize 128,key-method 2,tls-client",
                k.options());
        assertEquals(Optional.of("alice"), k.username());
        assertEquals(Optional.of("s3cret-pass"), k.password());
        assertEquals(Optional.of("IV_VER=2.6.14\nIV_PLAT=linux\nIV_TCPNL=1\nIV_MTU=1600\nIV_NCP=2\n"
                + "IV_CIPHERS=AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305\nIV_PROTO=990\nIV_LZO_STUB=1\n"
                + "IV_COMP_STUB=1\nIV_COMP_STUBv2=1\n"), k.peerInfo());
        assertFalse(k.credentialsTooLong());
    }

    @Test
    void multiClientServerMessageHasNoPreMasterAndSendsNoCredentialsOrPeerInfo() {
        CapturedControl.Message m = CapturedControl.message(CapturedControl.BASIC, 2);
        KeyMethod2Message k = decode(m);
        assertFalse(k.fromClient());
        assertEquals(0, k.preMaster().length);
        assertArrayEquals(java.util.Arrays.copyOfRange(m.bytes(), 5, 37), k.random1());
        assertEquals("V4,dev-type tun,link-mtu 1541,tun-mtu 1500,proto UDPv4,auth SHA1,keysize 128,key-method 2,tls-server",
                k.options());
        assertEquals(Optional.empty(), k.username());
        assertEquals(Optional.empty(), k.password());
        assertEquals(Optional.empty(), k.peerInfo());
        // Three absent strings: six zero bytes after the options string's NUL.
        byte[] tail = java.util.Arrays.copyOfRange(m.bytes(), m.bytes().length - 7, m.bytes().length);
        assertArrayEquals(new byte[7], tail);
    }

    @Test
    void serverFactoryBuildsTheCapturedServerMessage() {
        CapturedControl.Message m = CapturedControl.message(CapturedControl.BASIC, 2);
        KeyMethod2Message captured = decode(m);
        KeyMethod2Message built = KeyMethod2Message.server(captured.random1(), captured.random2(), captured.options());
        assertArrayEquals(m.bytes(), KeyMethod2Codec.encode(built));
    }

    @Test
    void peerToPeerServerSendsItsPeerInfoButNoCredentials() {
        KeyMethod2Message k = decode(CapturedControl.message(CapturedControl.P2P, 2));
        assertFalse(k.fromClient());
        assertEquals(Optional.empty(), k.username());
        assertEquals(Optional.of("IV_CIPHERS=AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305\nIV_PROTO=746\n"), k.peerInfo());
    }

    @Test
    void clientFactoryBuildsTheCapturedClientMessage() {
        CapturedControl.Message m = CapturedControl.message(CapturedControl.CONTINUATION, 1);
        KeyMethod2Message c = decode(m);
        KeyMethod2Message built = KeyMethod2Message.client(c.preMaster(), c.random1(), c.random2(), c.options(),
                c.username(), c.password(), c.peerInfo());
        assertEquals(c, built);
        assertArrayEquals(m.bytes(), KeyMethod2Codec.encode(built));
    }

    @Test
    void toStringShowsNeitherPasswordNorKeyMaterial() {
        String s = decode(CapturedControl.message(CapturedControl.BASIC, 1)).toString();
        assertFalse(s.contains("s3cret-pass"), s);
        assertTrue(s.contains("alice"), s);
    }
}
