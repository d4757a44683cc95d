/**
 * The reliability layer: turns the lossy, reordering, duplicating link under the control
 * channel into an in-order, exactly-once stream of control messages, as OpenVPN's
 * {@code reliable.c} does, so that TLS can run over UDP.
 *
 * <p>Pieces, each usable alone:
 * <ul>
 *   <li>{@link io.sluice.core.reliable.ReliableSender}: numbers outgoing messages, keeps each
 *       until acked, says when each must be (re)sent, with exponential back-off;</li>
 *   <li>{@link io.sluice.core.reliable.ReliableReceiver}: takes messages in any order within its
 *       window and hands them out in order, once each;</li>
 *   <li>{@link io.sluice.core.reliable.AckTracker}: which received ids still need acking, and
 *       the recently acked ones OpenVPN repeats in every packet;</li>
 *   <li>{@link io.sluice.core.reliable.ReliableChannel}: the three together for one key state,
 *       deciding when acks ride on a message and when they go alone in a P_ACK_V1.</li>
 * </ul>
 *
 * <p>No I/O, no threads, no clock reads: the owner passes in received packets and the current
 * time (nanoseconds of an {@link io.sluice.core.time.Clock}), and asks what to send and when
 * to call again. The owner serialises all calls on one channel.
 *
 * <p>Private implementation package: not exported.
 */
package io.sluice.core.reliable;
