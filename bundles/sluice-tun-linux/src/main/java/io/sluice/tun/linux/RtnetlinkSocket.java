package io.sluice.tun.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A {@code NETLINK_ROUTE} socket for one request and its acknowledgement.
 *
 * <p>A fresh socket per request keeps devices independent (no socket, sequence counter or lock is
 * shared between them) and makes stale answers impossible; configuration changes are rare enough
 * that the two extra system calls do not matter. The kernel handles a request while it is being
 * sent, so the acknowledgement is queued by the time {@code send} returns; a receive timeout is set
 * all the same so that a surprise can never hang the caller.
 */
final class RtnetlinkSocket implements AutoCloseable {

    private static final int SEQ = 1;
    private static final int RECEIVE_BUFFER = 8192;
    private static final long RECEIVE_TIMEOUT_SECONDS = 5;

    private final LibC libc;
    private final int fd;

    private RtnetlinkSocket(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    static RtnetlinkSocket open(LibC libc) throws IOException {
        int fd = libc.socket(LinuxConstants.AF_NETLINK, LinuxConstants.SOCK_RAW | LinuxConstants.SOCK_CLOEXEC,
                LinuxConstants.NETLINK_ROUTE);
        if (fd < 0) {
            throw Errors.last(libc, "socket(AF_NETLINK, NETLINK_ROUTE)");
        }
        RtnetlinkSocket s = new RtnetlinkSocket(libc, fd);
        // Best effort: without these, errors simply come without the kernel's explanation.
        s.setInt(LinuxConstants.SOL_NETLINK, LinuxConstants.NETLINK_CAP_ACK, 1);
        s.setInt(LinuxConstants.SOL_NETLINK, LinuxConstants.NETLINK_EXT_ACK, 1);
        byte[] timeval = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putLong(RECEIVE_TIMEOUT_SECONDS).putLong(0).array(); // struct timeval { long sec; long usec; }
        libc.setsockopt(fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_RCVTIMEO, timeval, timeval.length);
        return s;
    }

    private void setInt(int level, int name, int value) {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        libc.setsockopt(fd, level, name, v, v.length);
    }

    /**
     * Sends the request and waits for its acknowledgement.
     *
     * @param what names the change in error messages ("add address 10.9.0.1/24 to tun0")
     * @throws IOException with the errno text and the kernel's explanation if it refused
     */
    void execute(NetlinkMessage request, String what) throws IOException {
        byte[] msg = request.bytes(SEQ);
        long sent;
        do {
            sent = libc.send(fd, msg, msg.length, 0);
        } while (sent < 0 && Errors.lastErrno() == LinuxConstants.EINTR);
        if (sent < 0) {
            throw Errors.last(libc, what + ": netlink send");
        }
        byte[] in = new byte[RECEIVE_BUFFER];
        while (true) {
            long n = libc.recv(fd, in, in.length, 0);
            if (n < 0) {
                int errno = Errors.lastErrno();
                if (errno == LinuxConstants.EINTR) {
                    continue;
                }
                throw Errors.of(libc, what + ": no answer from the kernel", errno, null);
            }
            Optional<NetlinkAck> ack = NetlinkAck.find(in, (int) n, SEQ);
            if (ack.isPresent()) {
                if (!ack.get().ok()) {
                    throw Errors.of(libc, what, ack.get().errno(), ack.get().message());
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        libc.close(fd);
    }
}
