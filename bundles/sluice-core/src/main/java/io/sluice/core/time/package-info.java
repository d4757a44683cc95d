/**
 * Time for the protocol engine.
 *
 * <p>Every timer in the engine (retransmission, handshake windows, keepalives) reads time
 * through a {@link io.sluice.core.time.Clock} handed to it, never from the system directly,
 * so a test can drive hours of protocol time in microseconds with a
 * {@link io.sluice.core.time.FakeClock} and no test ever waits or races a real clock.
 *
 * <p>Private implementation package: not exported.
 */
package io.sluice.core.time;
