package io.sluice.tun.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A {@code NETLINK_ROUTE} socket for one request and its answer, or a few in turn (a route lookup
 * asks twice). Not for use by several threads.
 *
 * <p>A fresh socket per request keeps devices independent (no socket, sequence counter or lock is
 * shared between them) and makes stale answers impossible; configuration changes are rare enough
 * that the two extra system calls do not matter. The kernel handles a request while it is being
 * sent, so the acknowledgement is queued by the time {@code send} returns; a receive timeout is set
 * all the same so that a surprise can never hang the caller.
 */
final class RtnetlinkSocket implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 8192;
    private static final long RECEIVE_TIMEOUT_SECONDS = 5;

    private final LibC libc;
    private final int fd;
    /** Sequence number of the next request; answers are matched to requests by it. */
    private int nextSeq = 1;

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
        NetlinkAck ack = send(request, what);
        if (!ack.ok()) {
            throw Errors.of(libc, what, ack.errno(), ack.message());
        }
    }

    /**
     * Sends a request made with NLM_F_ACK and returns the kernel's acknowledgement, a refusal
     * included, for callers to whom some refusals are answers ("File exists", "No such process").
     *
     * @throws IOException if the request could not be sent or no answer came
     */
    NetlinkAck send(NetlinkMessage request, String what) throws IOException {
        int seq = transmit(request, what);
        return receive(what, (in, n) -> NetlinkAck.find(in, n, seq));
    }

    /**
     * Sends a query made without NLM_F_ACK, which the kernel answers with one message of
     * {@code replyType} ({@code RTM_GETROUTE} with {@code RTM_NEWROUTE}) or with an error.
     *
     * @throws IOException if the query could not be sent or no answer came
     */
    NetlinkReply query(NetlinkMessage request, int replyType, String what) throws IOException {
        int seq = transmit(request, what);
        return receive(what, (in, n) -> NetlinkReply.find(in, n, seq, replyType));
    }

    /** Sends the request with the next sequence number and returns that number. */
    private int transmit(NetlinkMessage request, String what) throws IOException {
        int seq = nextSeq++;
        byte[] msg = request.bytes(seq);
        long sent;
        do {
            sent = libc.send(fd, msg, msg.length, 0);
        } while (sent < 0 && Errors.lastErrno() == LinuxConstants.EINTR);
        if (sent < 0) {
            throw Errors.last(libc, what + ": netlink send");
        }
        return seq;
    }

    /** Reads datagrams until {@code answer} finds what it is looking for in one. */
    private <T> T receive(String what, Answer<T> answer) throws IOException {
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
            Optional<T> found = answer.find(in, (int) n);
            if (found.isPresent()) {
                return found.get();
            }
        }
    }

    /** Looks for the answer to one request in a received datagram of {@code length} bytes. */
    private interface Answer<T> {
        Optional<T> find(byte[] data, int length);
    }

    @Override
    public void close() {
        libc.close(fd);
    }
}
