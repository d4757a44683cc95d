package io.sluice.api.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Where a transport delivers the packets it reads.
 *
 * <p>Called on a transport I/O thread, which must never block. The buffer holds exactly
 * one OpenVPN packet between its position and limit and belongs to the transport: it is
 * valid only during the call, so a receiver that keeps any of it copies it.
 */
@FunctionalInterface
public interface PacketReceiver {

    /** One packet arrived on {@code link} from {@code from}. */
    void received(PacketLink link, InetSocketAddress from, ByteBuffer packet);

    /**
     * The link ended: closed locally ({@code cause} is null), by the peer or by an I/O
     * error. Nothing more is delivered for it.
     */
    default void closed(PacketLink link, Throwable cause) {
    }
}
