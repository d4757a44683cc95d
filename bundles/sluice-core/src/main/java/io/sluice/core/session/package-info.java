/**
 * The control channel of one peer, whichever side it is on: for every key id a
 * {@link io.sluice.core.session.KeyState} that runs the reset exchange, the TLS handshake over
 * the reliability layer and the key method 2 exchange, and a
 * {@link io.sluice.core.session.ControlSession} that routes packets to key states, drives their
 * timers (hand-window, transition window) and renegotiation, and carries control-channel text
 * messages once a key is active.
 *
 * <p>Deliberately free of I/O and threads: its owner (the server's per-client state, or the
 * client) hands in decoded packets and the current time, and gets packets to transmit and
 * events back through {@link io.sluice.core.session.ControlSession.Listener}. Everything about
 * one session happens on one thread at a time.
 */
package io.sluice.core.session;
