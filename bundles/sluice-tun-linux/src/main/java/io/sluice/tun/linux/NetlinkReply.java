package io.sluice.tun.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kernel's answer to a query sent without NLM_F_ACK (an RTM_GETROUTE, say): either one message
 * of the expected type, or an NLMSG_ERROR with a negative errno in its place.
 *
 * @param message the answering message, header included; empty when the kernel refused
 * @param error   the refusal; {@link NetlinkAck#ok()} when a message came
 */
record NetlinkReply(Optional<byte[]> message, NetlinkAck error) {

    private static final NetlinkAck NONE = new NetlinkAck(0, "");

    boolean ok() {
        return message.isPresent();
    }

    /**
     * Finds the answer to request {@code seq} among the messages in {@code data[0..length)}: a
     * message of {@code type}, or an error. Empty if there is neither; other messages, and
     * acknowledgements without an error, are skipped.
     */
    static Optional<NetlinkReply> find(byte[] data, int length, int seq, int type) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
        int at = 0;
        while (at + Netlink.NLMSGHDR_SIZE <= length) {
            int len = b.getInt(at);
            int msgType = Short.toUnsignedInt(b.getShort(at + 4));
            int flags = Short.toUnsignedInt(b.getShort(at + 6));
            int msgSeq = b.getInt(at + 8);
            if (len < Netlink.NLMSGHDR_SIZE || at + len > length) {
                break; // truncated or malformed: nothing more to trust
            }
            if (msgSeq == seq) {
                if (msgType == type) {
                    return Optional.of(new NetlinkReply(Optional.of(Arrays.copyOfRange(data, at, at + len)), NONE));
                }
                if (msgType == Netlink.NLMSG_ERROR && len >= Netlink.NLMSGHDR_SIZE + Netlink.NLMSGERR_SIZE) {
                    NetlinkAck ack = NetlinkAck.parse(b, at, len, flags);
                    if (!ack.ok()) {
                        return Optional.of(new NetlinkReply(Optional.empty(), ack));
                    }
                }
            }
            at += Netlink.align(len);
        }
        return Optional.empty();
    }
}
