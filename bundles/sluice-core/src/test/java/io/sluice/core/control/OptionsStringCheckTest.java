package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A peer's options string is compared, and differences worded, as OpenVPN 2.6.14 does. */
class OptionsStringCheckTest {

    private static final String CLIENT = "V4,dev-type tun,link-mtu 1541,tun-mtu 1500,proto UDPv4,auth SHA1,keysize 128,key-method 2,tls-client";

    @Test
    void reproducesTheWarningsOpenVpnLoggedForACapturedMismatch() {
        Map<String, List<String>> captured = CapturedControl.blocks("openvpn-2.6.14-options-warnings.txt").get("");
        OptionsStringCheck.Result r = OptionsStringCheck.compare(captured.get("actual").get(0), captured.get("expected").get(0));
        assertFalse(r.equal());
        assertEquals(captured.get("warning"), r.messages());
    }

    @Test
    void identicalStringsAreEqualWithoutMessages() {
        assertEquals(new OptionsStringCheck.Result(true, List.of()), OptionsStringCheck.compare(CLIENT, CLIENT));
    }

    @Test
    void differencesIn26sIgnoredOptionsMakeTheStringsUnequalButAreNotReported() {
        String other = CLIENT.replace("proto UDPv4", "proto TCPv4_CLIENT").replace(",key-method 2", ",cipher AES-256-CBC,key-method 2");
        OptionsStringCheck.Result r = OptionsStringCheck.compare(other, CLIENT);
        assertFalse(r.equal());
        assertEquals(List.of(), r.messages());
    }

    @Test
    void differentVersionPrefixCountsAsEqualWithANoteAndTheDifferences() {
        OptionsStringCheck.Result r = OptionsStringCheck.compare("V3,dev-type tun", "V4,dev-type tun");
        assertTrue(r.equal());
        assertEquals(List.of(OptionsStringCheck.VERSION_SKEW_NOTE,
                "WARNING: 'version' is used inconsistently, local='version V4', remote='version V3'"), r.messages());
    }

    @Test
    void missingItemsAreReportedFromBothSides() {
        OptionsStringCheck.Result r = OptionsStringCheck.compare("V4,dev-type tun,comp-lzo", "V4,dev-type tun,tun-mtu 1500");
        assertEquals(List.of("WARNING: 'tun-mtu' is present in local config but missing in remote config, local='tun-mtu 1500'",
                "WARNING: 'comp-lzo' is present in remote config but missing in local config, remote='comp-lzo'"), r.messages());
    }

    @Test
    void extractsAnOptionsValueAndReadsNullCipherAsNone() {
        assertEquals(Optional.of("1541"), OptionsStringCheck.extract(CLIENT, "link-mtu"));
        assertEquals(Optional.of("SHA1"), OptionsStringCheck.extract(CLIENT, "auth"));
        assertEquals(Optional.empty(), OptionsStringCheck.extract(CLIENT, "cipher"));
        assertEquals(Optional.of("none"), OptionsStringCheck.remoteCipher("V4,cipher [null-cipher],auth SHA1"));
        assertEquals(Optional.of("AES-256-CBC"), OptionsStringCheck.remoteCipher("V4,cipher AES-256-CBC,auth SHA1"));
        assertTrue(OptionsStringCheck.remoteUsesCompression("V4,proto UDPv4,comp-lzo,auth SHA1"));
        assertFalse(OptionsStringCheck.remoteUsesCompression(CLIENT));
    }
}
