/**
 * OpenVPN's client ({@code client} / {@code tls-client} + {@code pull}): a
 * {@link io.sluice.core.client.ClientConnection} is one attempt to one server (reset, TLS, key
 * method 2, PUSH_REPLY, data channel, keepalive); a {@link io.sluice.core.client.ClientInstance}
 * keeps the tunnel up across attempts: the remote list with connect-retry back-off, the TUN
 * device, the routes and addresses the server pushed, auth-retry, and reconnects on
 * ping-restart, RESTART and transport errors.
 */
package io.sluice.core.client;
