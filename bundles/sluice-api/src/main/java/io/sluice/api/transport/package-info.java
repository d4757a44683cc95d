/**
 * Transports: how OpenVPN packets reach the wire.
 *
 * <p>A {@link io.sluice.api.transport.DatagramTransport} binds UDP-like sockets; a
 * {@link io.sluice.api.transport.StreamTransport} listens for and opens TCP-like
 * connections and does OpenVPN's 2-byte length framing itself. Either way the engine
 * sees a {@link io.sluice.api.transport.PacketLink} that carries whole packets, so
 * proxies and other stream carriers plug in without the engine knowing.
 */
@Export
@Version("1.1.0")
package io.sluice.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
