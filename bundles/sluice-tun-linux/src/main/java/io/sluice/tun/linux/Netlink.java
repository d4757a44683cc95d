package io.sluice.tun.linux;

/**
 * Numbers of the netlink protocol (linux/netlink.h) and of rtnetlink (linux/rtnetlink.h,
 * linux/if_addr.h, linux/if_link.h) that this driver sends or reads.
 */
final class Netlink {

    private Netlink() {
    }

    // --- linux/netlink.h: struct nlmsghdr { u32 len; u16 type; u16 flags; u32 seq; u32 pid; } ---
    static final int NLMSGHDR_SIZE = 16;
    /** Messages and attributes are padded to 4 bytes (NLMSG_ALIGNTO, RTA_ALIGNTO / NLA_ALIGNTO). */
    static final int ALIGN = 4;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLM_F_REQUEST = 0x01;
    static final int NLM_F_ACK = 0x04;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    /** On an NLMSG_ERROR: the echoed request was cut down to its header (NETLINK_CAP_ACK). */
    static final int NLM_F_CAPPED = 0x100;
    /** On an NLMSG_ERROR: extended-ack attributes follow (NETLINK_EXT_ACK). */
    static final int NLM_F_ACK_TLVS = 0x200;
    /** struct nlmsgerr { int error; struct nlmsghdr msg; } */
    static final int NLMSGERR_SIZE = 4 + NLMSGHDR_SIZE;
    /** enum nlmsgerr_attrs: the kernel's error text, a NUL-terminated string. */
    static final int NLMSGERR_ATTR_MSG = 1;
    /** struct nlattr / struct rtattr { u16 len; u16 type; } */
    static final int ATTR_HEADER_SIZE = 4;

    // --- linux/rtnetlink.h: message types ---
    static final int RTM_NEWLINK = 16;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;

    // --- linux/rtnetlink.h: struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; } ---
    static final int IFINFOMSG_SIZE = 16;
    // --- linux/if_link.h ---
    static final int IFLA_MTU = 4;

    // --- linux/if_addr.h: struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; } ---
    static final int IFADDRMSG_SIZE = 8;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_BROADCAST = 4;

    // --- linux/rtnetlink.h: struct rtmsg { u8 family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags; } ---
    static final int RTMSG_SIZE = 12;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_PREFSRC = 7;
    /** The table id as a u32, for tables above 255 (rtm_table then says RT_TABLE_COMPAT). */
    static final int RTA_TABLE = 15;
    /** A next hop of another family: struct rtvia { u16 family; u8 addr[]; } (IPv4 via IPv6, RFC 5549). */
    static final int RTA_VIA = 18;
    /** In an RTM_GETROUTE: answer with the FIB entry that matched, not the resolved per-destination route. */
    static final int RTM_F_FIB_MATCH = 0x2000;
    static final int RT_TABLE_MAIN = 254;
    /** Routes we add say "proto static": set by an administrator's tool, not by the kernel or a daemon. */
    static final int RTPROT_STATIC = 4;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_LINK = 253;
    /** In a delete request: match routes of any scope. */
    static final int RT_SCOPE_NOWHERE = 255;
    static final int RTN_UNSPEC = 0;
    static final int RTN_UNICAST = 1;
    /** Route types that refuse or drop packets; a lookup usually reports them as an errno instead. */
    static final int RTN_BLACKHOLE = 6;
    static final int RTN_UNREACHABLE = 7;
    static final int RTN_PROHIBIT = 8;
    static final int RTN_THROW = 9;

    /** Rounds up to the netlink alignment. */
    static int align(int length) {
        return (length + ALIGN - 1) & ~(ALIGN - 1);
    }
}
