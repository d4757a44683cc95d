package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.dns.NameServer;
import io.sluice.api.dns.ResolverSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The text of resolv.conf while a tunnel is up, as glibc reads it. */
class ResolvConfTextTest {

    private static final String MARK = ResolvConfText.marker(4242, "tun0", "/etc/resolv.conf.sluice-4242");

    static NameServer ns(String literal) {
        try {
            return NameServer.of(InetAddress.getByName(literal));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String render(String before, ResolverSettings s) throws IOException {
        return new String(ResolvConfText.render(before.getBytes(StandardCharsets.ISO_8859_1), s, MARK).content(),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void allNamesTheTunnelsServersFirstTheHostsDroppedOtherLinesKept() throws IOException {
        String before = "# written by the installer\n"
                + "nameserver 192.0.2.53\n"
                + "nameserver 2001:db8::53\n"
                + "search lan home.arpa\n"
                + "options edns0 trust-ad\n";
        ResolverSettings s = ResolverSettings.of("tun0", List.of(ns("10.8.0.1"), ns("fd00:0:0:0::1")),
                List.of("corp.example", "LAN"), List.of());
        assertEquals(MARK + "\n"
                + "nameserver 10.8.0.1\n"
                + "nameserver fd00::1\n"
                + "search corp.example LAN home.arpa\n"
                + "# written by the installer\n"
                + "options edns0 trust-ad\n", render(before, s));
    }

    @Test
    void splitKeepsTheHostsServersAfterTheTunnelsAndSaysSo() throws IOException {
        ResolverSettings s = ResolverSettings.of("tun0", List.of(ns("10.8.0.1")), List.of(), List.of("corp.example"));
        ResolvConfText.Rendered r = ResolvConfText.render("nameserver 192.0.2.53\ndomain lan\n".getBytes(
                StandardCharsets.ISO_8859_1), s, MARK);
        assertEquals(MARK + "\nnameserver 10.8.0.1\nnameserver 192.0.2.53\ndomain lan\n",
                new String(r.content(), StandardCharsets.ISO_8859_1), "no search domains of its own: the host's stay");
        assertEquals(List.of("no split DNS in resolv.conf: every name goes to the tunnel's servers first, the host's"
                + " servers after them"), r.notes());
        assertEquals(List.of(), r.search());
    }

    @Test
    void atMostThreeServersOnlyPort53() throws IOException {
        ResolverSettings s = ResolverSettings.of("tun0", List.of(new NameServer(InetAddress.getByName("10.8.0.9"), 5353),
                ns("10.8.0.1"), ns("10.8.0.2"), ns("10.8.0.3"), ns("10.8.0.4")), List.of(), List.of());
        ResolvConfText.Rendered r = ResolvConfText.render(new byte[0], s, MARK);
        assertEquals(MARK + "\nnameserver 10.8.0.1\nnameserver 10.8.0.2\nnameserver 10.8.0.3\n",
                new String(r.content(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of("not used: 10.8.0.9:5353 (resolv.conf cannot name a port)",
                "not used: 10.8.0.4 (resolv.conf holds 3 servers)"), r.notes());
        ResolverSettings none = ResolverSettings.of("tun0", List.of(new NameServer(InetAddress.getByName("10.8.0.9"), 853)),
                List.of(), List.of());
        IOException e = assertThrows(IOException.class, () -> ResolvConfText.render(new byte[0], none, MARK));
        assertTrue(e.getMessage().contains("port 53"), e.getMessage());
    }

    @Test
    void lastSearchOrDomainLineIsTheHostsListAndAllOfThemGo() throws IOException {
        String before = "search a.example b.example\ndomain c.example # comment\nsearch d.example e.example. ; x\n"
                + "searchx not.a.keyword\n nameserver 192.0.2.1\n";
        assertEquals(List.of("d.example", "e.example."), ResolvConfText.hostSearchList(ResolvConfText.lines(
                before.getBytes(StandardCharsets.ISO_8859_1))));
        ResolverSettings s = ResolverSettings.of("tun0", List.of(ns("10.8.0.1")), List.of("E.example"), List.of());
        assertEquals(MARK + "\nnameserver 10.8.0.1\nsearch E.example d.example\nsearchx not.a.keyword\n"
                + " nameserver 192.0.2.1\n", render(before, s), "a line starting with a blank is no nameserver line");
    }

    @Test
    void keptLinesComeOutByteForByteAndALastLineGetsItsNewline() throws IOException {
        byte[] before = {'#', ' ', (byte) 0xe9, (byte) 0xff, '\r', '\n', 'o', 'p', 't', 'i', 'o', 'n', 's', ' ', 'x'};
        ResolverSettings s = ResolverSettings.of("tun0", List.of(ns("10.8.0.1")), List.of(), List.of());
        byte[] out = ResolvConfText.render(before, s, MARK).content();
        byte[] head = (MARK + "\nnameserver 10.8.0.1\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] expected = new byte[head.length + before.length + 1];
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(before, 0, expected, head.length, before.length);
        expected[expected.length - 1] = '\n';
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), new String(out, StandardCharsets.ISO_8859_1));
    }

    @Test
    void markerNamesProcessDeviceAndBackupAndIsReadBack() {
        byte[] file = (MARK + "\nnameserver 10.8.0.1\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.of(new ResolvConfText.Marker(4242, "tun0", "/etc/resolv.conf.sluice-4242")),
                ResolvConfText.marker(file));
        assertEquals(Optional.empty(), ResolvConfText.marker("nameserver 1.2.3.4\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), ResolvConfText.marker(("nameserver 1.2.3.4\n" + MARK + "\n")
                .getBytes(StandardCharsets.ISO_8859_1)), "only the first line counts");
        assertEquals("# Generated by Sluice process 4242 for tun0 while the tunnel is up; the previous file is"
                + " /etc/resolv.conf.sluice-4242, which comes back when the tunnel closes.", MARK);
    }
}
