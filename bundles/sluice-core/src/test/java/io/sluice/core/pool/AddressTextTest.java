package io.sluice.core.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTextTest {

    private record Case(byte[] address, String text) {
    }

    private static List<Case> glibcCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = AddressTextTest.class.getResourceAsStream("glibc-inet_ntop-ipv6.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                cases.add(new Case(HexFormat.of().parseHex(f[0]), f[1]));
            }
        }
        return cases;
    }

    @Test
    void printsIpv6AsGlibcInetNtopDoes() throws IOException {
        List<Case> cases = glibcCases();
        assertEquals(193, cases.size());
        for (Case c : cases) {
            assertEquals(c.text(), AddressText.formatIpv6(c.address()), HexFormat.of().formatHex(c.address()));
        }
    }

    @Test
    void readsBackEveryFormGlibcPrints() throws IOException {
        for (Case c : glibcCases()) {
            assertArrayEquals(c.address(), AddressText.parseIpv6(c.text()), c.text());
        }
    }

    @Test
    void readsUncompressedAndUppercaseIpv6() {
        byte[] expected = HexFormat.of().parseHex("20010db8000000000000000000001000");
        assertArrayEquals(expected, AddressText.parseIpv6("2001:0DB8:0:0:0:0:0:1000"));
        assertArrayEquals(expected, AddressText.parseIpv6("2001:db8:0::0:1000"));
        assertArrayEquals(HexFormat.of().parseHex("00010002000300040005000600070000"),
                AddressText.parseIpv6("1:2:3:4:5:6:7::"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::",
        "::1.2.3", "::1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4", " ::1", "::1 ", "::1%eth0", "2001:db8::/64", "[::1]",
        "1:", ":1", "1.2.3.4", "::01.2.3.4", "example.com"})
    void refusesWhatIsNotAnIpv6Address(String text) {
        assertNull(AddressText.parseIpv6(text));
    }

    @Test
    void readsDottedQuads() {
        assertEquals(0x0a080002L, AddressText.parseIpv4("10.8.0.2"));
        assertEquals(0L, AddressText.parseIpv4("0.0.0.0"));
        assertEquals(0xffffffffL, AddressText.parseIpv4("255.255.255.255"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.8.0", "10.8.0.2.", "10.8.0.256", "010.8.0.2", "10.08.0.2", "10.8.0.2 ", " 10.8.0.2",
        "10.8.0.-1", "10..0.2", "0x0a.8.0.2", "167772162", "10.8.2", "localhost", "1000.8.0.2"})
    void refusesWhatIsNotADottedQuad(String text) {
        assertEquals(-1L, AddressText.parseIpv4(text));
    }

    @Test
    void printsDottedQuads() {
        assertEquals("198.18.0.254", AddressText.formatIpv4(0xc61200fe));
        assertEquals("255.255.255.255", AddressText.formatIpv4(-1));
    }
}
