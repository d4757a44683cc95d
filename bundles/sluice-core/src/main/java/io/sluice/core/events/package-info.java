/**
 * OpenVPN's script hooks and Sluice's tunnel events, engine side: so that the {@code up},
 * {@code route-up}, {@code route-pre-down}, {@code down}, {@code ipchange},
 * {@code client-connect}, {@code client-disconnect} and {@code learn-address} scripts written
 * for OpenVPN 2.6 run unchanged under Sluice, with the same arguments, the same variables and
 * the same consequences, and so that {@link io.sluice.api.event.TunnelEventListener} services
 * hear of the same moments.
 *
 * <ul>
 *   <li>{@link io.sluice.core.events.ScriptHooks}: the script options of a configuration and
 *       {@code script-security}; {@link io.sluice.core.events.ScriptCommand}: one of them, split
 *       as OpenVPN splits it.</li>
 *   <li>{@link io.sluice.core.events.Environments}: the variables, as pure functions of small
 *       fact records ({@link io.sluice.core.events.DeviceFacts},
 *       {@link io.sluice.core.events.RouteFacts}, {@link io.sluice.core.events.PeerFacts},
 *       {@link io.sluice.core.events.ConnectFacts} ...);
 *       {@link io.sluice.core.events.ScriptEnvironment} keeps them as OpenVPN's env_set does.</li>
 *   <li>{@link io.sluice.core.events.EventDispatcher}: delivers an event to the script and the
 *       listeners off the caller's thread, in order per lane, with a time limit, and combines
 *       their answers into an {@link io.sluice.core.events.EventOutcome}.</li>
 *   <li>{@link io.sluice.core.events.InstanceEvents} and
 *       {@link io.sluice.core.events.SessionEvents}: the moments themselves, one method each,
 *       for the client and server engines to call.</li>
 * </ul>
 *
 * <p>The behaviour is OpenVPN 2.6's on Linux, read for facts only from init.c
 * ({@code run_up_down}, {@code do_route}, {@code do_close_tun}), run_command.c, argv.c,
 * env_set.c, options.c ({@code setenv_settings}, {@code set_user_script}), tun.c
 * ({@code do_ifconfig_setenv}), route.c ({@code setenv_routes}), socket.c, ssl_verify.c and multi.c
 * of OpenVPN 2.6, and checked against the variables and arguments a stock 2.6.14 client and
 * server gave a script. Where OpenVPN waits for a script for ever, Sluice kills it at a time limit.
 *
 * <p>Private implementation package: not exported.
 */
package io.sluice.core.events;
