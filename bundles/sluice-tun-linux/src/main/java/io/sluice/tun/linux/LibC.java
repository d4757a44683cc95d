package io.sluice.tun.linux;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;

/**
 * The glibc functions of the control plane (opening devices, netlink, errno text), loaded with
 * {@code Native.load} and held by the driver instance. JNA's interface mapping allocates a little on
 * every call, which is irrelevant here; the per-packet calls are in {@link PacketSyscalls}.
 *
 * <p>Every function returns -1 (or 0 for {@code if_nametoindex}) on failure with the reason in
 * {@code errno}, which JNA keeps for the calling thread: read it with {@code Native.getLastError()}
 * straight after the call. {@code size_t} and {@code unsigned long} are Java {@code long}, which is
 * right on the LP64 platforms {@link LinuxAbi} allows.
 */
interface LibC extends Library {

    int open(String path, int flags);

    int close(int fd);

    /** {@code ioctl(fd, request, arg)} with a pointer to a direct buffer at its position. */
    int ioctl(int fd, long request, ByteBuffer arg);

    int eventfd(int initialValue, int flags);

    long write(int fd, byte[] buf, long count);

    int socket(int domain, int type, int protocol);

    int setsockopt(int fd, int level, int name, byte[] value, int length);

    long send(int fd, byte[] buf, long length, int flags);

    long recv(int fd, byte[] buf, long length, int flags);

    /** The interface index of {@code name}, or 0. */
    int if_nametoindex(String name);

    /**
     * Writes the name of interface {@code index} into {@code name} (IFNAMSIZ bytes, NUL-terminated);
     * returns null if there is no such interface. Only the null test is meaningful on the Java side:
     * the pointer refers to JNA's temporary copy of the array, which the call copies back.
     */
    Pointer if_indextoname(int index, byte[] name);

    String strerror(int errno);
}
