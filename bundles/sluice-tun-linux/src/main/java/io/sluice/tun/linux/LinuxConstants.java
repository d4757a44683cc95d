package io.sluice.tun.linux;

/**
 * Numbers from the Linux UAPI and glibc headers this driver needs, each with the header it comes
 * from. The values are those of the "asm-generic" ABI shared by x86-64, arm64 and riscv64; other
 * architectures (mips, sparc, alpha, parisc, powerpc) encode ioctls or open flags differently, which
 * is why {@link LinuxAbi} refuses them.
 */
final class LinuxConstants {

    private LinuxConstants() {
    }

    // --- asm-generic/fcntl.h ---
    static final int O_RDWR = 0x2;           // 00000002
    static final int O_NONBLOCK = 0x800;     // 00004000
    static final int O_CLOEXEC = 0x80000;    // 02000000

    // --- sys/eventfd.h (glibc): the flags are the open(2) flags of the same meaning ---
    static final int EFD_NONBLOCK = O_NONBLOCK;
    static final int EFD_CLOEXEC = O_CLOEXEC;

    // --- asm-generic/poll.h; struct pollfd { int fd; short events; short revents; } ---
    static final short POLLIN = 0x0001;
    static final short POLLOUT = 0x0004;
    static final short POLLERR = 0x0008;
    static final short POLLHUP = 0x0010;
    static final short POLLNVAL = 0x0020;
    static final int POLLFD_SIZE = 8;
    static final int POLLFD_EVENTS_OFFSET = 4;
    static final int POLLFD_REVENTS_OFFSET = 6;

    // --- asm-generic/errno-base.h, asm-generic/errno.h ---
    /** "No such process": what the kernel answers to deleting a route it does not have. */
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    /** A route lookup hit a "prohibit" route. */
    static final int EACCES = 13;
    /** Adding with NLM_F_EXCL a route whose network and metric the table already has. */
    static final int EEXIST = 17;
    static final int ENODEV = 19;
    /** A route lookup hit a "blackhole" route (also the answer to a malformed request). */
    static final int EINVAL = 22;
    /** A route lookup found no route, or a "throw" route. */
    static final int ENETUNREACH = 101;
    /** A route lookup hit an "unreachable" route. */
    static final int EHOSTUNREACH = 113;

    // --- linux/if.h ---
    /** Interface names are at most IFNAMSIZ - 1 bytes plus a terminating NUL. */
    static final int IFNAMSIZ = 16;
    static final int IFF_UP = 0x1;

    // --- linux/if_tun.h ---
    static final int IFF_TUN = 0x0001;
    static final int IFF_TAP = 0x0002;
    /** No 4-byte packet-information header before each packet: OpenVPN's framing has none either. */
    static final int IFF_NO_PI = 0x1000;
    /** TUNSETIFF = _IOW('T', 202, int) = 0x400454ca. */
    static final long TUNSETIFF = Ioctl.iow('T', 202, Integer.BYTES);

    // --- linux/socket.h, asm-generic/socket.h, linux/netlink.h ---
    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = O_CLOEXEC;
    static final int NETLINK_ROUTE = 0;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;       // SO_RCVTIMEO_OLD: takes a struct timeval (16 bytes on LP64)
    static final int SOL_NETLINK = 270;
    /** Ask for errors without the echoed request (we know what we sent). */
    static final int NETLINK_CAP_ACK = 10;
    /** Ask for the kernel's error text (NLMSGERR_ATTR_MSG) with each error. */
    static final int NETLINK_EXT_ACK = 11;
}
