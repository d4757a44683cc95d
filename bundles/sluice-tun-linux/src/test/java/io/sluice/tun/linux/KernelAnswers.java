package io.sluice.tun.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Answers to RTM_GETROUTE exactly as a Linux 6.18 kernel (x86-64, little-endian) sent them, recorded
 * in a scratch network namespace set up like {@code HostRoutesIT}'s client: {@code v0} (index 3) with
 * 198.18.50.1/24 and fd18:50::1/64, default routes via 198.18.50.2 metric 100 and fd18:50::2
 * metric 300. Each was sent with sequence number 7; {@link #withSeq} renumbers a copy.
 */
final class KernelAnswers {

    private KernelAnswers() {
    }

    /** {@code ip route get 198.19.77.1}: via 198.18.50.2 dev v0 src 198.18.50.1 (RTA_UID, RTA_CACHEINFO too). */
    static final String V4_PATH_VIA_DEFAULT = "700000001800000007000000bb10000002200000fe00000100020000"
            + "08000f00fe00000008000100c6134d01080004000300000008000700c612320108000500c6123202"
            + "080019000000000024000c0002000000000000000000000000000000000000000000000000000000"
            + "00000000";

    /** {@code ip route get fibmatch 198.19.77.1}: default via 198.18.50.2 dev v0 proto boot metric 100. */
    static final String V4_FIB_DEFAULT = "3c0000001800000007000000bb10000002000000fe03000100000000"
            + "08000f00fe000000080006006400000008000500c61232020800040003000000";

    /** {@code ip route get 198.18.50.7}: dev v0 src 198.18.50.1, no gateway. */
    static final String V4_PATH_ON_LINK = "680000001800000007000000bb10000002200000fe00000100020000"
            + "08000f00fe00000008000100c6123207080004000300000008000700c61232010800190000000000"
            + "24000c000200000000000000000000000000000000000000000000000000000000000000";

    /** {@code ip route get fibmatch 198.18.50.7}: 198.18.50.0/24 dev v0 proto kernel scope link src 198.18.50.1. */
    static final String V4_FIB_ON_LINK = "3c0000001800000007000000bb10000002180000fe02fd0100000000"
            + "08000f00fe00000008000100c612320008000700c61232010800040003000000";

    /** {@code ip -6 route get fd18:99::1}: from :: via fd18:50::2 dev v0 src fd18:50::1 metric 300 pref medium. */
    static final String V6_PATH_VIA_DEFAULT = "b00000001800000007000000bb1000000a808000fe03000100000000"
            + "08000f00fe00000014000100fd180099000000000000000000000001"
            + "140002000000000000000000000000000000000014000700fd180050000000000000000000000001"
            + "080006002c01000014000500fd180050000000000000000000000002080004000300000024000c00"
            + "02000000000000000000000000000000000000000000000000000000000000000500140000000000";

    /** {@code ip -6 route get fibmatch fd18:99::1}: default via fd18:50::2 dev v0 proto boot metric 300. */
    static final String V6_FIB_DEFAULT = "740000001800000007000000bb1000000a000000fe03000100000000"
            + "08000f00fe000000080006002c01000014000500fd180050000000000000000000000002"
            + "080004000300000024000c0000000000000000000000000000000000000000000000000000000000"
            + "000000000500140000000000";

    /** {@code ip -6 route get fd18:50::7}: dev v0 proto kernel src fd18:50::1 metric 256, no gateway. */
    static final String V6_PATH_ON_LINK = "9c0000001800000007000000bb1000000a808000fe02000100000000"
            + "08000f00fe00000014000100fd180050000000000000000000000007"
            + "140002000000000000000000000000000000000014000700fd180050000000000000000000000001"
            + "0800060000010000080004000300000024000c0002000000000000000000000000000000000000000000"
            + "000000000000000000000500140000000000";

    /** {@code ip -6 route get fibmatch fd18:50::7}: fd18:50::/64 dev v0 proto kernel metric 256. */
    static final String V6_FIB_ON_LINK = "740000001800000007000000bb1000000a400000fe02000100000000"
            + "08000f00fe00000014000100fd180050000000000000000000000000"
            + "0800060000010000080004000300000024000c0000000000000000000000000000000000000000000000"
            + "000000000000000000000500140000000000";

    /**
     * {@code ip route get 198.19.77.1} without a default route: NLMSG_ERROR -101 (ENETUNREACH) with
     * the whole request echoed (that socket had not asked for NETLINK_CAP_ACK).
     */
    static final String V4_NO_ROUTE = "380000000200000007000000e51000009bffffff"
            + "240000001a000100070000000000000002200000000000000000000008000100c6134d01";

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A copy of {@code hex}'s message with sequence number {@code seq}. */
    static byte[] withSeq(String hex, int seq) {
        byte[] m = bytes(hex);
        ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).putInt(8, seq);
        return m;
    }

    /**
     * An NLMSG_ERROR for request {@code seq} as a socket with NETLINK_CAP_ACK and NETLINK_EXT_ACK gets
     * it: the errno negated, the request's header only, and the kernel's text if any.
     */
    static byte[] error(int seq, int errno, String text) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        int flags = Netlink.NLM_F_CAPPED | (text != null ? Netlink.NLM_F_ACK_TLVS : 0);
        b.putInt(0).putShort((short) Netlink.NLMSG_ERROR).putShort((short) flags).putInt(seq).putInt(4283);
        b.putInt(-errno);
        b.putInt(36).putShort((short) Netlink.RTM_GETROUTE).putShort((short) 1).putInt(seq).putInt(0);
        if (text != null) {
            byte[] t = (text + "\0").getBytes(StandardCharsets.UTF_8);
            b.putShort((short) (4 + t.length)).putShort((short) Netlink.NLMSGERR_ATTR_MSG).put(t);
            while (b.position() % 4 != 0) {
                b.put((byte) 0);
            }
        }
        int len = b.position();
        b.putInt(0, len);
        return Arrays.copyOf(b.array(), len);
    }
}
