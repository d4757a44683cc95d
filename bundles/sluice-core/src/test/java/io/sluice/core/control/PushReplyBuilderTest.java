package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The server's PUSH_REPLY is built, ordered and split as OpenVPN 2.6.14 sent it. */
class PushReplyBuilderTest {

    private static final List<String> DEFAULT_CIPHERS = List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305");

    private static PeerInfo clientOf(String file) {
        KeyMethod2Codec codec = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, new ControlRejectCounters());
        return PeerInfo.parse(codec.decode(CapturedControl.message(file, 1).buffer(), true).value().peerInfo().orElseThrow());
    }

    private static ClientPushOptions.Builder perClient(PeerInfo client) {
        CipherNegotiation.ServerChoice cipher = CipherNegotiation.selectForClient(DEFAULT_CIPHERS, Optional.empty(),
                client, Optional.empty());
        return ClientPushOptions.forClient(client).peerId(0).cipher(cipher).tunMtu(1500);
    }

    @Test
    void reproducesTheCapturedReplyOfASubnetServerWithKeepalive() {
        PeerInfo client = clientOf(CapturedControl.BASIC);
        List<String> common = List.of("route 198.18.100.0 255.255.255.0", "dhcp-option DNS 198.18.100.53",
                "route-gateway 198.18.77.1", "topology subnet", "ping 10", "ping-restart 60");
        ClientPushOptions own = perClient(client).ifconfig("198.18.77.2", "255.255.255.0").build();
        List<ControlText.PushReply> replies = PushReplyBuilder.build(common, own.options());
        assertEquals(1, replies.size());
        assertArrayEquals(CapturedControl.message(CapturedControl.BASIC, 3).bytes(), replies.get(0).encode());
        assertEquals(Set.of(IvProto.DATA_V2, IvProto.TLS_KEY_EXPORT, IvProto.CC_EXIT_NOTIFY, IvProto.DYN_TLS_CRYPT),
                own.used());
    }

    @Test
    void reproducesTheCapturedTwoPartReplyWithContinuations() {
        PeerInfo client = clientOf(CapturedControl.CONTINUATION);
        List<String> common = new ArrayList<>();
        for (int n = 101; n <= 145; n++) {
            common.add("route 198.18." + n + ".0 255.255.255.0");
        }
        common.addAll(List.of("route-ipv6 fd00:5c1c:100::/48", "dhcp-option DOMAIN lab.sluice.invalid", "tun-ipv6",
                "route-gateway 198.18.77.1", "topology subnet", "ping 10", "ping-restart 60"));
        ClientPushOptions own = perClient(client).ifconfig("198.18.77.2", "255.255.255.0")
                .ifconfigIpv6("fd00:5c1c:77::1000", 64, "fd00:5c1c:77::1").build();
        List<ControlText.PushReply> replies = PushReplyBuilder.build(common, own.options());
        assertEquals(2, replies.size());
        assertArrayEquals(CapturedControl.message(CapturedControl.CONTINUATION, 3).bytes(), replies.get(0).encode());
        assertArrayEquals(CapturedControl.message(CapturedControl.CONTINUATION, 4).bytes(), replies.get(1).encode());
    }

    @Test
    void reproducesTheCapturedNet30AndBridgeReplies() {
        Map<String, Map<String, List<String>>> captured = CapturedControl.blocks("openvpn-2.6.14-push-replies.txt");
        PeerInfo client = clientOf(CapturedControl.BASIC);
        List<String> net30 = PushReplyBuilder.build(List.of("route 198.18.77.1", "topology net30"),
                perClient(client).ifconfig("198.18.77.6", "198.18.77.5").build().options())
                .stream().map(ControlText::text).toList();
        assertEquals(captured.get("server-udp-tlsauth-sha256").get("reply"), net30);
        assertEquals(captured.get("server-fallback-aes256cbc").get("reply"), net30);
        List<String> bridge = PushReplyBuilder.build(List.of("route-gateway 198.18.77.1"),
                perClient(client).ifconfig("198.18.77.100", "255.255.255.0").build().options())
                .stream().map(ControlText::text).toList();
        assertEquals(captured.get("server-tap-bridge").get("reply"), bridge);
    }

    @Test
    void splitsWhenTheNextOptionWouldReachTheSafeCap() {
        // "PUSH_REPLY" (10) + ",x" * k: the next option of length l goes in while 10 + 2k + l < 940.
        String fill = "a".repeat(899);                   // PUSH_REPLY,aaa... = 910 bytes
        String fits = "b".repeat(29);                    // 910 + 29 = 939 < 940: appended
        assertEquals(1, PushReplyBuilder.build(List.of(fill, fits), List.of()).size());
        String reaches = "b".repeat(30);                 // 910 + 30 = 940: starts a new message
        List<ControlText.PushReply> split = PushReplyBuilder.build(List.of(fill, reaches), List.of());
        assertEquals(List.of(fill, "push-continuation 2"), split.get(0).options());
        assertEquals(List.of(reaches, "push-continuation 1"), split.get(1).options());
    }

    @Test
    void sendsABarePushReplyWhenThereIsNothingToPush() {
        assertEquals(List.of("PUSH_REPLY"), PushReplyBuilder.build(List.of(), List.of()).stream().map(ControlText::text).toList());
    }

    @Test
    void refusesAnOptionNoMessageCanHold() {
        assertThrows(IllegalArgumentException.class, () -> PushReplyBuilder.build(List.of("x".repeat(930)), List.of()));
        assertEquals(1, PushReplyBuilder.build(List.of("x".repeat(929)), List.of()).size());
    }

    @Test
    void clientWithoutCcExitGetsKeyDerivationAsItsOwnOption() {
        PeerInfo client = PeerInfo.parse("IV_PROTO=14\nIV_CIPHERS=AES-256-GCM\n");
        CipherNegotiation.ServerChoice cipher = CipherNegotiation.selectForClient(DEFAULT_CIPHERS, Optional.empty(),
                client, Optional.empty());
        assertEquals(List.of("ifconfig 10.8.0.2 255.255.255.0", "peer-id 7", "cipher AES-256-GCM", "key-derivation tls-ekm"),
                ClientPushOptions.forClient(client).ifconfig("10.8.0.2", "255.255.255.0").peerId(7).cipher(cipher)
                        .tunMtu(1500).build().options());
    }

    @Test
    void oldClientGetsNeitherPeerIdNorCipherNorMtu() {
        PeerInfo client = PeerInfo.parse("IV_VER=2.3.18\n");
        CipherNegotiation.ServerChoice cipher = CipherNegotiation.selectForClient(List.of("BF-CBC"), Optional.empty(),
                client, Optional.of("BF-CBC"));
        ClientPushOptions own = ClientPushOptions.forClient(client).ifconfig("10.8.0.6", "10.8.0.5").peerId(1)
                .cipher(cipher).tunMtu(1500).authToken("SESS_ID_x").build();
        assertEquals(List.of("ifconfig 10.8.0.6 10.8.0.5", "auth-token SESS_ID_x"), own.options());
        assertEquals(Set.of(), own.used());
    }

    @Test
    void flagsTheServerDoesNotImplementAreNeitherPushedNorUsed() {
        PeerInfo client = PeerInfo.parse("IV_PROTO=990\nIV_MTU=1400\n");
        ClientPushOptions own = ClientPushOptions.forClient(client).serverSupports(EnumSet.of(IvProto.CC_EXIT_NOTIFY))
                .tunMtu(1500).build();
        assertEquals(List.of("protocol-flags cc-exit", "tun-mtu 1500"), own.options());
        assertEquals(List.of("Warning: reported maximum MTU from client (1400) is lower than MTU used on the server "
                + "(1500). Add tun-max-mtu 1500 to client configuration."), own.warnings());
    }

    @Test
    void pushRemoveDropsOptionsByPrefixAndBlocksTheAddressesByName() {
        PushList list = PushList.of(List.of("route 10.1.0.0 255.255.0.0", "route-gateway 10.8.0.1", "topology subnet"))
                .remove("route").remove("ifconfig");
        assertEquals(List.of("topology subnet"), list.options());
        ClientPushOptions own = ClientPushOptions.forClient(PeerInfo.NONE).ifconfig("10.8.0.2", "255.255.255.0")
                .ifconfigIpv6("fd00::2", 64, "fd00::1").blocks(list).build();
        assertEquals(List.of("ifconfig-ipv6 fd00::2/64 fd00::1"), own.options());
        assertEquals(List.of("dhcp-option DNS 10.8.0.1"), list.reset().with("dhcp-option DNS 10.8.0.1").options());
        assertThrows(IllegalArgumentException.class, () -> PushList.of(List.of("route a,b")));
    }

    @Test
    void authTokenRenewalIsAOneOptionReply() {
        assertEquals("PUSH_REPLY,auth-token SESS_ID_abc", PushReplyBuilder.authToken("SESS_ID_abc").text());
    }
}
