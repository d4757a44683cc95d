package io.sluice.tun.linux;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunDevice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Consumer;

/**
 * An open TUN or TAP device: a non-blocking fd on {@code /dev/net/tun} attached to the interface,
 * plus an eventfd that {@link #close()} signals to wake waiting threads.
 *
 * <p><b>Packets.</b> {@link #read} and {@link #write} move one packet per call between the kernel and
 * the buffer's position..limit. With a direct buffer nothing is copied and nothing allocated: the
 * kernel reads or writes the buffer's memory (see {@link PacketSyscalls}). Heap buffers work too, but
 * through a temporary array, so every packet is copied once more and allocates. Reading first tries
 * the fd and, when nothing is queued, waits in {@code poll} for the fd or the eventfd.
 *
 * <p><b>Threads.</b> One thread reads while others write; nothing on the data path takes a lock,
 * only a per-device {@link CloseGate}. {@link #close()} may be called from any thread: it wakes a
 * blocked reader (which returns -1) and a writer waiting for room (which throws
 * {@link AsynchronousCloseException}), waits until both have left their system calls, and only then
 * closes the descriptors, so no thread ever uses an fd number after it could have been reused.
 *
 * <p><b>Configuration.</b> MTU, link state, addresses and routes go through rtnetlink by interface
 * index (see the package documentation for why), each as one request the kernel acknowledges or
 * refuses with an errno, reported as an {@link IOException} naming the change.
 */
final class LinuxTunDevice implements TunDevice {

    private final LibC libc;
    private final String name;
    private final DeviceType type;
    private final int ifindex;
    private final int fd;
    private final int wakeFd;
    private final Consumer<LinuxTunDevice> onClose;
    private final CloseGate gate = new CloseGate();
    /** pollfd[2] = { {fd, POLLIN}, {wakeFd, POLLIN} } for the reader; only revents ever changes. */
    private final ByteBuffer readPoll;
    private final Object closeLock = new Object();
    private volatile int mtu;
    private boolean closed; // guarded by closeLock

    LinuxTunDevice(LibC libc, String name, DeviceType type, int ifindex, int fd, int wakeFd, int mtu,
            Consumer<LinuxTunDevice> onClose) {
        this.libc = libc;
        this.name = name;
        this.type = type;
        this.ifindex = ifindex;
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.mtu = mtu;
        this.onClose = onClose;
        this.readPoll = pollFds(fd, LinuxConstants.POLLIN, wakeFd);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeviceType type() {
        return type;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    int ifindex() {
        return ifindex;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code dst} needs room for a whole packet: the MTU for TUN, the MTU plus 18 bytes (Ethernet
     * header and a VLAN tag) for TAP. The kernel cuts a packet that does not fit; on a TUN device that
     * is detected from the IP header and reported as an {@link IOException} (the packet is lost), on
     * a TAP device it cannot be told from a short frame. The position advances by the bytes read.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            throw new IllegalArgumentException("no room in the buffer for a packet");
        }
        if (!gate.enter()) {
            return -1;
        }
        try {
            while (true) {
                int room = dst.remaining();
                int start = dst.position();
                long n = dst.isDirect() ? PacketSyscalls.read(fd, dst, room) : readHeap(dst, room);
                if (n >= 0) {
                    // A full buffer may mean a cut packet: the kernel returns what fit, not the packet's length.
                    if (n == room && type == DeviceType.TUN && IpLength.truncated(dst, start, room)) {
                        throw new IOException("read from " + name + ": a packet of " + IpLength.claimed(dst, start, room)
                                + " bytes did not fit in " + room + " bytes of buffer and was lost");
                    }
                    dst.position(start + (int) n);
                    return (int) n;
                }
                int errno = Errors.lastErrno();
                if (errno == LinuxConstants.EINTR) {
                    continue;
                }
                if (errno != LinuxConstants.EAGAIN) {
                    throw Errors.of(libc, "read from " + name, errno, null);
                }
                if (!awaitReadable()) {
                    return -1;
                }
            }
        } finally {
            gate.exit();
        }
    }

    /** The slow path for heap buffers: read into a temporary array and copy to the buffer. */
    private long readHeap(ByteBuffer dst, int room) {
        byte[] tmp = new byte[room];
        long n = PacketSyscalls.read(fd, tmp, room);
        if (n > 0) {
            dst.put(dst.position(), tmp, 0, (int) n); // absolute: read() moves the position for both paths
        }
        return n;
    }

    /** Waits until the fd may have a packet (true) or the device is closing (false). */
    private boolean awaitReadable() throws IOException {
        while (true) {
            int r = PacketSyscalls.poll(readPoll, 2, -1);
            if (r < 0) {
                int errno = Errors.lastErrno();
                if (errno == LinuxConstants.EINTR) {
                    continue;
                }
                throw Errors.of(libc, "poll on " + name, errno, null);
            }
            // The eventfd only ever becomes readable when close() signals it, and then stays so.
            if (readPoll.getShort(LinuxConstants.POLLFD_SIZE + LinuxConstants.POLLFD_REVENTS_OFFSET) != 0
                    || gate.isClosed()) {
                return false;
            }
            // Readable, or an error (POLLERR when the interface was deleted): read() reports which.
            return true;
        }
    }

