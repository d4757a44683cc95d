/**
 * The server's routing table: which client session a tunnel packet belongs to, kept as OpenVPN
 * 2.6 keeps it (multi.c {@code multi_learn_addr}, {@code multi_get_instance_by_virtual_addr},
 * mroute.c).
 *
 * <p>{@link io.sluice.core.route.RoutingTable} maps {@link io.sluice.core.route.RouteKey}s (a
 * client's virtual IPv4 and IPv6 addresses, and the {@code iroute}/{@code iroute-ipv6} subnets
 * behind it) to an opaque session handle. Packets are routed by the longest matching prefix of
 * their destination, read straight from the packet buffer, and a client's packets are accepted
 * only from source addresses that route back to that client
 * ({@link io.sluice.core.route.SourceCheck}). Lookups take no lock and allocate nothing: they read
 * an immutable {@link io.sluice.core.route.RouteSnapshot} that learning and forgetting replace
 * whole. Every change is reported as a {@link io.sluice.core.route.RouteChange}, from which the
 * server runs {@code learn-address} add, update and delete.
 *
 * <p>Routed (TUN) tunnels only. TAP tunnels route by MAC address, learned from each frame's
 * source; that is not here yet.
 *
 * <p>Private implementation package of sluice-core: not exported.
 */
package io.sluice.core.route;
