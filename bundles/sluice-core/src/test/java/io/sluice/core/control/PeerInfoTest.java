package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Peer info read as OpenVPN 2.6 reads it: typed values for decisions, a sanitised map for scripts. */
class PeerInfoTest {

    private static PeerInfo captured(String file) {
        KeyMethod2Codec codec = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, new ControlRejectCounters());
        CapturedControl.Message m = CapturedControl.message(file, 1);
        return PeerInfo.parse(codec.decode(m.buffer(), true).value().peerInfo().orElseThrow());
    }

    @Test
    void defaultOpenVpn26ClientAnnouncesItsVersionCiphersAndProtocolFlags() {
        PeerInfo p = captured(CapturedControl.BASIC);
        assertEquals(Optional.of("2.6.14"), p.version());
        assertEquals(Optional.of("linux"), p.platform());
        assertTrue(p.tcpNonLinear());
        assertEquals(OptionalInt.of(1600), p.mtu());
        assertEquals(2, p.ncpVersion());
        assertEquals(Optional.of(List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305")), p.ciphers());
        assertEquals(990, p.ivProto());
        assertEquals(EnumSet.of(IvProto.DATA_V2, IvProto.REQUEST_PUSH, IvProto.TLS_KEY_EXPORT, IvProto.AUTH_PENDING_KW,
                IvProto.DNS_OPTION, IvProto.CC_EXIT_NOTIFY, IvProto.AUTH_FAIL_TEMP, IvProto.DYN_TLS_CRYPT), p.ivProtoFlags());
        assertFalse(p.has(IvProto.NCP_P2P));
        assertTrue(p.supportsNcp());
        assertEquals(Optional.of("1"), p.value("IV_COMP_STUBv2"));
        assertEquals(0, p.invalidLines());
        assertEquals(10, p.environment().size());
    }

    @Test
    void pushPeerInfoClientAddsLibraryPlatformVersionAndEnvironmentVariables() {
        PeerInfo p = captured(CapturedControl.CONTINUATION);
        assertEquals(Optional.of("OpenSSL 3.0.19 27 Jan 2026"), p.sslLibrary());
        assertTrue(p.platformVersion().isPresent());
        assertEquals(Optional.of("sluice-capture 1.0"), p.guiVersion(), "decisions see the value unchanged");
        assertEquals("sluice-capture_1.0", p.environment().get("IV_GUI_VER"), "scripts see blanks replaced");
        assertEquals("OpenSSL_3.0.19_27_Jan_2026", p.environment().get("IV_SSL"));
        assertEquals(List.of("openurl", "crtext"), p.ssoMethods());
        assertEquals(Map.of("UV_ROLE", "lab"), p.userVariables());
        assertEquals(Optional.empty(), p.hardwareAddress());
    }

    @Test
    void peerToPeerPeerSendsOnlyCiphersAndProtocolWithNcpP2p() {
        KeyMethod2Codec codec = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, new ControlRejectCounters());
        CapturedControl.Message m = CapturedControl.message(CapturedControl.P2P, 1);
        PeerInfo p = PeerInfo.parse(codec.decode(m.buffer(), true).value().peerInfo().orElseThrow());
        assertEquals(746, p.ivProto());
        assertTrue(p.has(IvProto.NCP_P2P));
        assertFalse(p.has(IvProto.REQUEST_PUSH));
        assertEquals(0, p.ncpVersion());
        assertEquals(Optional.empty(), p.version());
        assertTrue(p.supportsNcp(), "IV_CIPHERS alone means NCP");
    }

    @Test
    void openVpn24ClientWithIvNcp2AcceptsTheTwoGcmCiphers() {
        PeerInfo p = PeerInfo.parse("IV_VER=2.4.12\nIV_PLAT=win\nIV_PROTO=2\nIV_NCP=2\nIV_LZ4=1\n");
        assertTrue(p.supportsNcp());
        assertEquals(List.of("AES-256-GCM", "AES-128-GCM"), p.ncpCiphers());
        assertEquals(Optional.empty(), p.ciphers());
    }

    @Test
    void clientWithoutNcpAcceptsNothingByNcp() {
        PeerInfo p = PeerInfo.parse("IV_VER=2.3.18\nIV_PLAT=linux\n");
        assertFalse(p.supportsNcp());
        assertEquals(List.of(), p.ncpCiphers());
        assertEquals(0, p.ivProto());
        assertFalse(PeerInfo.NONE.supportsNcp());
        assertTrue(PeerInfo.NONE.isEmpty());
    }

    @Test
    void numbersAreReadAsCScanfReadsThem() {
        assertEquals(990, PeerInfo.parse("IV_PROTO=990abc\n").ivProto());
        assertEquals(6, PeerInfo.parse("IV_PROTO= +6\n").ivProto());
        assertEquals(0, PeerInfo.parse("IV_PROTO=-6\n").ivProto(), "extract_iv_proto keeps only positive values");
        assertEquals(0, PeerInfo.parse("IV_PROTO=x\n").ivProto());
        assertEquals(0, PeerInfo.parse("IV_PROTO=99999999999\n").ivProto());
        assertEquals(OptionalInt.empty(), PeerInfo.parse("IV_MTU=\n").mtu());
        assertEquals(OptionalInt.of(-1), PeerInfo.parse("IV_MTU=-1\n").mtu());
    }

    @Test
    void firstLineOfANameDecidesAndTheLastReachesScripts() {
        PeerInfo p = PeerInfo.parse("IV_NCP=2\nIV_NCP=1\n");
        assertEquals(2, p.ncpVersion());
        assertEquals("1", p.environment().get("IV_NCP"));
    }

    @Test
    void nameCountsOnlyAtTheStartOfALine() {
        PeerInfo p = PeerInfo.parse("UV_X=IV_NCP=2\n");
        assertEquals(0, p.ncpVersion());
        assertEquals("IV_NCP=2", p.userVariables().get("UV_X"));
    }

    @Test
    void scriptEnvironmentGetsShellCharactersControlCharactersAndNonAsciiReplaced() {
        PeerInfo p = PeerInfo.parse("UV_A=$(rm -rf `x`)\nUV_B=a\tb\u007f\nUV_C=caf\u00e9\r\n");
        assertEquals("__rm_-rf__x_)", p.environment().get("UV_A"));
        assertEquals("a_b_", p.environment().get("UV_B"));
        assertEquals("caf__", p.environment().get("UV_C"), "each UTF-8 byte is replaced, and the CR is chomped");
    }

    @Test
    void linesThatAreNotIvOrUvOrNotNameValueAreCountedAndLeftOut() {
        PeerInfo p = PeerInfo.parse("IV_VER=2.6.14\nFOO=bar\n=x\nIV-BAD=1\nIV_NOVALUE\n\nUV_OK=1\n");
        assertEquals(5, p.invalidLines());
        assertEquals(Map.of("IV_VER", "2.6.14", "UV_OK", "1"), p.environment());
    }

    @Test
    void scriptEnvironmentCutsLinesAt255Characters() {
        PeerInfo p = PeerInfo.parse("UV_LONG=" + "x".repeat(300) + "\n");
        assertEquals(255 - "UV_LONG=".length(), p.environment().get("UV_LONG").length());
        assertEquals(300, p.value("UV_LONG").orElseThrow().length());
    }

    @Test
    void ivProtoFlagsHaveOpenVpnsBitValues() {
        assertEquals(990, IvProto.toBits(PeerInfoBuilder.OPENVPN_26_PULL_CLIENT));
        assertEquals(746, IvProto.toBits(EnumSet.of(IvProto.DATA_V2, IvProto.TLS_KEY_EXPORT, IvProto.NCP_P2P,
                IvProto.DNS_OPTION, IvProto.CC_EXIT_NOTIFY, IvProto.DYN_TLS_CRYPT)));
        assertEquals(EnumSet.of(IvProto.DATA_V2), IvProto.fromBits(2 | 1 | 1 << 20));
    }
}
