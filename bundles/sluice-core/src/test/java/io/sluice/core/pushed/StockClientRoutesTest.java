package io.sluice.core.pushed;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.config.OpenVpnConfig;
import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.ControlText;
import io.sluice.core.control.ControlTextParser;
import io.sluice.core.control.PullFilters;
import io.sluice.core.control.PushReplyAssembler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan for each captured connection installs exactly what the stock OpenVPN 2.6.14 client
 * installed: the same routing tables, the same route additions in the same order, the same device
 * MTU and address, the same option errors. Only the teardown order differs on purpose (see
 * {@link #teardownUndoesTheSameRoutesInReverseWhereOpenVpnKeepsItsOwnOrder}).
 */
class StockClientRoutesTest {

    static final String[] CAPTURES = {"def1-subnet", "def1-ipv6", "def1-local", "def1-bypass", "ipv6-not-ipv4",
        "def1-samesubnet", "def1-autolocal-samesubnet", "def1-autolocal-remote", "net30", "p2p", "metric", "nodef1",
        "block-local", "block-local-samesubnet", "nopull", "noexec", "local-and-pushed", "redirect-private",
        "malformed"};

    static ClientNetworkPlan plan(RouteCapture c) {
        LocalRouting local = LocalRouting.fromConfig(config(c));
        PushedOptions pushed = PushedOptions.parse(assemble(c.push()), local.routeNopull());
        return ClientNetworkPlan.compute(pushed, local, c.facts());
    }

    static OpenVpnConfig config(RouteCapture c) {
        StringBuilder text = new StringBuilder("client\ndev tun\nremote " + c.server().getHostAddress() + " 1194\n");
        c.config().forEach(l -> text.append(l).append('\n'));
        try {
            return ConfigParser.parseString(text.toString(), c.name() + ".conf", Path.of("/"));
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    static PushReplyAssembler.Pushed assemble(String pushReply) {
        ControlRejectCounters rejects = new ControlRejectCounters();
        PushReplyAssembler a = new PushReplyAssembler(PullFilters.NONE, rejects);
        a.accept((ControlText.PushReply) new ControlTextParser(rejects).parse(pushReply).value());
        return a.result();
    }

    @ParameterizedTest
    @ValueSource(strings = {"def1-subnet", "def1-ipv6", "def1-local", "def1-bypass", "ipv6-not-ipv4",
        "def1-samesubnet", "def1-autolocal-samesubnet", "def1-autolocal-remote", "net30", "p2p", "metric", "nodef1",
        "block-local", "block-local-samesubnet", "nopull", "noexec", "local-and-pushed", "redirect-private",
        "malformed"})
    void routingTablesDuringTheConnectionAreThoseOfTheStockClient(String name) {
        RouteCapture c = RouteCapture.load(name);
        ClientNetworkPlan plan = plan(c);
        assertEquals(RouteCapture.sorted(c.during4()), c.table4(plan), name + " IPv4");
        assertEquals(RouteCapture.sorted(c.during6()), c.table6(plan), name + " IPv6");
        assertTrue(plan.failure().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"def1-subnet", "def1-ipv6", "def1-local", "def1-bypass", "ipv6-not-ipv4",
        "def1-samesubnet", "def1-autolocal-samesubnet", "def1-autolocal-remote", "net30", "p2p", "metric", "nodef1",
        "block-local", "block-local-samesubnet", "nopull", "noexec", "local-and-pushed", "redirect-private",
        "malformed"})
    void routeChangesAreTheStockClientsInItsOrder(String name) {
        RouteCapture c = RouteCapture.load(name);
        assertEquals(c.install(), RouteCapture.logLines(plan(c).install()), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"def1-subnet", "net30", "p2p", "nopull", "metric"})
    void deviceGetsTheStockClientsMtuAndAddress(String name) {
        RouteCapture c = RouteCapture.load(name);
        DevicePlan d = plan(c).device();
        assertEquals(c.mtu(), d.mtu());
        assertEquals(1, d.addresses().size());
        var a = d.addresses().get(0);
        String inet = a.peer().isPresent()
                ? "inet " + RouteCapture.text(a.local()) + " peer " + RouteCapture.text(a.peer().get()) + "/32"
                : "inet " + RouteCapture.text(a.local()) + "/" + a.prefixLength();
        assertEquals(c.inet(), inet + " scope global tun0");
        assertTrue(d.configure());
    }

    @Test
    void teardownUndoesTheSameRoutesInReverseWhereOpenVpnKeepsItsOwnOrder() {
        for (String name : CAPTURES) {
            RouteCapture c = RouteCapture.load(name);
            ClientNetworkPlan plan = plan(c);
            assertEquals(RouteCapture.sorted(c.teardown()), RouteCapture.sorted(RouteCapture.logLines(plan.teardown())),
                    name);
        }
        // OpenVPN removes the routes, then the server's host route, then the def1 halves: for a moment
        // the server's traffic would follow the def1 halves into a dying tunnel. Reverse order cannot.
        RouteCapture c = RouteCapture.load("def1-subnet");
        assertEquals(List.of("v4 del 198.19.100.0/24 via 198.19.0.1 metric -1", "v4 del 128.0.0.0/1 via 198.19.0.1 metric -1",
                "v4 del 0.0.0.0/1 via 198.19.0.1 metric -1", "v4 del 198.18.2.2/32 via 198.18.1.1 metric -1"),
                RouteCapture.logLines(plan(c).teardown()));
        assertEquals(List.of("v4 del 198.19.100.0/24 via 198.19.0.1 metric -1", "v4 del 198.18.2.2/32 via 198.18.1.1 metric -1",
                "v4 del 0.0.0.0/1 via 198.19.0.1 metric -1", "v4 del 128.0.0.0/1 via 198.19.0.1 metric -1"), c.teardown());
    }

    @Test
    void routesTheKernelRefusedAreLeftOutWithOpenVpnsError() {
        RouteCapture c = RouteCapture.load("malformed");
        ClientNetworkPlan plan = plan(c);
        assertEquals(List.of("v4 add 198.19.5.1/24 via 198.19.0.1 metric -1", "v4 add 198.19.6.0/-1 via 198.19.0.1 metric -1"),
                c.failed());
        assertTrue(plan.warnings().contains(
                "ERROR: Linux route add command failed: 198.19.5.1/24: Invalid prefix for given prefix length"));
        assertTrue(plan.warnings().contains(
                "ERROR: Linux route add command failed: the netmask 255.0.255.0 of route 198.19.6.0 is not contiguous"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nopull", "malformed", "local-and-pushed", "def1-subnet"})
    void refusedOptionsAreReportedAsTheStockClientLoggedThem(String name) {
        RouteCapture c = RouteCapture.load(name);
        LocalRouting local = LocalRouting.fromConfig(config(c));
        PushedOptions pushed = PushedOptions.parse(assemble(c.push()), local.routeNopull());
        List<String> expected = c.errors().stream()
                // OpenVPN for Linux does not know this Windows option; Sluice takes it, as OpenVPN for Windows does.
                .filter(e -> !e.contains(": block-outside-dns ("))
                .toList();
        assertEquals(expected, pushed.problems().stream().map(PushProblem::message).toList(), name);
    }
}
