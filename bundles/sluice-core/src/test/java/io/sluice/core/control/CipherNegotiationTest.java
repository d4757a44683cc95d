package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cipher negotiation picks and refuses as OpenVPN 2.6 does, in its words. */
class CipherNegotiationTest {

    private static final List<String> DEFAULT = List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305");
    private static final PeerInfo OPENVPN_26 = PeerInfo.parse(
            "IV_VER=2.6.14\nIV_NCP=2\nIV_CIPHERS=AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305\nIV_PROTO=990\n");
    private static final PeerInfo OPENVPN_24 = PeerInfo.parse("IV_VER=2.4.12\nIV_PROTO=2\nIV_NCP=2\n");
    private static final PeerInfo OPENVPN_23 = PeerInfo.parse("IV_VER=2.3.18\nIV_PLAT=linux\n");

    @Test
    void firstServerCipherTheClientListsIsPushed() {
        CipherNegotiation.ServerChoice c = CipherNegotiation.selectForClient(List.of("CHACHA20-POLY1305", "AES-256-GCM"),
                Optional.empty(), OPENVPN_26, Optional.empty());
        assertEquals(Optional.of("CHACHA20-POLY1305"), c.cipher());
        assertTrue(c.push());
    }

    @Test
    void capturedNoSharedCipherFailsWithOpenVpnsReasonAndLogLine() {
        PeerInfo client = PeerInfo.parse(new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, new ControlRejectCounters())
                .decode(CapturedControl.message(CapturedControl.NO_SHARED_CIPHER, 1).buffer(), true).value()
                .peerInfo().orElseThrow());
        CipherNegotiation.ServerChoice c = CipherNegotiation.selectForClient(List.of("AES-128-GCM"), Optional.empty(),
                client, Optional.empty());
        assertTrue(c.failed());
        assertEquals(List.of("PUSH: No common cipher between server and client. Server data-ciphers: 'AES-128-GCM', "
                + "client supported ciphers 'CHACHA20-POLY1305'"), c.log());
        String sent = CapturedControl.message(CapturedControl.NO_SHARED_CIPHER, 3).text();
        assertEquals(sent, ControlText.AuthFailed.because(c.failureReason()).text());
    }

    @Test
    void clientListingCiphersIsNotAssumedToAcceptItsOptionsStringCipher() {
        PeerInfo p = PeerInfo.parse("IV_CIPHERS=AES-256-GCM\n");
        CipherNegotiation.ServerChoice c = CipherNegotiation.selectForClient(List.of("AES-256-CBC"),
                Optional.of("AES-256-CBC"), p, Optional.of("AES-256-CBC"));
        assertTrue(c.failed(), "no fallback either: the client told what it accepts");
    }

    @Test
    void openVpn24ClientGetsAGcmCipherOrItsOwnOptionsStringCipher() {
        assertEquals(Optional.of("AES-128-GCM"), CipherNegotiation.selectForClient(List.of("AES-128-GCM", "AES-256-CBC"),
                Optional.empty(), OPENVPN_24, Optional.of("AES-256-CBC")).cipher());
        CipherNegotiation.ServerChoice cbc = CipherNegotiation.selectForClient(List.of("CHACHA20-POLY1305", "AES-256-CBC"),
                Optional.empty(), OPENVPN_24, Optional.of("AES-256-CBC"));
        assertEquals(Optional.of("AES-256-CBC"), cbc.cipher());
        assertTrue(cbc.push(), "IV_NCP=2 clients are pushed the cipher");
    }

    @Test
    void clientWithoutNcpGetsItsOwnCipherUnpushed() {
        CipherNegotiation.ServerChoice c = CipherNegotiation.selectForClient(List.of("AES-256-GCM", "BF-CBC"),
                Optional.empty(), OPENVPN_23, Optional.of("BF-CBC"));
        assertEquals(Optional.of("BF-CBC"), c.cipher());
        assertFalse(c.push());
    }

    @Test
    void clientWithoutNcpWhoseCipherTheServerLacksFailsEvenWithAFallback() {
        CipherNegotiation.ServerChoice c = CipherNegotiation.selectForClient(DEFAULT, Optional.of("AES-256-CBC"),
                OPENVPN_23, Optional.of("BF-CBC"));
        assertTrue(c.failed());
        assertEquals(List.of("PUSH: No common cipher between server and client. Server data-ciphers: "
                + "'AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305', client supports cipher 'BF-CBC'"), c.log());
    }

    @Test
    void clientSayingNothingAboutCiphersGetsTheFallback() {
        CipherNegotiation.ServerChoice c = CipherNegotiation.selectForClient(DEFAULT, Optional.of("AES-256-CBC"),
                PeerInfo.NONE, Optional.empty());
        assertEquals(Optional.of("AES-256-CBC"), c.cipher());
        assertFalse(c.push());
        assertEquals(List.of("PUSH: No NCP or OCC cipher data received from peer.",
                "Using data channel cipher 'AES-256-CBC' since --data-ciphers-fallback is set."), c.log());
    }

    @Test
    void clientSayingNothingWithoutAFallbackFails() {
        CipherNegotiation.ServerChoice c = CipherNegotiation.selectForClient(DEFAULT, Optional.empty(), PeerInfo.NONE,
                Optional.empty());
        assertTrue(c.failed());
        assertEquals("Data channel cipher negotiation failed (no shared cipher)", c.failureReason());
        assertEquals(2, c.log().size());
    }

    @Test
    void clientAcceptsAPushedCipherFromItsListOrItsFallback() {
        assertEquals(Optional.of("AES-128-GCM"), CipherNegotiation.checkOnClient(Optional.of("AES-128-GCM"), DEFAULT,
                Optional.empty(), Optional.empty()).cipher());
        assertEquals(Optional.of("AES-256-CBC"), CipherNegotiation.checkOnClient(Optional.of("AES-256-CBC"), DEFAULT,
                Optional.of("AES-256-CBC"), Optional.empty()).cipher());
        CipherNegotiation.ClientChoice refused = CipherNegotiation.checkOnClient(Optional.of("BF-CBC"), DEFAULT,
                Optional.empty(), Optional.empty());
        assertTrue(refused.failed());
        assertEquals(Optional.of("Error: negotiated cipher not allowed - BF-CBC not in "
                + "AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305"), refused.error());
    }

    @Test
    void withoutAPushedCipherTheClientUsesTheServersCipherOrItsFallback() {
        assertEquals(Optional.of("AES-256-GCM"), CipherNegotiation.checkOnClient(Optional.empty(), DEFAULT,
                Optional.empty(), Optional.of("AES-256-GCM")).cipher());
        assertEquals(Optional.of("BF-CBC"), CipherNegotiation.checkOnClient(Optional.empty(), DEFAULT,
                Optional.of("BF-CBC"), Optional.empty()).cipher());
        assertEquals(Optional.of("OPTIONS ERROR: failed to negotiate cipher with server.  Add the server's cipher "
                + "('AES-256-CBC') to --data-ciphers (currently 'AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305') if you "
                + "want to connect to this server."), CipherNegotiation.checkOnClient(Optional.empty(), DEFAULT,
                Optional.of("BF-CBC"), Optional.of("AES-256-CBC")).error());
        assertEquals(Optional.of("OPTIONS ERROR: failed to negotiate cipher with server. Configure "
                + "--data-ciphers-fallback if you want to connect to this server."), CipherNegotiation.checkOnClient(
                Optional.empty(), DEFAULT, Optional.empty(), Optional.empty()).error());
    }

    @Test
    void onlyCiphersAnInstalledProviderOffersNowAreNegotiatedAndNoneNeedsNoProvider() {
        io.sluice.core.engine.CryptoProviders jdkOnly = io.sluice.core.testing.TestCrypto.providers();
        assertEquals(List.of("AES-256-GCM", "none"),
                CipherNegotiation.offeredNow(List.of("BF-CBC", "AES-256-GCM", "none"), jdkOnly));
    }
}
