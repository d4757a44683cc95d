package io.sluice.tun.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds one netlink request: the {@code nlmsghdr}, a fixed family header ({@code ifinfomsg},
 * {@code ifaddrmsg}, {@code rtmsg}) written field by field, then type-length-value attributes, each
 * padded to 4 bytes. Numbers are in host byte order as netlink wants; addresses are written as
 * {@link java.net.InetAddress#getAddress()} gives them, in network order, as the kernel wants.
 */
final class NetlinkMessage {

    private static final int MAX = 4096;

    private final ByteBuffer buf = ByteBuffer.allocate(MAX).order(ByteOrder.nativeOrder());
    private final int type;

    NetlinkMessage(int type, int flags) {
        this.type = type;
        buf.putInt(0);                // nlmsg_len, filled in by bytes()
        buf.putShort((short) type);   // nlmsg_type
        buf.putShort((short) flags);  // nlmsg_flags
        buf.putInt(0);                // nlmsg_seq, filled in by bytes()
        buf.putInt(0);                // nlmsg_pid: 0, the kernel fills in our port id
    }

    int type() {
        return type;
    }

    NetlinkMessage u8(int v) {
        buf.put((byte) v);
        return this;
    }

    NetlinkMessage u16(int v) {
        buf.putShort((short) v);
        return this;
    }

    NetlinkMessage u32(int v) {
        buf.putInt(v);
        return this;
    }

    /** An attribute with a raw value (an address in network byte order, say). */
    NetlinkMessage attr(int attrType, byte[] value) {
        int len = Netlink.ATTR_HEADER_SIZE + value.length;
        buf.putShort((short) len);
        buf.putShort((short) attrType);
        buf.put(value);
        pad();
        return this;
    }

    /** An attribute holding a host-order u32 (an interface index, an MTU, a metric). */
    NetlinkMessage attrU32(int attrType, int value) {
        buf.putShort((short) (Netlink.ATTR_HEADER_SIZE + Integer.BYTES));
        buf.putShort((short) attrType);
        buf.putInt(value);
        return this;
    }

    private void pad() {
        while (buf.position() % Netlink.ALIGN != 0) {
            buf.put((byte) 0);
        }
    }

    /** The finished message with {@code seq} as its sequence number. */
    byte[] bytes(int seq) {
        pad();
        int len = buf.position();
        ByteBuffer out = ByteBuffer.wrap(Arrays.copyOf(buf.array(), len)).order(ByteOrder.nativeOrder());
        out.putInt(0, len);
        out.putInt(8, seq);
        return out.array();
    }
}
