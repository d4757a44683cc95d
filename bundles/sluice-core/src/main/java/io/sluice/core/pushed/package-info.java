/**
 * What an OpenVPN client does with what its server pushes, as pure computation: no sockets, no
 * devices, no system calls, so all of it is tested without root.
 *
 * <ul>
 *   <li>{@link io.sluice.core.pushed.PushedOptions}: a complete push
 *       ({@code PushReplyAssembler.Pushed}, after {@code pull-filter}) read into typed values, with
 *       one {@link io.sluice.core.pushed.PushProblem} per option OpenVPN 2.6 would refuse.</li>
 *   <li>{@link io.sluice.core.pushed.LocalRouting}: the client's own routing options, from its
 *       configuration.</li>
 *   <li>{@link io.sluice.core.pushed.ClientNetworkPlan}: from both, and from
 *       {@link io.sluice.core.pushed.RoutingFacts} the caller reads from the OS (the server's
 *       address as connected, the routes that existed before), the device setup
 *       ({@link io.sluice.core.pushed.DevicePlan}), the route changes to install and to undo
 *       ({@link io.sluice.core.pushed.RouteStep}), and the name resolution
 *       ({@link io.sluice.core.pushed.DnsPlan}).</li>
 *   <li>{@link io.sluice.core.pushed.ReconnectSchedule}: which remote to try next and after what
 *       pause ({@code connect-retry}, {@code connect-retry-max}, {@code remote-random}).</li>
 * </ul>
 *
 * <p>The behaviour is OpenVPN 2.6's on Linux: options.c ({@code add_option} in pull mode,
 * {@code apply_push_options}), init.c ({@code pull_permission_mask}, {@code do_init_route_list},
 * {@code do_init_route_ipv6_list}, {@code do_deferred_options}, {@code next_connection_entry},
 * {@code socket_restart_pause}), route.c, tun.c and dns.c of OpenVPN 2.6.14, read for facts only.
 * The captures under {@code src/test/resources/io/sluice/core/pushed} record what a stock 2.6.14
 * client installed in network namespaces; the tests hold every plan to them.
 *
 * <p>Private implementation package: not exported.
 */
package io.sluice.core.pushed;
