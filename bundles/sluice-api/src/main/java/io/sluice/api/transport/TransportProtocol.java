package io.sluice.api.transport;

/** The two kinds of OpenVPN transport. */
public enum TransportProtocol {
    /** One OpenVPN packet per datagram. */
    UDP,
    /** A byte stream; each OpenVPN packet is preceded by its length as 2 bytes, big-endian. */
    TCP
}
