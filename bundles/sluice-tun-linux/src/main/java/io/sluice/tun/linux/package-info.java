/**
 * The Linux TUN/TAP driver: {@code /dev/net/tun} through JNA, and the device's addresses, MTU, link
 * state and routes through rtnetlink; and the host's routes outside the tunnel (lookups, and host
 * routes for {@code redirect-gateway}) through rtnetlink as well; and the system resolver while a
 * tunnel is up ({@link io.sluice.tun.linux.LinuxHostResolver}: systemd-resolved through
 * {@code resolvectl}, or {@code /etc/resolv.conf} with a backup). Private to the bundle; other bundles
 * use it as the {@link io.sluice.api.tun.TunDriver}, {@link io.sluice.api.tun.HostRoutes} and
 * {@link io.sluice.api.dns.HostResolver} services registered with {@code sluice.tun.os=linux}.
 *
 * <h2>Why rtnetlink and not iproute2</h2>
 * Addresses, MTU, link state and routes are set with rtnetlink messages on a {@code NETLINK_ROUTE}
 * socket, not by running {@code ip}:
 * <ul>
 * <li>no dependency on an {@code ip} binary (minimal containers and appliances often lack it, or ship
 *     busybox's, whose syntax and output differ) and no PATH lookup inside a privileged process;</li>
 * <li>no fork of the JVM per change: a server adds a route per client ({@code iroute}), and spawning a
 *     process from a large JVM costs milliseconds;</li>
 * <li>errors come back as the kernel's errno plus its extended-ack text ("Nexthop has invalid
 *     gateway"), not as localized text scraped from a child's stderr;</li>
 * <li>it works in whatever network namespace the JVM runs in, exactly like the TUN device itself;</li>
 * <li>OpenVPN 2.5+ made the same choice (its "sitnl" backend is the Linux default).</li>
 * </ul>
 * The messages are built in pure Java ({@link io.sluice.tun.linux.RtnetlinkRequests}) so their layout
 * is unit-tested without root; only {@link io.sluice.tun.linux.RtnetlinkSocket} touches the kernel.
 *
 * <h2>Data path</h2>
 * The TUN fd is non-blocking; {@code read} waits in {@code poll(2)} on it and on an {@code eventfd}
 * that {@code close()} signals, so a blocked reader always wakes up and no thread is ever inside a
 * system call on a descriptor being closed. The per-packet calls ({@code read}, {@code write},
 * {@code poll}) use JNA direct mapping ({@link io.sluice.tun.linux.PacketSyscalls}), which passes a
 * direct {@code ByteBuffer} at its position to the kernel without copying and allocates nothing; the
 * rare control-plane calls use an ordinary JNA interface ({@link io.sluice.tun.linux.LibC}).
 */
package io.sluice.tun.linux;
