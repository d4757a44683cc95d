package io.sluice.api.tun;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Service: the host's routing table outside the tunnel, on one operating system. A client needs it
 * for {@code redirect-gateway}: before pointing all traffic into the tunnel it looks up how the VPN
 * server is reached now ({@link #lookup}) and pins that path with a host route ({@link #add}), so
 * the tunnel's own packets do not loop into the tunnel; on disconnect it removes that route again
 * ({@link #remove}). Routes through the tunnel device itself go through {@link TunDevice#addRoute}.
 *
 * <p>Registered with the service property {@value #OS} naming the OS, like {@link TunDriver}.
 * Works in the network namespace (or equivalent) the JVM runs in. Lookups need no privileges;
 * changes need those the OS asks for (CAP_NET_ADMIN on Linux). Both IPv4 and IPv6 are supported.
 * Routes are added to and removed from the main table, as OpenVPN does.
 */
public interface HostRoutes {

    /** Service property: the operating system this service works on (the same as {@link TunDriver#OS}). */
    String OS = TunDriver.OS;

    /**
     * The route the host would use now to send a packet to {@code destination} (OpenVPN's
     * "get_default_gateway" for that address): next hop if any, outgoing interface, source address,
     * and the matching route's prefix and metric. Policy routing is taken into account.
     *
     * @param destination a unicast address (not multicast, not the unspecified address)
     * @return empty if the host has no route that forwards packets there: none at all, or one that
     *         refuses or discards them (unreachable, prohibit, blackhole)
     * @throws IOException if the OS could not answer, with its reason
     * @throws IllegalArgumentException if {@code destination} is multicast or unspecified
     */
    Optional<RouteVia> lookup(InetAddress destination) throws IOException;

    /**
     * Adds {@code route} on the non-tunnel interface {@code device} (in the main table): via its
     * gateway if it has one, otherwise on-link. The usual use is {@link RouteVia#hostRoute()} on
     * {@link RouteVia#device()}.
     *
     * @return true if added; false if the table already has a route to that network with that
     *         metric, in which case nothing changed and the caller must not remove it later (it is
     *         not the caller's)
     * @throws IOException if the OS refused (no such device, gateway not reachable, no privilege ...),
     *         with the errno and the kernel's explanation
     */
    boolean add(Route route, String device) throws IOException;

    /**
     * Removes a route added with {@link #add}; give the same route and device. Removing is meant for
     * clean-up on disconnect and so tolerates what may have happened meanwhile.
     *
     * @return true if removed; false if there was no such route, or no such device any more (the OS
     *         removes an interface's routes with it)
     * @throws IOException if the OS refused for another reason
     */
    boolean remove(Route route, String device) throws IOException;
}
