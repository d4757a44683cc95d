package io.sluice.api.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Resolver settings are immutable, normalised and refuse what no resolver could be given. */
class ResolverSettingsTest {

    private static NameServer ns(String literal) throws Exception {
        return NameServer.of(InetAddress.getByName(literal));
    }

    @Test
    void serversPrintAsResolversWriteThem() throws Exception {
        assertEquals("198.18.0.53", ns("198.18.0.53").toString());
        assertEquals("fd00::53", ns("fd00:0:0:0:0:0:0:53").toString());
        assertEquals("2001:db8::1:0:0:1", ns("2001:db8:0:0:1:0:0:1").toString(), "the first longest run");
        assertEquals("2001:db8:0:1:1:1:1:1", ns("2001:db8:0:1:1:1:1:1").toString(), "one zero group stays");
        assertEquals("::1", ns("::1").toString());
        assertEquals("fd00::", ns("fd00::").toString());
        assertEquals("198.18.0.53:5353", new NameServer(InetAddress.getByName("198.18.0.53"), 5353).toString());
        assertEquals("[fd00::53]:853", new NameServer(InetAddress.getByName("fd00::53"), 853).toString());
        NameServer scoped = NameServer.of(Inet6Address.getByAddress(null, InetAddress.getByName("fe80::53").getAddress(), 7));
        assertEquals("fe80::53%7", scoped.addressText());
        assertTrue(ns("10.0.0.1").defaultPort());
    }

    @Test
    void serversMustBeUnicastWithAPort() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> ns("0.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> ns("::"));
        assertThrows(IllegalArgumentException.class, () -> ns("224.0.0.251"));
        assertThrows(IllegalArgumentException.class, () -> new NameServer(InetAddress.getByName("10.0.0.1"), 0));
        assertThrows(IllegalArgumentException.class, () -> new NameServer(InetAddress.getByName("10.0.0.1"), 65536));
    }

    @Test
    void ofFollowsOpenVpn27ResolveDomainsMeanSplit() throws Exception {
        ResolverSettings all = ResolverSettings.of("tun0", List.of(ns("10.8.0.1")), List.of("corp.example"), List.of());
        assertTrue(all.defaultRoute());
        assertEquals("1 server, 1 search domain", all.summary());
        ResolverSettings split = ResolverSettings.of("tun0", List.of(ns("10.8.0.1"), ns("fd00::1")), List.of(),
                List.of("corp.example", "lab.example"));
        assertFalse(split.defaultRoute());
        assertEquals("2 servers, 2 resolve domains, split", split.summary());
    }

    @Test
    void listsAreCopiedAndNormalised() throws Exception {
        List<NameServer> servers = new ArrayList<>(List.of(ns("10.8.0.1"), ns("10.8.0.2"), ns("10.8.0.1")));
        List<String> search = new ArrayList<>(List.of("Corp.Example.", "corp.example", "b.example"));
        ResolverSettings s = new ResolverSettings("tun0", servers, search, List.of(), true);
        servers.clear();
        search.clear();
        assertEquals(List.of(ns("10.8.0.1"), ns("10.8.0.2")), s.servers());
        assertEquals(List.of("Corp.Example", "b.example"), s.searchDomains());
        assertThrows(UnsupportedOperationException.class, () -> s.searchDomains().add("x"));
    }

    @Test
    void refusesWhatCouldEndUpAsAnotherLineOrOption() throws Exception {
        List<NameServer> one = List.of(ns("10.8.0.1"));
        for (String bad : List.of("", "-x", "tun 0", "a/b", "much-too-long-name", "tun0\n")) {
            assertThrows(IllegalArgumentException.class, () -> new ResolverSettings(bad, one, List.of(), List.of(), true),
                    bad);
        }
        for (String bad : List.of("", ".", "~.", "~corp.example", "corp example", "corp.example\nnameserver 1.2.3.4",
                "-corp.example", "a..b", "bücher.example", "x".repeat(64) + ".example")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new ResolverSettings("tun0", one, List.of(bad), List.of(), true), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new ResolverSettings("tun0", List.of(), List.of(), List.of(),
                true), "no server");
        assertThrows(IllegalArgumentException.class, () -> new ResolverSettings("tun0", one, List.of(), List.of(),
                false), "split without domains");
        assertEquals("_msdcs.corp.example", new ResolverSettings("tun0", one, List.of("_msdcs.corp.example"),
                List.of(), true).searchDomains().get(0));
    }
}
