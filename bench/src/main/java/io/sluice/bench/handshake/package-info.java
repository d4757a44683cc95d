/**
 * The load generator: Sluice's client engine ({@code ClientInstance}) many times in one process,
 * over the real UDP transport and without TUN devices, against one server.
 *
 * <p>The tunnel harness starts {@link io.sluice.bench.handshake.HandshakeLoadMain} in the client
 * namespace against an OpenVPN server and against a Sluice server. It brings sessions up a fixed
 * number at a time and reports sessions per second and the distribution of the time from start
 * to connected (TLS handshake, key method 2, PUSH_REPLY, keys installed); then it holds them all
 * for a while, so that the harness can read what they cost the server.
 */
package io.sluice.bench.handshake;
