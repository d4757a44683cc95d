package io.sluice.tun.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The kernel's answer to a request sent with NLM_F_ACK: an NLMSG_ERROR message whose error is 0 for
 * success or a negative errno, followed (with NETLINK_EXT_ACK) by attributes of which we read the
 * error text.
 *
 * @param errno   0 on success, otherwise the (positive) errno
 * @param message the kernel's extended-ack text, or empty
 */
record NetlinkAck(int errno, String message) {

    boolean ok() {
        return errno == 0;
    }

    /**
     * Finds the acknowledgement of request {@code seq} among the messages in {@code data[0..length)};
     * empty if there is none (other messages are skipped).
     */
    static Optional<NetlinkAck> find(byte[] data, int length, int seq) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
        int at = 0;
        while (at + Netlink.NLMSGHDR_SIZE <= length) {
            int len = b.getInt(at);
            int type = Short.toUnsignedInt(b.getShort(at + 4));
            int flags = Short.toUnsignedInt(b.getShort(at + 6));
            int msgSeq = b.getInt(at + 8);
            if (len < Netlink.NLMSGHDR_SIZE || at + len > length) {
                break; // truncated or malformed: nothing more to trust
            }
            if (type == Netlink.NLMSG_ERROR && msgSeq == seq && len >= Netlink.NLMSGHDR_SIZE + Netlink.NLMSGERR_SIZE) {
                return Optional.of(parse(b, at, len, flags));
            }
            at += Netlink.align(len);
        }
        return Optional.empty();
    }

    /**
     * Reads the NLMSG_ERROR message of {@code len} bytes at {@code at} (at least a header and a
     * {@code struct nlmsgerr}) whose header flags are {@code flags}.
     */
    static NetlinkAck parse(ByteBuffer b, int at, int len, int flags) {
        int payload = at + Netlink.NLMSGHDR_SIZE;
        int error = b.getInt(payload);
        String text = "";
        if ((flags & Netlink.NLM_F_ACK_TLVS) != 0) {
            // After struct nlmsgerr comes the echoed request: only its header if capped, else all of it.
            int echoed = Netlink.NLMSGHDR_SIZE;
            if ((flags & Netlink.NLM_F_CAPPED) == 0) {
                echoed = b.getInt(payload + 4);
            }
            int attr = payload + 4 + Netlink.align(echoed);
            int end = at + len;
            while (attr + Netlink.ATTR_HEADER_SIZE <= end) {
                int alen = Short.toUnsignedInt(b.getShort(attr));
                int atype = Short.toUnsignedInt(b.getShort(attr + 2)) & 0x3fff; // without NLA_F_NESTED/NET_BYTEORDER
                if (alen < Netlink.ATTR_HEADER_SIZE || attr + alen > end) {
                    break;
                }
                if (atype == Netlink.NLMSGERR_ATTR_MSG) {
                    text = cString(b, attr + Netlink.ATTR_HEADER_SIZE, alen - Netlink.ATTR_HEADER_SIZE);
                }
                attr += Netlink.align(alen);
            }
        }
        return new NetlinkAck(-error, text);
    }

    private static String cString(ByteBuffer b, int from, int max) {
        int n = 0;
        while (n < max && b.get(from + n) != 0) {
            n++;
        }
        byte[] bytes = new byte[n];
        b.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
