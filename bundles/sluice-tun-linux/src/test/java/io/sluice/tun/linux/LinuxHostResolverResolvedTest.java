package io.sluice.tun.linux;

import static io.sluice.tun.linux.ResolvConfTextTest.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.dns.NameServer;
import io.sluice.api.dns.ResolverChange;
import io.sluice.api.dns.ResolverSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd-resolved method of {@link LinuxHostResolver}: when it is chosen, and the resolvectl
 * command lines it runs (through a recording runner; nothing is executed).
 */
class LinuxHostResolverResolvedTest {

    private static final ResolverSettings ALL = ResolverSettings.of("tun0", List.of(ns("10.8.0.1"), ns("fd00::1")),
            List.of("corp.example", "lab.example"), List.of());

    @TempDir
    Path dir;
    private FakeResolverHost fake;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeResolverHost(dir);
        fake.systemdResolved();
    }

    @Test
    void allNamesGoToTheTunnelWithTheDefaultRouteAndTheRootRoutingDomain() throws IOException {
        LinuxHostResolver resolver = fake.resolver();
        assertEquals("systemd-resolved via " + fake.resolvectl, resolver.plan());
        ResolverChange change = resolver.apply(ALL);
        assertEquals(List.of(
                "resolvectl dns tun0 10.8.0.1 fd00::1",
                "resolvectl default-route tun0 true",
                "resolvectl domain tun0 corp.example lab.example ~.",
                "resolvectl dnssec tun0 false",
                "resolvectl dnsovertls tun0 false"), fake.commands);
        assertEquals("systemd-resolved on tun0: 2 servers 10.8.0.1 fd00::1, domains corp.example lab.example ~., default"
                + " route", change.describe());
        assertEquals("nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n",
                Files.readString(dir.resolve("run/systemd/resolve/stub-resolv.conf")), "resolved's file is not touched");

        fake.commands.clear();
        change.revert();
        change.revert();
        assertEquals(List.of("resolvectl revert tun0"), fake.commands, "once");
        assertTrue(resolver.idle());
    }

    @Test
    void resolveDomainsMakeItSplitWithPortsAsGiven() throws Exception {
        ResolverSettings split = ResolverSettings.of("tun0", List.of(new NameServer(InetAddress.getByName("10.8.0.1"), 5353),
                new NameServer(InetAddress.getByName("fd00::1"), 5353), ns("10.8.0.2")), List.of("corp.example"),
                List.of("corp.example", "lab.example"));
        ResolverChange change = fake.resolver().apply(split);
        assertEquals(List.of(
                "resolvectl dns tun0 10.8.0.1:5353 [fd00::1]:5353 10.8.0.2",
                "resolvectl default-route tun0 false",
                "resolvectl domain tun0 corp.example ~lab.example",
                "resolvectl dnssec tun0 false",
                "resolvectl dnsovertls tun0 false"), fake.commands);
        assertTrue(change.describe().endsWith(", domains corp.example ~lab.example, split"), change.describe());
    }

    @Test
    void aFailedStepIsUndoneAndReported() {
        fake.failing = "resolvectl domain";
        IOException e = assertThrows(IOException.class, () -> fake.resolver().apply(ALL));
        assertEquals("resolvectl domain tun0 corp.example lab.example ~.: exit status 1: Failed to set DNS configuration:"
                + " simulated", e.getMessage().replace(fake.resolvectl.toString(), "resolvectl"));
        assertEquals(List.of(
                "resolvectl dns tun0 10.8.0.1 fd00::1",
                "resolvectl default-route tun0 true",
                "resolvectl domain tun0 corp.example lab.example ~.",
                "resolvectl revert tun0"), fake.commands);
    }

    @Test
    void changesOnOneDeviceStackAndOtherDevicesAreIndependent() throws IOException {
        LinuxHostResolver resolver = fake.resolver();
        ResolverChange first = resolver.apply(ALL);
        ResolverChange second = resolver.apply(ResolverSettings.of("tun0", List.of(ns("10.8.0.9")), List.of(), List.of()));
        ResolverChange other = resolver.apply(ResolverSettings.of("tun1", List.of(ns("10.9.0.1")), List.of(), List.of()));
        fake.commands.clear();

        second.revert(); // the newest on tun0: the first is applied again
        assertEquals("resolvectl dns tun0 10.8.0.1 fd00::1", fake.commands.get(0));
        assertEquals(5, fake.commands.size());
        fake.commands.clear();
        other.revert();
        assertEquals(List.of("resolvectl revert tun1"), fake.commands);
        fake.commands.clear();

        ResolverChange third = resolver.apply(ResolverSettings.of("tun0", List.of(ns("10.8.0.7")), List.of(), List.of()));
        fake.commands.clear();
        first.revert(); // not in effect any more: nothing to do
        assertEquals(List.of(), fake.commands);
        third.revert();
        assertEquals(List.of("resolvectl revert tun0"), fake.commands);
        assertTrue(resolver.idle());
    }

    @Test
    void aRevertAfterTheDeviceIsGoneSucceeds() throws IOException {
        ResolverChange change = fake.resolver().apply(ALL);
        fake.links.remove("tun0");
        fake.failing = "resolvectl revert";
        change.revert(); // resolved forgot the link with the link
        fake.links.add("tun0");
        ResolverChange again = fake.resolver().apply(ALL);
        IOException e = assertThrows(IOException.class, again::revert);
        assertTrue(e.getMessage().contains("revert tun0: exit status 1"), e.getMessage());
        fake.failing = null;
        again.revert(); // still active after the failure: can be retried
        assertEquals("resolvectl revert tun0", fake.commands.get(fake.commands.size() - 1));
    }

    @Test
    void resolvedIsNotUsedFromAnotherNamespaceOrWithoutResolvectlOrOverABindMount() throws IOException {
        fake.initNetns = false;
        IOException netns = assertThrows(IOException.class, () -> fake.resolver().apply(ALL));
        assertTrue(netns.getMessage().contains("serves another network namespace"), netns.getMessage());
        fake.initNetns = true;

        Files.delete(fake.resolvectl);
        IOException missing = assertThrows(IOException.class, () -> fake.resolver().apply(ALL));
        assertTrue(missing.getMessage().contains("resolvectl is not installed"), missing.getMessage());
        assertEquals(List.of(), fake.commands);

        // ip netns exec with /etc/netns/<ns>/resolv.conf: mount(2) follows the link and covers resolved's file.
        Path stub = dir.resolve("run/systemd/resolve/stub-resolv.conf");
        fake.mountPoints.add(stub.toRealPath());
        ResolverChange change = fake.resolver().apply(ALL);
        assertTrue(change.describe().startsWith("resolv.conf " + stub.toRealPath() + ": "), change.describe());
        change.revert();
        assertEquals("nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n", Files.readString(stub));
    }

    @Test
    void aLinkNotIntoSystemdIsAFile() throws IOException {
        Files.delete(fake.resolvConf);
        Path other = Files.createDirectories(dir.resolve("run/resolvconf")).resolve("resolv.conf");
        Files.writeString(other, "nameserver 192.0.2.1\n");
        Files.createSymbolicLink(fake.resolvConf, other);
        assertTrue(fake.resolver().plan().startsWith("resolv.conf " + other.toRealPath()));
    }
}