    @Override
    public void write(ByteBuffer packet) throws IOException {
        if (!gate.enter()) {
            throw new ClosedChannelException();
        }
        try {
            int len = packet.remaining();
            while (true) {
                long n = packet.isDirect() ? PacketSyscalls.write(fd, packet, len) : writeHeap(packet, len);
                if (n >= 0) {
                    if (n != len) {
                        throw new IOException("write to " + name + ": the kernel took " + n + " of " + len + " bytes");
                    }
                    packet.position(packet.limit());
                    return;
                }
                int errno = Errors.lastErrno();
                if (errno == LinuxConstants.EINTR) {
                    continue;
                }
                if (errno != LinuxConstants.EAGAIN) {
                    throw Errors.of(libc, "write " + len + " bytes to " + name, errno, null);
                }
                awaitWritable();
            }
        } finally {
            gate.exit();
        }
    }

    /** The slow path for heap (and read-only) buffers: copy into a temporary array. */
    private long writeHeap(ByteBuffer packet, int len) {
        byte[] tmp = new byte[len];
        packet.get(packet.position(), tmp);
        return PacketSyscalls.write(fd, tmp, len);
    }

    /**
     * Waits for room to write. Rare (a TUN fd is nearly always writable; EAGAIN means the kernel was
     * short of memory for the packet), so this path may allocate its own pollfds.
     */
    private void awaitWritable() throws IOException {
        ByteBuffer fds = pollFds(fd, LinuxConstants.POLLOUT, wakeFd);
        while (true) {
            int r = PacketSyscalls.poll(fds, 2, -1);
            if (r >= 0) {
                if (fds.getShort(LinuxConstants.POLLFD_SIZE + LinuxConstants.POLLFD_REVENTS_OFFSET) != 0
                        || gate.isClosed()) {
                    throw new AsynchronousCloseException();
                }
                return;
            }
            int errno = Errors.lastErrno();
            if (errno != LinuxConstants.EINTR) {
                throw Errors.of(libc, "poll on " + name, errno, null);
            }
        }
    }

    private static ByteBuffer pollFds(int fd, short events, int wakeFd) {
        ByteBuffer b = ByteBuffer.allocateDirect(2 * LinuxConstants.POLLFD_SIZE).order(ByteOrder.nativeOrder());
        b.putInt(0, fd).putShort(LinuxConstants.POLLFD_EVENTS_OFFSET, events);
        b.putInt(LinuxConstants.POLLFD_SIZE, wakeFd)
                .putShort(LinuxConstants.POLLFD_SIZE + LinuxConstants.POLLFD_EVENTS_OFFSET, LinuxConstants.POLLIN);
        return b;
    }

    @Override
    public void setMtu(int newMtu) throws IOException {
        configure(RtnetlinkRequests.setMtu(ifindex, newMtu), "set the MTU of " + name + " to " + newMtu);
        this.mtu = newMtu;
    }

    @Override
    public void addAddress(IfAddress address) throws IOException {
        configure(RtnetlinkRequests.address(true, ifindex, address),
                "add address " + RtnetlinkRequests.describe(address) + " to " + name);
    }

    @Override
    public void removeAddress(IfAddress address) throws IOException {
        configure(RtnetlinkRequests.address(false, ifindex, address),
                "remove address " + RtnetlinkRequests.describe(address) + " from " + name);
    }

    @Override
    public void setUp(boolean up) throws IOException {
        configure(RtnetlinkRequests.setUp(ifindex, up), "set " + name + (up ? " up" : " down"));
    }

    @Override
    public void addRoute(Route route) throws IOException {
        configure(RtnetlinkRequests.route(true, ifindex, route),
                "add route " + RtnetlinkRequests.describe(route) + " dev " + name);
    }

    @Override
    public void removeRoute(Route route) throws IOException {
        configure(RtnetlinkRequests.route(false, ifindex, route),
                "remove route " + RtnetlinkRequests.describe(route) + " dev " + name);
    }

    private void configure(NetlinkMessage request, String what) throws IOException {
        if (gate.isClosed()) {
            throw new ClosedChannelException();
        }
        try (RtnetlinkSocket socket = RtnetlinkSocket.open(libc)) {
            socket.execute(request, what);
        }
    }

    /**
     * Wakes waiting threads, waits until no thread is inside a system call on the fd, then closes it;
     * the kernel then deletes the (non-persistent) interface with its addresses and routes. Later
     * calls return at once, after the first has finished.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            // Wake first: a reader in poll() sees the eventfd, returns -1 and leaves the gate. An
            // eventfd write adds a host-order u64 to its counter (eventfd(2)); non-zero means readable.
            byte[] one = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder()).putLong(1).array();
            libc.write(wakeFd, one, one.length);
            gate.close();
            libc.close(fd);
            libc.close(wakeFd);
        }
        onClose.accept(this);
    }

    boolean isClosed() {
        return gate.isClosed();
    }

    @Override
    public String toString() {
        return name + " (" + type + ", index " + ifindex + ", mtu " + mtu + (gate.isClosed() ? ", closed" : "") + ")";
    }
}
