package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RtnetlinkRequestsTest {

    private static final int IFINDEX = 7;
    private static final int ADD_FLAGS = 0x001 | 0x004 | 0x400 | 0x200; // REQUEST | ACK | CREATE | EXCL
    private static final int CHANGE_FLAGS = 0x001 | 0x004;            // REQUEST | ACK

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void addIpv4SubnetAddressMatchesTheBytesTheKernelExpects() throws Exception {
        assertTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
        byte[] msg = RtnetlinkRequests.address(true, IFINDEX, new IfAddress(ip("10.9.0.1"), 24, Optional.empty())).bytes(1);
        String expected = ""
                + "30000000" + "1400" + "0506" + "01000000" + "00000000" // nlmsghdr: len 48, RTM_NEWADDR, flags, seq 1, pid 0
                + "02" + "18" + "00" + "00" + "07000000"                 // ifaddrmsg: AF_INET, /24, flags, universe, index 7
                + "0800" + "0200" + "0a090001"                           // IFA_LOCAL 10.9.0.1
                + "0800" + "0100" + "0a090001"                           // IFA_ADDRESS 10.9.0.1
                + "0800" + "0400" + "0a0900ff";                          // IFA_BROADCAST 10.9.0.255
        assertEquals(expected, HexFormat.of().formatHex(msg));
    }

    @Test
    void pointToPointAddressCarriesThePeerInIfaAddressAndNoBroadcast() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.address(true, IFINDEX,
                new IfAddress(ip("10.9.0.1"), 32, Optional.of(ip("10.9.0.2")))).bytes(1), Netlink.IFADDRMSG_SIZE);
        assertEquals(Netlink.RTM_NEWADDR, m.type());
        assertEquals(ADD_FLAGS, m.flags());
        assertEquals(LinuxConstants.AF_INET, m.u8(0));
        assertEquals(32, m.u8(1));
        assertEquals(IFINDEX, m.u32(4));
        assertArrayEquals(ip("10.9.0.1").getAddress(), m.attr(Netlink.IFA_LOCAL).orElseThrow().value());
        assertArrayEquals(ip("10.9.0.2").getAddress(), m.attr(Netlink.IFA_ADDRESS).orElseThrow().value());
        assertFalse(m.attr(Netlink.IFA_BROADCAST).isPresent());
    }

    @Test
    void ipv6AddressHasSixteenByteAttributesAndNoBroadcast() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.address(true, IFINDEX,
                new IfAddress(ip("fd00:9::1"), 64, Optional.empty())).bytes(3), Netlink.IFADDRMSG_SIZE);
        assertEquals(LinuxConstants.AF_INET6, m.u8(0));
        assertEquals(64, m.u8(1));
        assertEquals(3, m.seq());
        assertEquals(List.of(Netlink.IFA_LOCAL, Netlink.IFA_ADDRESS), m.attrTypes());
        assertArrayEquals(ip("fd00:9::1").getAddress(), m.attr(Netlink.IFA_ADDRESS).orElseThrow().value());
        assertEquals(16 + 8 + 2 * (4 + 16), m.length());
    }

    @Test
    void deletingAnAddressNamesItTheSameWayWithoutCreateFlags() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.address(false, IFINDEX,
                new IfAddress(ip("10.9.0.1"), 24, Optional.empty())).bytes(1), Netlink.IFADDRMSG_SIZE);
        assertEquals(Netlink.RTM_DELADDR, m.type());
        assertEquals(CHANGE_FLAGS, m.flags());
        assertEquals(List.of(Netlink.IFA_LOCAL, Netlink.IFA_ADDRESS), m.attrTypes());
    }

    @Test
    void broadcastIsTheAllOnesHostPart() throws Exception {
        assertArrayEquals(ip("10.9.0.255").getAddress(), RtnetlinkRequests.broadcast(ip("10.9.0.1").getAddress(), 24));
        assertArrayEquals(ip("10.8.0.3").getAddress(), RtnetlinkRequests.broadcast(ip("10.8.0.1").getAddress(), 30));
        assertArrayEquals(ip("172.31.255.255").getAddress(), RtnetlinkRequests.broadcast(ip("172.16.4.1").getAddress(), 12));
        DecodedMessage slash31 = DecodedMessage.decode(RtnetlinkRequests.address(true, IFINDEX,
                new IfAddress(ip("10.9.0.0"), 31, Optional.empty())).bytes(1), Netlink.IFADDRMSG_SIZE);
        assertFalse(slash31.attr(Netlink.IFA_BROADCAST).isPresent(), "RFC 3021 /31 has no broadcast");
    }

    @Test
    void onLinkIpv4RouteHasScopeLinkAndTheDeviceButNoGateway() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.route(true, IFINDEX,
                new Route(ip("10.99.0.0"), 24, Optional.empty(), 7)).bytes(1), Netlink.RTMSG_SIZE);
        assertEquals(Netlink.RTM_NEWROUTE, m.type());
        assertEquals(ADD_FLAGS, m.flags());
        assertEquals(LinuxConstants.AF_INET, m.u8(0));
        assertEquals(24, m.u8(1));                       // rtm_dst_len
        assertEquals(0, m.u8(2));                        // rtm_src_len
        assertEquals(Netlink.RT_TABLE_MAIN, m.u8(4));
        assertEquals(Netlink.RTPROT_STATIC, m.u8(5));
        assertEquals(Netlink.RT_SCOPE_LINK, m.u8(6));
        assertEquals(Netlink.RTN_UNICAST, m.u8(7));
        assertEquals(List.of(Netlink.RTA_DST, Netlink.RTA_OIF, Netlink.RTA_PRIORITY), m.attrTypes());
        assertArrayEquals(ip("10.99.0.0").getAddress(), m.attr(Netlink.RTA_DST).orElseThrow().value());
        assertEquals(IFINDEX, m.attr(Netlink.RTA_OIF).orElseThrow().u32());
        assertEquals(7, m.attr(Netlink.RTA_PRIORITY).orElseThrow().u32());
    }

    @Test
    void gatewayRouteHasUniverseScopeAndTheGateway() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.route(true, IFINDEX,
                new Route(ip("10.77.0.0"), 16, Optional.of(ip("10.9.0.2")), 0)).bytes(1), Netlink.RTMSG_SIZE);
        assertEquals(Netlink.RT_SCOPE_UNIVERSE, m.u8(6));
        assertEquals(List.of(Netlink.RTA_DST, Netlink.RTA_OIF, Netlink.RTA_GATEWAY), m.attrTypes(),
                "metric 0 means the kernel's default, so no RTA_PRIORITY");
        assertArrayEquals(ip("10.9.0.2").getAddress(), m.attr(Netlink.RTA_GATEWAY).orElseThrow().value());
    }

    @Test
    void defaultRouteHasNoDestinationAttribute() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.route(true, IFINDEX,
                new Route(ip("0.0.0.0"), 0, Optional.of(ip("10.9.0.2")), 0)).bytes(1), Netlink.RTMSG_SIZE);
        assertEquals(0, m.u8(1));
        assertEquals(List.of(Netlink.RTA_OIF, Netlink.RTA_GATEWAY), m.attrTypes());
    }

    @Test
    void ipv6RouteWithGatewayAndMetric() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.route(true, IFINDEX,
                new Route(ip("fd00:99::"), 64, Optional.of(ip("fd00:9::2")), 300)).bytes(1), Netlink.RTMSG_SIZE);
        assertEquals(LinuxConstants.AF_INET6, m.u8(0));
        assertEquals(64, m.u8(1));
        assertEquals(Netlink.RT_SCOPE_UNIVERSE, m.u8(6));
        assertArrayEquals(ip("fd00:99::").getAddress(), m.attr(Netlink.RTA_DST).orElseThrow().value());
        assertArrayEquals(ip("fd00:9::2").getAddress(), m.attr(Netlink.RTA_GATEWAY).orElseThrow().value());
        assertEquals(300, m.attr(Netlink.RTA_PRIORITY).orElseThrow().u32());
    }

    @Test
    void deletingARouteMatchesAnyProtocolScopeAndType() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.route(false, IFINDEX,
                new Route(ip("10.99.0.0"), 24, Optional.empty(), 7)).bytes(1), Netlink.RTMSG_SIZE);
        assertEquals(Netlink.RTM_DELROUTE, m.type());
        assertEquals(CHANGE_FLAGS, m.flags());
        assertEquals(0, m.u8(5), "any protocol");
        assertEquals(Netlink.RT_SCOPE_NOWHERE, m.u8(6), "any scope");
        assertEquals(Netlink.RTN_UNSPEC, m.u8(7), "any type");
        assertEquals(List.of(Netlink.RTA_DST, Netlink.RTA_OIF, Netlink.RTA_PRIORITY), m.attrTypes());
    }

    @Test
    void mixedFamiliesAreRefused() throws Exception {
        Route bad = new Route(ip("10.99.0.0"), 24, Optional.of(ip("fd00:9::2")), 0);
        assertThrows(IllegalArgumentException.class, () -> RtnetlinkRequests.route(true, IFINDEX, bad));
    }

    @Test
    void ipv4RouteLookupMatchesTheBytesIpRouteGetSends() throws Exception {
        assertTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
        String expected = ""
                + "24000000" + "1a00" + "0100" + "05000000" + "00000000" // nlmsghdr: len 36, RTM_GETROUTE, REQUEST only, seq 5
                + "02" + "20" + "00" + "00" + "00" + "00" + "00" + "00"  // rtmsg: AF_INET, dst_len 32, no src/tos/table/proto/scope/type
                + "00000000"                                             // rtm_flags
                + "0800" + "0100" + "c6134d01";                          // RTA_DST 198.19.77.1
        assertEquals(expected, HexFormat.of().formatHex(RtnetlinkRequests.getRoute(ip("198.19.77.1"), false).bytes(5)));
        String fibMatch = expected.replace("0000000008000100c6134d01", "0020000008000100c6134d01"); // RTM_F_FIB_MATCH
        assertEquals(fibMatch, HexFormat.of().formatHex(RtnetlinkRequests.getRoute(ip("198.19.77.1"), true).bytes(5)));
    }

    @Test
    void ipv6RouteLookupAsksForOneHundredTwentyEightBitsWithoutAnAck() throws Exception {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.getRoute(ip("fd18:99::1"), true).bytes(2),
                Netlink.RTMSG_SIZE);
        assertEquals(Netlink.RTM_GETROUTE, m.type());
        assertEquals(0x001, m.flags(), "NLM_F_REQUEST only: the answer is the route or an error");
        assertEquals(LinuxConstants.AF_INET6, m.u8(0));
        assertEquals(128, m.u8(1));
        assertEquals(0, m.u8(4), "RT_TABLE_UNSPEC: the policy rules choose the table");
        assertEquals(Netlink.RTM_F_FIB_MATCH, m.u32(8));
        assertEquals(List.of(Netlink.RTA_DST), m.attrTypes());
        assertArrayEquals(ip("fd18:99::1").getAddress(), m.attr(Netlink.RTA_DST).orElseThrow().value());
        assertEquals(16 + 12 + 4 + 16, m.length());
    }

    @Test
    void linkUpAndDownChangeOnlyIffUp() {
        DecodedMessage up = DecodedMessage.decode(RtnetlinkRequests.setUp(IFINDEX, true).bytes(1), Netlink.IFINFOMSG_SIZE);
        assertEquals(Netlink.RTM_NEWLINK, up.type());
        assertEquals(CHANGE_FLAGS, up.flags(), "an existing link: no CREATE");
        assertEquals(LinuxConstants.AF_UNSPEC, up.u8(0));
        assertEquals(IFINDEX, up.u32(4));
        assertEquals(LinuxConstants.IFF_UP, up.u32(8));   // ifi_flags
        assertEquals(LinuxConstants.IFF_UP, up.u32(12));  // ifi_change
        assertEquals(List.of(), up.attrTypes());
        DecodedMessage down = DecodedMessage.decode(RtnetlinkRequests.setUp(IFINDEX, false).bytes(1), Netlink.IFINFOMSG_SIZE);
        assertEquals(0, down.u32(8));
        assertEquals(LinuxConstants.IFF_UP, down.u32(12));
    }

    @Test
    void mtuIsAnIflaMtuAttributeAndChangesNoFlags() {
        DecodedMessage m = DecodedMessage.decode(RtnetlinkRequests.setMtu(IFINDEX, 1400).bytes(1), Netlink.IFINFOMSG_SIZE);
        assertEquals(Netlink.RTM_NEWLINK, m.type());
        assertEquals(0, m.u32(12), "ifi_change 0: flags untouched");
        assertEquals(List.of(Netlink.IFLA_MTU), m.attrTypes());
        assertEquals(1400, m.attr(Netlink.IFLA_MTU).orElseThrow().u32());
        assertEquals(16 + 16 + 8, m.length());
        assertThrows(IllegalArgumentException.class, () -> RtnetlinkRequests.setMtu(IFINDEX, 0));
    }

    @Test
    void errorMessagesDescribeAddressesAndRoutesLikeIproute2() throws Exception {
        assertEquals("10.9.0.1/24", RtnetlinkRequests.describe(new IfAddress(ip("10.9.0.1"), 24, Optional.empty())));
        assertEquals("10.9.0.1 peer 10.9.0.2/32",
                RtnetlinkRequests.describe(new IfAddress(ip("10.9.0.1"), 32, Optional.of(ip("10.9.0.2")))));
        assertEquals("10.77.0.0/16 via 10.9.0.2 metric 5",
                RtnetlinkRequests.describe(new Route(ip("10.77.0.0"), 16, Optional.of(ip("10.9.0.2")), 5)));
    }
}
