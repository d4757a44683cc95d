package io.sluice.core.control;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The options string is built as OpenVPN 2.6.14 built it for the captured configurations. */
class OptionsStringTest {

    static final CipherSpec AES_256_GCM = new CipherSpec("AES-256-GCM", CipherMode.AEAD, 32, 12, 1, 16);
    static final CipherSpec CHACHA = new CipherSpec("CHACHA20-POLY1305", CipherMode.AEAD, 32, 12, 1, 16);
    static final CipherSpec AES_256_CBC = new CipherSpec("AES-256-CBC", CipherMode.CBC, 32, 16, 16, 0);
    static final CipherSpec AES_128_CBC = new CipherSpec("AES-128-CBC", CipherMode.CBC, 16, 16, 16, 0);
    static final DigestSpec SHA256 = new DigestSpec("SHA256", 32);
    static final DigestSpec SHA512 = new DigestSpec("SHA512", 64);

    private static final Map<String, Map<String, List<String>>> CAPTURED =
            CapturedControl.blocks("openvpn-2.6.14-options-strings.txt");

    private static OptionsString.Builder client() {
        return OptionsString.builder().role(OptionsString.Role.TLS_CLIENT);
    }

    private static OptionsString.Builder server() {
        return OptionsString.builder().role(OptionsString.Role.TLS_SERVER);
    }

    /** The settings of each captured configuration, as the session layer would pass them. */
    private static OptionsString settingsOf(String name) {
        return switch (name) {
            case "client-udp-default", "p2p-tls-client", "client-tlscrypt" -> client().build();
            case "client-tcp-default" -> client().proto(OccProto.TCP_CLIENT).build();
            case "client-cipher-aes256cbc-sha256" -> client().cipher("AES-256-CBC", AES_256_CBC).digest(SHA256).build();
            case "client-dc-aes256cbc-sha512" -> client().cipher("AES-256-CBC", AES_256_CBC).digest(SHA512)
                    .dataCiphers(List.of("AES-256-CBC")).build();
            case "client-cipher-aes256gcm" -> client().cipher("AES-256-GCM", AES_256_GCM).build();
            case "client-cipher-chacha" -> client().cipher("CHACHA20-POLY1305", CHACHA)
                    .dataCiphers(List.of("CHACHA20-POLY1305", "AES-256-GCM")).build();
            case "client-tlsauth-keydir1" -> client().tlsAuth(true).keyDirection(1).build();
            case "client-compress-lzo" -> client().compression(OccCompression.V1).build();
            case "client-compress-stubv2" -> client().compression(OccCompression.V2).build();
            case "client-fragment-tunmtu1400" -> client().tunMtu(1400).fragment(true).build();
            case "client-tcp-aes128cbc-sha1" -> client().proto(OccProto.TCP_CLIENT).cipher("AES-128-CBC", AES_128_CBC)
                    .dataCiphers(List.of("AES-128-CBC", "AES-256-GCM")).build();
            case "client-tap" -> client().devType("tap").build();
            case "server-udp-default" -> server().build();
            case "server-udp-tlsauth-sha256" -> server().tlsAuth(true).keyDirection(0).digest(SHA256).build();
            case "server-fallback-aes256cbc" -> server().cipher("AES-256-CBC", AES_256_CBC)
                    .dataCiphers(List.of("AES-256-GCM", "AES-256-CBC")).build();
            case "server-tap-bridge" -> server().devType("tap").build();
            default -> throw new IllegalArgumentException("no settings for " + name);
        };
    }

    static Stream<String> capturedConfigurations() {
        return CAPTURED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedConfigurations")
    void localAndExpectedRemoteStringsMatchOpenVpn(String name) {
        OptionsString s = settingsOf(name);
        assertEquals(CAPTURED.get(name).get("local").get(0), s.local(), "local");
        assertEquals(CAPTURED.get(name).get("remote").get(0), s.expectedRemote(), "expected remote");
    }

    @Test
    void tcpServerAnnouncesItselfAsServerAndExpectsAClient() {
        OptionsString s = server().proto(OccProto.TCP_SERVER).build();
        String captured = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, new ControlRejectCounters())
                .decode(CapturedControl.message(CapturedControl.NO_SHARED_CIPHER, 2).buffer(), false).value().options();
        assertEquals(captured, s.local());
        assertEquals("V4,dev-type tun,link-mtu 1543,tun-mtu 1500,proto TCPv4_CLIENT,auth SHA1,keysize 128,key-method 2,tls-client",
                s.expectedRemote());
    }

    @Test
    void cipherNoneAnnouncesNoCipherAndKeysizeZero() {
        assertEquals("V4,dev-type tun,link-mtu 1525,tun-mtu 1500,proto UDPv4,auth SHA1,keysize 0,key-method 2,tls-client",
                client().cipher("none", null).build().local());
    }

    @Test
    void noReplayDropsThePacketIdAndSaysSo() {
        assertEquals("V4,dev-type tun,link-mtu 1537,tun-mtu 1500,proto UDPv4,auth SHA1,keysize 128,no-replay,key-method 2,tls-client",
                client().replay(false).build().local());
    }

    @Test
    void occBlockSizeOfStreamAndAeadModesIsTheirCbcSiblings() {
        assertEquals(16, OptionsString.occBlockSize(AES_256_GCM));
        assertEquals(1, OptionsString.occBlockSize(CHACHA));
        assertEquals(16, OptionsString.occBlockSize(new CipherSpec("AES-128-CFB8", CipherMode.CFB, 16, 16, 1, 0)));
        assertEquals(8, OptionsString.occBlockSize(new CipherSpec("BF-CFB", CipherMode.CFB, 16, 8, 1, 0)));
    }
}
