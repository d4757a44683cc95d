package io.sluice.core.log;

/**
 * Kinds of message that can repeat without end when something outside is wrong (a dead link, a
 * peer sending garbage); OpenVPN's {@code --mute n} writes at most n of them in a row (its
 * {@code LOGLEV} mute levels, errlevel.h). Messages without a category are never muted.
 */
public enum LogCategory {
    /** Sending to or receiving from the network failed. */
    LINK_ERRORS,
    /** A packet was refused: garbage, a bad source address, a failed authentication. */
    PACKET_DROPS,
    /** A TLS or control-channel error. */
    TLS_ERRORS
}
