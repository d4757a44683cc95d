package io.sluice.api.tun;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open TUN or TAP device. Closing it removes the device (unless the OS keeps persistent
 * devices) together with the addresses and routes set through it.
 *
 * <p>{@link #read} and {@link #write} carry one packet (TUN) or frame (TAP) each, without
 * any packet-information header. One thread reads while others write.
 */
public interface TunDevice extends AutoCloseable {

    /** The name the OS gave the device ({@code tun0}). */
    String name();

    DeviceType type();

    int mtu();

    /**
     * Reads one packet into {@code dst} from its position, blocking until one arrives.
     *
     * @return bytes read, or -1 once the device is closed
     */
    int read(ByteBuffer dst) throws IOException;

    /** Writes one packet, the bytes from the buffer's position to its limit. */
    void write(ByteBuffer packet) throws IOException;

    void setMtu(int mtu) throws IOException;

    void addAddress(IfAddress address) throws IOException;

    void removeAddress(IfAddress address) throws IOException;

    /** Brings the link up or down. */
    void setUp(boolean up) throws IOException;

    /** Adds a route through this device. */
    void addRoute(Route route) throws IOException;

    void removeRoute(Route route) throws IOException;

    /** Closes the device; a blocked {@link #read} returns -1. Idempotent. */
    @Override
    void close();
}
