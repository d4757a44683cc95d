/**
 * Reading untrusted input: the outcome of decoding what a peer sent (a value, or the reason it
 * was refused) and per-reason counters of refusals. Bad input is an expected event to count and
 * drop, not a bug, so decoders return these instead of throwing, and refusing allocates nothing.
 * The wire and control-channel layers use them with their own reason enums.
 */
package io.sluice.core.input;
