package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * tls-crypt-v2 key files as {@code openvpn --genkey} 2.6.14 writes them (the wire fixtures):
 * read, and written back in exactly OpenVPN's layout; what is not such a file is refused.
 */
class TlsCryptV2KeyFileTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = TlsCryptV2KeyFileTest.class.getResourceAsStream("/io/sluice/core/wire/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void anOpenVpnServerKeyIsReadAndWrittenBackByteForByte() throws IOException {
        String text = fixture("tls-crypt-v2-server.key");
        TlsCryptV2ServerKey key = TlsCryptV2ServerKey.parse(text);
        assertEquals(text, new String(key.fileText(), StandardCharsets.US_ASCII));
        byte[] raw = base64Body(text);
        assertEquals(128, raw.length);
        assertArrayEquals(java.util.Arrays.copyOfRange(raw, 0, 32), key.cipherKey(), "Ke: start of the cipher part");
        assertArrayEquals(java.util.Arrays.copyOfRange(raw, 64, 96), key.hmacKey(), "Ka: start of the HMAC part");
    }

    @Test
    void anOpenVpnClientKeyIsKcThenWkcAndIsWrittenBackByteForByte() throws IOException {
        for (String name : new String[] {"tls-crypt-v2-client.key", "tls-crypt-v2-client-metadata.key"}) {
            String text = fixture(name);
            TlsCryptV2ClientKey key = TlsCryptV2ClientKey.parse(text);
            byte[] raw = base64Body(text);
            assertArrayEquals(java.util.Arrays.copyOf(raw, 256), key.kc().toByteArray(), name);
            assertArrayEquals(java.util.Arrays.copyOfRange(raw, 256, raw.length), key.wkc(), name);
            assertEquals(text, new String(key.fileText(), StandardCharsets.US_ASCII), name);
        }
    }

    @Test
    void aNewServerKeyReadsBack() {
        TlsCryptV2ServerKey key = TlsCryptV2ServerKey.generate(new SecureRandom());
        TlsCryptV2ServerKey back = TlsCryptV2ServerKey.parse(new String(key.fileText(), StandardCharsets.US_ASCII));
        assertArrayEquals(key.cipherKey(), back.cipherKey());
        assertArrayEquals(key.hmacKey(), back.hmacKey());
    }

    @Test
    void whatIsNotTheRightKeyIsRefused() throws IOException {
        String server = fixture("tls-crypt-v2-server.key");
        String client = fixture("tls-crypt-v2-client.key");
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ServerKey.parse(client), "a client key");
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ClientKey.parse(server), "a server key");
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ServerKey.parse(fixture("ta.key")));
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ServerKey.parse(server.replace("U", "*")),
                "not base64");
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ServerKey.parse(
                server.replace("-----END", "AAAA\n-----END")), "131 bytes");
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ClientKey.parse(
                pem(TlsCryptV2ClientKey.PEM_NAME, new byte[256])), "Kc without WKc");
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ClientKey.parse(
                pem(TlsCryptV2ClientKey.PEM_NAME, new byte[256 + 1025])), "WKc too long");
        assertThrows(IllegalArgumentException.class, () -> TlsCryptV2ClientKey.parse(""));
    }

    /** The bytes between the markers, decoded independently of the code under test. */
    private static byte[] base64Body(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) [^\n]*-----", ""));
    }

    /** A PEM block around arbitrary bytes. */
    private static String pem(String name, byte[] content) {
        return new String(PemKeyBlock.encode(name, content), StandardCharsets.US_ASCII);
    }
}
