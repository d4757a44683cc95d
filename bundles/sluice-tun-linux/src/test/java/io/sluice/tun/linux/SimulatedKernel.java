package io.sluice.tun.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link LibC} whose netlink sockets are answered by a script instead of the kernel, for testing the
 * logic around the requests without root and without looking at the host's real routes. Interfaces
 * are a fixed name-index table; every request sent is recorded; answers are queued per socket and a
 * socket with none queued times out as a real one with SO_RCVTIMEO would (EAGAIN).
 */
final class SimulatedKernel implements LibC {

    /** asm-generic/errno-base.h: what a change without CAP_NET_ADMIN gets. */
    static final int EPERM = 1;
    /** asm-generic/errno-base.h: what if_indextoname sets for an unknown index. */
    static final int ENXIO = 6;

    private final Map<String, Integer> interfaces;
    private final Function<byte[], List<byte[]>> answer;
    private final List<byte[]> sent = new ArrayList<>();
    private final Map<Integer, Deque<byte[]>> queued = new HashMap<>();
    private final Set<Integer> open = new HashSet<>();
    private int nextFd = 100;

    /**
     * @param interfaces name to index
     * @param answer     the messages the kernel sends back for one request (its bytes, sequence
     *                   number included)
     */
    SimulatedKernel(Map<String, Integer> interfaces, Function<byte[], List<byte[]>> answer) {
        this.interfaces = Map.copyOf(interfaces);
        this.answer = answer;
    }

    /** The requests sent so far, in order. */
    List<byte[]> sent() {
        return List.copyOf(sent);
    }

    /** Sockets opened and not closed. */
    int openSockets() {
        return open.size();
    }

    static int seq(byte[] request) {
        return ByteBuffer.wrap(request).order(ByteOrder.nativeOrder()).getInt(8);
    }

    static int type(byte[] request) {
        return Short.toUnsignedInt(ByteBuffer.wrap(request).order(ByteOrder.nativeOrder()).getShort(4));
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        if (domain != LinuxConstants.AF_NETLINK || protocol != LinuxConstants.NETLINK_ROUTE) {
            throw new AssertionError("only rtnetlink sockets are simulated");
        }
        int fd = nextFd++;
        open.add(fd);
        queued.put(fd, new ArrayDeque<>());
        return fd;
    }

    @Override
    public int setsockopt(int fd, int level, int name, byte[] value, int length) {
        return 0;
    }

    @Override
    public long send(int fd, byte[] buf, long length, int flags) {
        requireOpen(fd);
        byte[] request = Arrays.copyOf(buf, (int) length);
        sent.add(request);
        queued.get(fd).addAll(answer.apply(request));
        return length;
    }

    @Override
    public long recv(int fd, byte[] buf, long length, int flags) {
        requireOpen(fd);
        byte[] next = queued.get(fd).poll();
        if (next == null) {
            Native.setLastError(LinuxConstants.EAGAIN);
            return -1;
        }
        int n = Math.min(next.length, (int) length);
        System.arraycopy(next, 0, buf, 0, n);
        return n;
    }

    @Override
    public int close(int fd) {
        requireOpen(fd);
        open.remove(fd);
        queued.remove(fd);
        return 0;
    }

    private void requireOpen(int fd) {
        if (!open.contains(fd)) {
            throw new AssertionError("fd " + fd + " is not an open socket");
        }
    }

    @Override
    public int if_nametoindex(String name) {
        Integer index = interfaces.get(name);
        if (index == null) {
            Native.setLastError(LinuxConstants.ENODEV);
            return 0;
        }
        return index;
    }

    @Override
    public Pointer if_indextoname(int index, byte[] name) {
        for (Map.Entry<String, Integer> e : interfaces.entrySet()) {
            if (e.getValue() == index) {
                Arrays.fill(name, (byte) 0);
                byte[] n = e.getKey().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(n, 0, name, 0, n.length);
                return Pointer.createConstant(1); // any non-null pointer
            }
        }
        Native.setLastError(ENXIO);
        return null;
    }

    @Override
    public String strerror(int errno) {
        return switch (errno) {
            case LinuxConstants.ESRCH -> "No such process";
            case LinuxConstants.EEXIST -> "File exists";
            case LinuxConstants.ENODEV -> "No such device";
            case EPERM -> "Operation not permitted";
            case LinuxConstants.ENETUNREACH -> "Network is unreachable";
            default -> "Unknown error " + errno;
        };
    }

    @Override
    public int open(String path, int flags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int ioctl(int fd, long request, ByteBuffer arg) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int eventfd(int initialValue, int flags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long write(int fd, byte[] buf, long count) {
        throw new UnsupportedOperationException();
    }
}
