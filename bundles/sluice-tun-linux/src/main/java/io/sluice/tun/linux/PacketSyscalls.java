package io.sluice.tun.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import java.nio.ByteBuffer;

/**
 * The system calls made once per packet, bound with JNA <em>direct mapping</em>.
 *
 * <p>Why not the {@link LibC} interface: an interface-mapped call goes through a proxy that boxes its
 * arguments into an {@code Object[]}, about 64 bytes of garbage per call; a directly mapped native
 * method is called like JNI and allocates nothing. A direct {@link ByteBuffer} argument reaches the
 * kernel as a pointer to the buffer's <em>position</em>, so packets are neither copied nor sliced.
 *
 * <p>The class holds no state: the static initializer only binds the native methods below to glibc,
 * once per class loader. Failures return -1 with errno in {@code Native.getLastError()}.
 */
final class PacketSyscalls {

    static {
        Native.register(PacketSyscalls.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private PacketSyscalls() {
    }

    /** {@code read(2)} into a direct buffer from its position. */
    static native long read(int fd, ByteBuffer dst, long count);

    /** {@code read(2)} into a Java array (JNA copies it out and back: the slow path for heap buffers). */
    static native long read(int fd, byte[] dst, long count);

    /** {@code write(2)} from a direct buffer at its position. */
    static native long write(int fd, ByteBuffer src, long count);

    /** {@code write(2)} from a Java array (copied by JNA). */
    static native long write(int fd, byte[] src, long count);

    /** {@code poll(2)} over {@code nfds} {@code struct pollfd}s in a direct buffer. */
    static native int poll(ByteBuffer fds, long nfds, int timeoutMillis);
}
