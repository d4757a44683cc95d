/**
 * The benchmark bench/run starts: OpenVPN 2.6 and Sluice as client and server in the four
 * pairings, over UDP and TCP transport with AES-256-GCM, in network namespaces the interop tests'
 * lab ({@code io.sluice.itests.net}) creates and removes; and the load generator
 * ({@link io.sluice.bench.handshake}) against either server for handshakes and scale.
 *
 * <p>Every figure is taken several times, interleaved (each repetition runs every pairing once),
 * and reported as the median with its range and as a ratio to OpenVPN client to OpenVPN server
 * measured in the same run, so that a slow or busy machine moves the reference with the rest.
 * {@link io.sluice.bench.lab.BenchMain} is the entry point; the table goes to
 * {@code bench/results/<date>-<mode>.md}.
 */
package io.sluice.bench.lab;
