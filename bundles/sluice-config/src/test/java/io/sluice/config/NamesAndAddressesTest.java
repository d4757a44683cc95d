package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.internal.Addresses;
import io.sluice.config.internal.CryptoNames;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The name tables and address parsing the option checks rely on; none of it touches the network. */
class NamesAndAddressesTest {

    @Test
    void ciphersAreCanonicalisedCaseInsensitively() {
        assertEquals(Optional.of("AES-256-GCM"), CryptoNames.cipher("aes-256-gcm"));
        assertEquals(Optional.of("CHACHA20-POLY1305"), CryptoNames.cipher("ChaCha20-Poly1305"));
        assertEquals(Optional.of("none"), CryptoNames.cipher("NONE"));
        assertEquals(Optional.of("AES-256-CBC"), CryptoNames.cipher("AES256"));
        assertEquals(Optional.of("DES-EDE3-CBC"), CryptoNames.cipher("des-ede3-cbc"));
        assertEquals(Optional.empty(), CryptoNames.cipher("AES-999-GCM"));
        assertTrue(CryptoNames.isAead("AES-128-GCM"));
        assertFalse(CryptoNames.isAead("AES-128-CBC"));
    }

    @Test
    void digestsIncludeOpenSslAliases() {
        assertEquals(Optional.of("SHA256"), CryptoNames.digest("sha2-256"));
        assertEquals(Optional.of("SHA512"), CryptoNames.digest("SHA512"));
        assertEquals(Optional.of("none"), CryptoNames.digest("none"));
        assertEquals(Optional.empty(), CryptoNames.digest("SHA-3000"));
    }

    @Test
    void ipv4ParsingIsStrictDottedQuad() {
        assertEquals(0x0a080001L, Addresses.parseIpv4("10.8.0.1").getAsLong());
        assertFalse(Addresses.isIpv4("10.8.0"));
        assertFalse(Addresses.isIpv4("10.8.0.256"));
        assertFalse(Addresses.isIpv4("10.8.0.x"));
        assertFalse(Addresses.isIpv4("1.2.3.4.5"));
        assertEquals("255.255.255.0", Addresses.formatIpv4(Addresses.maskOf(24)));
        assertEquals(OptionalInt.of(24), Addresses.netmaskBits(0xffffff00L));
        assertEquals(OptionalInt.empty(), Addresses.netmaskBits(0xff00ff00L));
    }

    @Test
    void ipv6ParsingAndFormattingFollowRfc5952() {
        byte[] a = Addresses.parseIpv6("2001:DB8:0:0:0:0:0:1");
        assertEquals("2001:db8::1", Addresses.formatIpv6(a));
        assertEquals("::", Addresses.formatIpv6(Addresses.parseIpv6("::")));
        assertEquals("::ffff:c000:201", Addresses.formatIpv6(Addresses.parseIpv6("::ffff:192.0.2.1")));
        assertEquals("2001:db8::1000", Addresses.formatIpv6(Addresses.addIpv6(Addresses.parseIpv6("2001:db8::"), 0x1000)));
        assertEquals("2001:db8:0:1::", Addresses.formatIpv6(Addresses.addIpv6(
                Addresses.parseIpv6("2001:db8::ffff:ffff:ffff:ffff"), 1)), "addition carries across groups");
        assertNull(Addresses.parseIpv6("1::2::3"));
        assertNull(Addresses.parseIpv6("12345::"));
        assertNull(Addresses.parseIpv6Net("2001:db8::/129"));
        assertEquals(64, Addresses.parseIpv6Net("2001:db8::/64").bits());
    }

    @Test
    void hostNamesRejectSpacesAndSlashes() {
        assertTrue(Addresses.isHost("vpn-1.example.net"));
        assertTrue(Addresses.isHost("2001:db8::1"));
        assertFalse(Addresses.isHost("a b"));
        assertFalse(Addresses.isHost("a/b"));
        assertFalse(Addresses.isHost(""));
    }
}
