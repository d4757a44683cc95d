/**
 * The network test harness every interop test uses: private networks of Linux network namespaces,
 * real processes inside them, and guaranteed cleanup.
 *
 * <h2>The rule it enforces</h2>
 * Test traffic stays on loopback or inside namespaces the test created and removes. Underlay
 * addresses come only from 198.18.0.0/15 and fd18::/16 ({@link io.sluice.itests.net.AddressRules}
 * refuses anything else); pings, iperf3 runs and routes only go to underlay, tunnel (RFC 1918, ULA)
 * or loopback addresses; the host's root namespace is never changed (veth pairs are created inside
 * the test namespaces; the JVM itself never enters one).
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.sluice.itests.net.Preconditions#requireRootAndTun()}: fails (never skips) without
 *       root, {@code /dev/net/tun}, {@code ip}, {@code openvpn}, {@code iperf3}, {@code ping}.
 *       {@link io.sluice.itests.net.NetLab#open} calls it too.</li>
 *   <li>{@link io.sluice.itests.net.NetLab}: namespaces, veth links with addresses, routes,
 *       forwarding, {@code exec} of short commands, {@code start} of long-running ones, cleanup.</li>
 *   <li>{@link io.sluice.itests.net.NsProcess}: a process in a namespace; log file plus in-memory
 *       lines, {@code awaitLine}, {@code stop}, exit code.</li>
 *   <li>{@link io.sluice.itests.net.Ping}, {@link io.sluice.itests.net.Iperf3}: traffic checks.</li>
 *   <li>{@link io.sluice.itests.net.TestPki}, {@link io.sluice.itests.net.OpenVpnKeys}: certificates
 *       and static keys.</li>
 *   <li>{@link io.sluice.itests.net.OpenVpnPeer}: Debian's OpenVPN 2.6 as the other side.</li>
 * </ul>
 *
 * <h2>Running something else in a namespace (e.g. Sluice)</h2>
 * <pre>{@code
 * NsProcess sluice = lab.start(serverNs, "sluice-server",
 *         List.of(assembly.resolve("bin/sluice").toString(), "--config", cfg.toString()),
 *         Map.of("JAVA_HOME", System.getProperty("java.home")), assembly);
 * sluice.awaitLine(Pattern.compile("Initialization Sequence Completed|listening"), Duration.ofSeconds(60));
 * }</pre>
 * The process inherits the test JVM's environment plus the given variables; its output goes to
 * {@code target/netlab/<test>/sluice-server.log}; {@code lab.close()} stops it and everything it forked.
 */
package io.sluice.itests.net;
