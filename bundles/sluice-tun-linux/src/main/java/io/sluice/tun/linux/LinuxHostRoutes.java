package io.sluice.tun.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;

import io.sluice.api.tun.HostRoutes;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.RouteVia;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HostRoutes} of Linux: route lookups, and routes on non-tunnel interfaces, through
 * rtnetlink in the JVM's network namespace (see the package documentation for why not {@code ip}).
 *
 * <p>A lookup asks the kernel twice on one socket: once as {@code ip route get A} does, for the path
 * a packet to A takes now (next hop, interface, source address; policy rules and multipath
 * included), and once as {@code ip route get fibmatch A} does, for the table entry that matched
 * (network, prefix and metric, which the first answer does not carry for IPv4).
 *
 * <p>Routes still present that were added here are removed when the component deactivates, so that
 * stopping the bundle in the middle of a connection leaves no host route behind.
 */
@Component(service = HostRoutes.class, property = HostRoutes.OS + "=linux")
public final class LinuxHostRoutes implements HostRoutes {

    /** The kernel's answers to a lookup that mean "no usable route" (net/ipv4/route.c, net/ipv6/route.c). */
    private static final Set<Integer> NO_ROUTE = Set.of(
            LinuxConstants.ENETUNREACH,   // no route at all, or a "throw" route
            LinuxConstants.EHOSTUNREACH,  // an "unreachable" route
            LinuxConstants.EACCES,        // a "prohibit" route
            LinuxConstants.EINVAL);       // a "blackhole" route; our request itself is fixed and unit-tested
    private static final Set<Integer> REFUSING_TYPES = Set.of(
            Netlink.RTN_BLACKHOLE, Netlink.RTN_UNREACHABLE, Netlink.RTN_PROHIBIT, Netlink.RTN_THROW);

    private static final Logger LOG = LoggerFactory.getLogger(LinuxHostRoutes.class);

    private final LibC libc;
    private final Set<Added> added = ConcurrentHashMap.newKeySet();

    /** A route this component added and has not removed yet. */
    private record Added(Route route, String device) {
    }

    /** Checks the platform and binds glibc; DS calls this when the component activates. */
    public LinuxHostRoutes() {
        this(loadLibC());
    }

    /** With a given C library: the unit tests' simulated kernel. */
    LinuxHostRoutes(LibC libc) {
        this.libc = libc;
    }

    private static LibC loadLibC() {
        LinuxAbi.requireSupported(System.getProperty("os.name"), System.getProperty("os.arch"));
        return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    }

    @Override
    public Optional<RouteVia> lookup(InetAddress destination) throws IOException {
        Objects.requireNonNull(destination, "destination");
        if (destination.isMulticastAddress() || destination.isAnyLocalAddress()) {
            throw new IllegalArgumentException("not a unicast address: " + destination.getHostAddress());
        }
        String what = "look up the route to " + destination.getHostAddress();
        try (RtnetlinkSocket socket = RtnetlinkSocket.open(libc)) {
            Optional<RouteMessage> path = ask(socket, RtnetlinkRequests.getRoute(destination, false), what);
            if (path.isEmpty() || REFUSING_TYPES.contains(path.get().type())) {
                return Optional.empty();
            }
            // Empty only if the route went away between the two questions: then there is none now.
            Optional<RouteMessage> entry = ask(socket, RtnetlinkRequests.getRoute(destination, true), what + " (fibmatch)");
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            RouteVia via = combine(destination, path.get(), entry.get(), what);
            LOG.debug("Route to {}: {}", destination.getHostAddress(), via);
            return Optional.of(via);
        }
    }

