package io.sluice.transport.tcp;

/** Why a TCP connection ended; each is counted, see {@link TcpStats}. */
enum CloseReason {
    /** {@code close()} on this side. */
    LOCAL,
    /** The peer closed or half-closed its side; OpenVPN has no use for a half-open link. */
    PEER_CLOSED,
    /** Reading or writing failed (reset, broken pipe, ...). */
    IO_ERROR,
    /** A packet length of 0. */
    ZERO_LENGTH_FRAME,
    /** A packet length over the maximum. */
    OVERSIZE_FRAME,
    /** The acceptor returned no receiver ({@code max-clients} reached, or similar). */
    REFUSED,
    /** The acceptor threw. */
    ACCEPTOR_FAILED,
    /** The transport was stopped (bundle stopped or reconfigured). */
    TRANSPORT_STOPPED
}
