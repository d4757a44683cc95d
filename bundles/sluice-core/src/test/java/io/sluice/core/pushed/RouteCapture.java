package io.sluice.core.pushed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One capture of what a stock OpenVPN 2.6.14 client did (see README.md next to the files), and a
 * rendering of a {@link ClientNetworkPlan} in the same notation, so tests compare like with like.
 */
record RouteCapture(String name, InetAddress server, InetAddress gateway, String gatewayDevice, int gatewayPrefix,
                    List<String> config, String push, List<String> errors, List<String> before4, List<String> before6,
                    List<String> during4, List<String> during6, int mtu, String inet, List<String> install,
                    List<String> failed, List<String> teardown) {

    static final String TUN = "tun0";

    static RouteCapture load(String name) {
        String text;
        try (InputStream in = RouteCapture.class.getResourceAsStream(name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InetAddress server = null;
        InetAddress gateway = null;
        String device = null;
        int prefix = 0;
        String push = null;
        int mtu = 0;
        String inet = null;
        List<String> config = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<List<String>> tables = new ArrayList<>();
        List<String> install = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> teardown = new ArrayList<>();
        String section = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            switch (line) {
                case "before", "during" -> {
                    section = "table";
                    tables.add(new ArrayList<>());
                    continue;
                }
                case "---" -> {
                    tables.add(new ArrayList<>());
                    continue;
                }
                case "device", "install", "teardown" -> {
                    section = line;
                    continue;
                }
                default -> {
                }
            }
            if (section.isEmpty()) {
                String[] w = line.split(" ", 2);
                switch (w[0]) {
                    case "server" -> server = address(w[1]);
                    case "gateway" -> {
                        String[] g = w[1].split(" ");
                        gateway = address(g[0]);
                        device = g[1];
                        prefix = Integer.parseInt(g[2]);
                    }
                    case "config" -> config.add(w[1]);
                    case "push" -> push = w[1];
                    case "error" -> errors.add(w[1]);
                    default -> throw new IllegalStateException("unexpected line " + line);
                }
            } else if (section.equals("table")) {
                tables.get(tables.size() - 1).add(line);
            } else if (section.equals("device")) {
                if (line.startsWith("mtu ")) {
                    mtu = Integer.parseInt(line.substring(4));
                } else {
                    inet = line;
                }
            } else if (section.equals("install")) {
                if (line.startsWith("failed ")) {
                    failed.add(line.substring("failed ".length()));
                } else {
                    install.add(line);
                }
            } else {
                teardown.add(line);
            }
        }
        return new RouteCapture(name, server, gateway, device, prefix, config, push, errors, tables.get(0),
                tables.get(1), tables.get(2), tables.get(3), mtu, inet, install, failed, teardown);
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts the client had: its default route and the server's address. */
    RoutingFacts facts() {
        return RoutingFacts.of(server, java.util.Optional.of(NetGateway.via((java.net.Inet4Address) gateway,
                gatewayDevice, gatewayPrefix)), java.util.Optional.empty());
    }

    /** A step in the notation of the install/teardown lines ({@code v4 add 0.0.0.0/1 via 10.8.0.1 metric -1}). */
    static String logLine(RouteStep step) {
        PlannedRoute r = step.route();
        String none = r.ipv6() ? "::" : "0.0.0.0";
        return (r.ipv6() ? "v6 " : "v4 ") + (step.action() == RouteStep.Action.ADD ? "add " : "del ")
                + text(r.network()) + "/" + r.prefixLength() + " via " + r.gateway().map(RouteCapture::text).orElse(none)
                + " metric " + (r.metric() > 0 ? r.metric() : -1);
    }

    static List<String> logLines(List<RouteStep> steps) {
        return steps.stream().map(RouteCapture::logLine).toList();
    }

    /**
     * The IPv4 table {@code ip route} would print once the plan is applied to {@link #before4()}:
     * the kernel's route for the tunnel address, then each step.
     */
    List<String> table4(ClientNetworkPlan plan) {
        List<String> table = new ArrayList<>(before4);
        plan.device().addresses().stream().filter(a -> !a.local().getHostAddress().contains(":")).forEach(a -> {
            if (a.peer().isPresent()) {
                table.add(text(a.peer().get()) + " dev " + TUN + " proto kernel scope link src " + text(a.local()));
            } else {
                int net = AddressWords.ipv4Value(a.local()) & AddressWords.netmask(a.prefixLength());
                table.add(text(AddressWords.ipv4(net)) + "/" + a.prefixLength() + " dev " + TUN
                        + " proto kernel scope link src " + text(a.local()));
            }
        });
        for (RouteStep s : plan.install()) {
            if (s.route().ipv6()) {
                continue;
            }
            String line = ipRoute(s.route());
            if (s.action() == RouteStep.Action.ADD) {
                table.add(line);
            } else if (!table.remove(line)) {
                throw new AssertionError("deletes a route that is not there: " + line);
            }
        }
        return table.stream().sorted().toList();
    }

    /** The IPv6 table {@code ip -6 route} would print (without fe80::/64), as {@link #table4}. */
    List<String> table6(ClientNetworkPlan plan) {
        List<String> table = new ArrayList<>(before6);
        for (RouteStep s : plan.install()) {
            if (s.route().ipv6()) {
                PlannedRoute r = s.route();
                table.add(text(r.network()) + "/" + r.prefixLength() + " dev " + TUN + " metric "
                        + (r.metric() > 0 ? r.metric() : 1024) + " pref medium");
            }
        }
        return table.stream().sorted().toList();
    }

    private String ipRoute(PlannedRoute r) {
        String dst = r.prefixLength() == 0 ? "default"
                : r.prefixLength() == 32 ? text(r.network()) : text(r.network()) + "/" + r.prefixLength();
        String dev = switch (r.via()) {
            case TUNNEL -> TUN;
            case ORIGINAL_GATEWAY -> r.device().orElseThrow();
            case GATEWAY -> throw new AssertionError("no such route in the captures: " + r);
        };
        return dst + r.gateway().map(g -> " via " + text(g)).orElse("") + " dev " + dev
                + (r.metric() > 0 ? " metric " + r.metric() : "");
    }

    static String text(InetAddress a) {
        return a.getAddress().length == 4 ? a.getHostAddress() : io.sluice.core.pool.AddressText.formatIpv6(a.getAddress());
    }

    static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