    /** One RTM_GETROUTE: the route, or empty if the kernel says there is no usable one. */
    private Optional<RouteMessage> ask(RtnetlinkSocket socket, NetlinkMessage query, String what) throws IOException {
        NetlinkReply reply = socket.query(query, Netlink.RTM_NEWROUTE, what);
        if (!reply.ok()) {
            NetlinkAck error = reply.error();
            if (NO_ROUTE.contains(error.errno())) {
                return Optional.empty();
            }
            throw Errors.of(libc, what, error.errno(), error.message());
        }
        try {
            return Optional.of(RouteMessage.parse(reply.message().orElseThrow()));
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": unexpected answer from the kernel: " + e.getMessage(), e);
        }
    }

    /**
     * The path (next hop, interface, source) of the resolved route with the network, prefix and
     * metric of the table entry that matched.
     */
    RouteVia combine(InetAddress destination, RouteMessage path, RouteMessage entry, String what) throws IOException {
        if (path.oif() <= 0) {
            throw new IOException(what + ": the kernel named no outgoing interface");
        }
        String device = deviceName(path.oif(), what);
        InetAddress network = entry.dst().orElse(anyAddress(destination));
        try {
            return new RouteVia(destination, network, entry.dstLen(), path.gateway(), device, path.oif(),
                    path.prefsrc(), entry.priority());
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": inconsistent answer from the kernel: " + e.getMessage(), e);
        }
    }

    private String deviceName(int index, String what) throws IOException {
        byte[] name = new byte[LinuxConstants.IFNAMSIZ];
        if (libc.if_indextoname(index, name) == null) {
            throw Errors.last(libc, what + ": if_indextoname " + index);
        }
        int n = 0;
        while (n < name.length && name[n] != 0) {
            n++;
        }
        return new String(name, 0, n, StandardCharsets.UTF_8);
    }

    private static InetAddress anyAddress(InetAddress like) {
        try {
            return InetAddress.getByAddress(new byte[like instanceof Inet4Address ? 4 : 16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>An RTM_NEWROUTE with NLM_F_CREATE|NLM_F_EXCL in the main table, {@code proto static}: the
     * kernel refuses it with EEXIST if the table has a route to the same network with the same metric
     * (whatever its gateway), which is reported as {@code false}. The gateway must be of the route's
     * family.
     */
    @Override
    public boolean add(Route route, String device) throws IOException {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(device, "device");
        String what = "add route " + RtnetlinkRequests.describe(route) + " dev " + device;
        int ifindex = libc.if_nametoindex(device);
        if (ifindex == 0) {
            throw Errors.last(libc, what);
        }
        NetlinkMessage request = RtnetlinkRequests.route(true, ifindex, route);
        NetlinkAck ack;
        try (RtnetlinkSocket socket = RtnetlinkSocket.open(libc)) {
            ack = socket.send(request, what);
        }
        if (ack.errno() == LinuxConstants.EEXIST) {
            LOG.info("Not adding route {} dev {}: the table has a route to that network with that metric",
                    RtnetlinkRequests.describe(route), device);
            return false;
        }
        if (!ack.ok()) {
            throw Errors.of(libc, what, ack.errno(), ack.message());
        }
        added.add(new Added(route, device));
        LOG.info("Added route {} dev {}", RtnetlinkRequests.describe(route), device);
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>An RTM_DELROUTE naming network, prefix, interface, gateway and (if not 0) metric; the kernel
     * answers ESRCH if no route matches, reported as {@code false}.
     */
    @Override
    public boolean remove(Route route, String device) throws IOException {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(device, "device");
        String what = "remove route " + RtnetlinkRequests.describe(route) + " dev " + device;
        int ifindex = libc.if_nametoindex(device);
        if (ifindex == 0) {
            added.remove(new Added(route, device));
            LOG.info("Not removing route {} dev {}: no such device (its routes went with it)",
                    RtnetlinkRequests.describe(route), device);
            return false;
        }
        NetlinkMessage request = RtnetlinkRequests.route(false, ifindex, route);
        NetlinkAck ack;
        try (RtnetlinkSocket socket = RtnetlinkSocket.open(libc)) {
            ack = socket.send(request, what);
        }
        if (ack.errno() == LinuxConstants.ESRCH) {
            added.remove(new Added(route, device));
            LOG.info("Not removing route {} dev {}: there is no such route", RtnetlinkRequests.describe(route), device);
            return false;
        }
        if (!ack.ok()) {
            throw Errors.of(libc, what, ack.errno(), ack.message());
        }
        added.remove(new Added(route, device));
        LOG.info("Removed route {} dev {}", RtnetlinkRequests.describe(route), device);
        return true;
    }

    /** Removes the routes added here and not removed by their users. */
    @Deactivate
    void deactivate() {
        for (Added a : List.copyOf(added)) {
            LOG.warn("Removing route {} dev {}, still present when the host routes service stopped",
                    RtnetlinkRequests.describe(a.route()), a.device());
            try {
                remove(a.route(), a.device());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not remove route {} dev {}: {}", RtnetlinkRequests.describe(a.route()), a.device(),
                        e.getMessage());
            }
        }
    }

    /** The routes added here and not removed yet. */
    int addedRoutes() {
        return added.size();
    }
}
