package io.sluice.itests.tun;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.HostRoutes;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.RouteVia;
import io.sluice.api.tun.TunDevice;
import io.sluice.api.tun.TunDriver;
import io.sluice.api.tun.TunRequest;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The child JVM a {@link HostRoutesIT} runs inside a test namespace (never in the root namespace):
 * it drives the Linux {@link HostRoutes} service, and a TUN device for the redirect-gateway recipe,
 * on commands read line by line from a FIFO, printing results and then {@code OK <command>} or
 * {@code ERR <command>: <exception>}.
 *
 * <p>Usage: {@code HostRoutesAgent <control-fifo>}. Commands:
 * <ul>
 * <li>{@code lookup A}: prints {@code VIA dst=A net=N/P gw=G|- dev=D index=I src=S|- metric=M} or
 *     {@code NOROUTE A};</li>
 * <li>{@code add N/P [via G] [metric M] dev D}, {@code remove ...}: print {@code ADDED true|false},
 *     {@code REMOVED true|false};</li>
 * <li>{@code pin A}: what a client does for its server before {@code redirect-gateway}: looks the
 *     route to A up and adds its host route on its device, printing {@code PINNED added=true|false
 *     dev=D}; {@code unpin A} removes it again, printing {@code UNPINNED removed=true|false};</li>
 * <li>{@code tun A/P [A/P ...]}: opens a TUN device with those addresses, up, printing {@code TUN name=X};
 *     {@code tunroute N/P [via G]} adds a route through it; {@code tunclose} closes it;</li>
 * <li>{@code exit}.</li>
 * </ul>
 */
public final class HostRoutesAgent {

    /** Loaded by name so the implementation stays behind the API, as in OSGi. */
    static final String HOST_ROUTES_CLASS = "io.sluice.tun.linux.LinuxHostRoutes";

    private final HostRoutes routes;
    private final TunDriver driver;
    private final Map<InetAddress, RouteVia> pinned = new HashMap<>();
    private TunDevice tun;

    private HostRoutesAgent(HostRoutes routes, TunDriver driver) {
        this.routes = routes;
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.out.println("usage: HostRoutesAgent <control-fifo>");
            System.exit(64);
        }
        HostRoutes routes = (HostRoutes) Class.forName(HOST_ROUTES_CLASS).getConstructor().newInstance();
        TunDriver driver = (TunDriver) Class.forName(TunEchoAgent.DRIVER_CLASS).getConstructor().newInstance();
        new HostRoutesAgent(routes, driver).serve(args[0]);
    }

    private void serve(String fifo) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new FileInputStream(fifo), StandardCharsets.UTF_8))) {
            System.out.println("READY");
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.equals("exit")) {
                    System.out.println("OK exit");
                    System.exit(0);
                }
                try {
                    execute(line);
                    System.out.println("OK " + line);
                } catch (Exception e) {
                    System.out.println("ERR " + line + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private void execute(String line) throws IOException {
        List<String> w = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        String cmd = w.remove(0);
        switch (cmd) {
            case "lookup" -> {
                InetAddress a = literal(w.get(0));
                System.out.println(routes.lookup(a).map(HostRoutesAgent::describe)
                        .orElse("NOROUTE " + text(a)));
            }
            case "add" -> System.out.println("ADDED " + routes.add(route(w), device(w)));
            case "remove" -> System.out.println("REMOVED " + routes.remove(route(w), device(w)));
            case "pin" -> {
                InetAddress server = literal(w.get(0));
                RouteVia via = routes.lookup(server).orElseThrow(() -> new IOException("no route to " + server));
                boolean added = routes.add(via.hostRoute(), via.device());
                if (added) {
                    pinned.put(server, via);
                }
                System.out.println("PINNED added=" + added + " dev=" + via.device());
            }
            case "unpin" -> {
                RouteVia via = pinned.remove(literal(w.get(0)));
                boolean removed = via != null && routes.remove(via.hostRoute(), via.device());
                System.out.println("UNPINNED removed=" + removed);
            }
            case "tun" -> {
                tun = driver.open(new TunRequest(Optional.empty(), DeviceType.TUN, 1500));
                for (String address : w) {
                    String[] cidr = address.split("/");
                    tun.addAddress(new IfAddress(literal(cidr[0]), Integer.parseInt(cidr[1]), Optional.empty()));
                }
                tun.setUp(true);
                System.out.println("TUN name=" + tun.name());
            }
            case "tunroute" -> tun.addRoute(route(w));
            case "tunclose" -> tun.close();
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        }
    }

    /** The {@code VIA ...} line for a looked-up route, addresses as {@code ip} prints them. */
    static String describe(RouteVia v) {
        return "VIA dst=" + text(v.destination())
                + " net=" + text(v.network()) + "/" + v.prefixLength()
                + " gw=" + v.gateway().map(HostRoutesAgent::text).orElse("-")
                + " dev=" + v.device() + " index=" + v.deviceIndex()
                + " src=" + v.source().map(HostRoutesAgent::text).orElse("-")
                + " metric=" + v.metric();
    }

    /**
     * An address in its canonical text form (RFC 5952 for IPv6: the longest run of two or more zero
     * groups, the first of equals, shortened to "::"), where Java would print every group.
     */
    static String text(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(g[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    /** {@code N/P [via G] [metric M] [dev D]}, the device ignored here. */
    private static Route route(List<String> w) throws IOException {
        String[] cidr = w.get(0).split("/");
        Optional<InetAddress> via = Optional.empty();
        int metric = 0;
        for (int i = 1; i + 1 < w.size(); i += 2) {
            switch (w.get(i)) {
                case "via" -> via = Optional.of(literal(w.get(i + 1)));
                case "metric" -> metric = Integer.parseInt(w.get(i + 1));
                case "dev" -> {
                    // read by device()
                }
                default -> throw new IllegalArgumentException("unknown route word " + w.get(i));
            }
        }
        return new Route(literal(cidr[0]), Integer.parseInt(cidr[1]), via, metric);
    }

    private static String device(List<String> w) {
        int i = w.indexOf("dev");
        if (i < 0 || i + 1 >= w.size()) {
            throw new IllegalArgumentException("no dev given");
        }
        return w.get(i + 1);
    }

    private static InetAddress literal(String s) throws IOException {
        if (!s.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + s); // never resolve names
        }
        return InetAddress.getByName(s);
    }
}
