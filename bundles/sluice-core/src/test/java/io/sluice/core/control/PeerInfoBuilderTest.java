package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The peer info a Sluice client sends follows OpenVPN 2.6's layout exactly. */
class PeerInfoBuilderTest {

    private static String capturedPeerInfo(String file) {
        KeyMethod2Codec codec = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, new ControlRejectCounters());
        CapturedControl.Message m = CapturedControl.message(file, 1);
        return codec.decode(m.buffer(), true).value().peerInfo().orElseThrow();
    }

    @Test
    void reproducesADefaultOpenVpn26ClientGivenItsSettings() {
        String built = new PeerInfoBuilder().version("2.6.14").flags(PeerInfoBuilder.OPENVPN_26_PULL_CLIENT)
                .compressionStubs(true).build();
        assertEquals(capturedPeerInfo(CapturedControl.BASIC), built);
    }

    @Test
    void reproducesAPushPeerInfoClientWithItsExtraLines() {
        String captured = capturedPeerInfo(CapturedControl.CONTINUATION);
        PeerInfo p = PeerInfo.parse(captured);
        String built = new PeerInfoBuilder().version("2.6.14").flags(PeerInfoBuilder.OPENVPN_26_PULL_CLIENT)
                .compressionStubs(true)
                .extra("IV_SSL", p.sslLibrary().orElseThrow())
                .extra("IV_PLAT_VER", p.platformVersion().orElseThrow())
                .extra("UV_ROLE", "lab")
                .extra("IV_GUI_VER", "sluice-capture 1.0")
                .extra("IV_SSO", "openurl,crtext")
                .build();
        assertEquals(captured, built);
    }

    @Test
    void sluiceClientReportsTheOpenVpnReleaseItImplementsAndItself() {
        String built = PeerInfoBuilder.sluice("0.1.0").flags(EnumSet.of(IvProto.REQUEST_PUSH, IvProto.TLS_KEY_EXPORT))
                .dataCiphers(List.of("AES-256-GCM", "AES-128-GCM")).tunMaxMtu(1500).build();
        assertEquals("IV_VER=2.6.14_sluice-0.1.0\nIV_PLAT=linux\nIV_TCPNL=1\nIV_MTU=1500\nIV_NCP=2\n"
                + "IV_CIPHERS=AES-256-GCM:AES-128-GCM\nIV_PROTO=14\n", built);
        PeerInfo p = PeerInfo.parse(built);
        assertEquals(Set.of(IvProto.DATA_V2, IvProto.REQUEST_PUSH, IvProto.TLS_KEY_EXPORT), p.ivProtoFlags());
    }

    @Test
    void ivNcp2IsLeftOutUnlessBothGcmCiphersAreAccepted() {
        String built = PeerInfoBuilder.sluice("0.1.0").dataCiphers(List.of("CHACHA20-POLY1305", "AES-256-GCM")).build();
        assertEquals("IV_VER=2.6.14_sluice-0.1.0\nIV_PLAT=linux\nIV_TCPNL=1\nIV_MTU=1600\n"
                + "IV_CIPHERS=CHACHA20-POLY1305:AES-256-GCM\nIV_PROTO=2\n", built);
    }

    @Test
    void dataV2IsAlwaysAnnouncedBecauseOldServersReadIvProtoAsANumber() {
        String built = PeerInfoBuilder.sluice("1").flags(Set.of()).build();
        assertEquals(2, PeerInfo.parse(built).ivProto());
    }

    @Test
    void refusesNamesAndValuesAServerWouldNotAccept() {
        PeerInfoBuilder b = PeerInfoBuilder.sluice("1");
        assertThrows(IllegalArgumentException.class, () -> b.extra("XV_A", "1"));
        assertThrows(IllegalArgumentException.class, () -> b.extra("UV_A", "line\nbreak"));
        assertThrows(IllegalArgumentException.class, () -> b.dataCiphers(List.of("AES:GCM")));
        assertThrows(IllegalStateException.class, () -> new PeerInfoBuilder().build());
    }
}
