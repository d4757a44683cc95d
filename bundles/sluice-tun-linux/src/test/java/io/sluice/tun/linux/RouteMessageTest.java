package io.sluice.tun.linux;

import static io.sluice.tun.linux.KernelAnswers.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Route lookups' answers, as a real kernel sent them, read back into what a lookup reports. */
class RouteMessageTest {

    @BeforeAll
    static void littleEndian() {
        assertTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "recorded answers are little-endian");
    }

    private static Optional<InetAddress> ip(String literal) throws Exception {
        return Optional.of(InetAddress.getByName(literal));
    }

    @Test
    void resolvedIpv4PathCarriesGatewayDeviceAndSourceButNoMetric() throws Exception {
        RouteMessage m = RouteMessage.parse(bytes(KernelAnswers.V4_PATH_VIA_DEFAULT));
        assertEquals(LinuxConstants.AF_INET, m.family());
        assertEquals(32, m.dstLen(), "a resolved lookup is a host route");
        assertEquals(Netlink.RT_TABLE_MAIN, m.table());
        assertEquals(Netlink.RTN_UNICAST, m.type());
        assertEquals(ip("198.19.77.1"), m.dst());
        assertEquals(ip("198.18.50.2"), m.gateway());
        assertEquals(3, m.oif());
        assertEquals(ip("198.18.50.1"), m.prefsrc());
        assertEquals(0, m.priority());
    }

    @Test
    void ipv4FibMatchOfTheDefaultRouteHasNoDestinationAndItsMetric() throws Exception {
        RouteMessage m = RouteMessage.parse(bytes(KernelAnswers.V4_FIB_DEFAULT));
        assertEquals(0, m.dstLen());
        assertEquals(Optional.empty(), m.dst());
        assertEquals(100, m.priority());
        assertEquals(ip("198.18.50.2"), m.gateway());
        assertEquals(3, m.oif());
    }

    @Test
    void onLinkIpv4DestinationHasNoGatewayAndMatchesTheConnectedNetwork() throws Exception {
        RouteMessage path = RouteMessage.parse(bytes(KernelAnswers.V4_PATH_ON_LINK));
        assertEquals(Optional.empty(), path.gateway());
        assertEquals(ip("198.18.50.1"), path.prefsrc());
        RouteMessage entry = RouteMessage.parse(bytes(KernelAnswers.V4_FIB_ON_LINK));
        assertEquals(24, entry.dstLen());
        assertEquals(ip("198.18.50.0"), entry.dst());
        assertEquals(0, entry.priority(), "a connected IPv4 route has metric 0 and no RTA_PRIORITY");
    }

    @Test
    void ipv6AnswersCarryMetricsAndSkipUnusedAttributes() throws Exception {
        RouteMessage path = RouteMessage.parse(bytes(KernelAnswers.V6_PATH_VIA_DEFAULT));
        assertEquals(LinuxConstants.AF_INET6, path.family());
        assertEquals(128, path.dstLen());
        assertEquals(ip("fd18:99::1"), path.dst());
        assertEquals(ip("fd18:50::2"), path.gateway());
        assertEquals(ip("fd18:50::1"), path.prefsrc());
        assertEquals(300, path.priority());
        RouteMessage entry = RouteMessage.parse(bytes(KernelAnswers.V6_FIB_DEFAULT));
        assertEquals(0, entry.dstLen());
        assertEquals(Optional.empty(), entry.dst());
        assertEquals(300, entry.priority());
        RouteMessage onLink = RouteMessage.parse(bytes(KernelAnswers.V6_FIB_ON_LINK));
        assertEquals(64, onLink.dstLen());
        assertEquals(ip("fd18:50::"), onLink.dst());
        assertEquals(256, onLink.priority());
        assertEquals(Optional.empty(), RouteMessage.parse(bytes(KernelAnswers.V6_PATH_ON_LINK)).gateway());
    }

    @Test
    void tableAboveTwoHundredFiftyFiveAndMetricAboveTwoToTheThirtyOneAreReadUnsigned() {
        byte[] m = route(LinuxConstants.AF_INET, 0,
                attr(Netlink.RTA_TABLE, u32(1000)), attr(Netlink.RTA_PRIORITY, u32(0xFFFF_FFFE)));
        RouteMessage r = RouteMessage.parse(m);
        assertEquals(1000, r.table());
        assertEquals(0xFFFF_FFFEL, r.priority());
    }

    @Test
    void ipv4NextHopOverIpv6InRtaViaIsTheGateway() throws Exception {
        byte[] via = ByteBuffer.allocate(18).order(ByteOrder.nativeOrder()).putShort((short) LinuxConstants.AF_INET6)
                .put(InetAddress.getByName("fe80::1").getAddress()).array();
        RouteMessage r = RouteMessage.parse(route(LinuxConstants.AF_INET, 0, attr(Netlink.RTA_VIA, via),
                attr(Netlink.RTA_OIF, u32(2))));
        assertEquals(ip("fe80::1"), r.gateway());
        assertInstanceOf(Inet6Address.class, r.gateway().orElseThrow());
    }

    @Test
    void ipv4MappedAddressInAnIpv6RouteStaysIpv6() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 198;
        mapped[13] = 18;
        RouteMessage r = RouteMessage.parse(route(LinuxConstants.AF_INET6, 128, attr(Netlink.RTA_DST, mapped)));
        assertInstanceOf(Inet6Address.class, r.dst().orElseThrow());
    }

    @Test
    void malformedAnswersAreRefused() {
        byte[] good = bytes(KernelAnswers.V4_FIB_DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> RouteMessage.parse(Arrays.copyOf(good, 20)), "too short");
        assertThrows(IllegalArgumentException.class, () -> RouteMessage.parse(Arrays.copyOf(good, good.length - 4)),
                "nlmsg_len beyond the data");
        byte[] wrongType = good.clone();
        wrongType[4] = (byte) Netlink.RTM_NEWADDR;
        assertThrows(IllegalArgumentException.class, () -> RouteMessage.parse(wrongType));
        byte[] wrongFamily = good.clone();
        wrongFamily[16] = 7;
        assertThrows(IllegalArgumentException.class, () -> RouteMessage.parse(wrongFamily));
        assertThrows(IllegalArgumentException.class,
                () -> RouteMessage.parse(route(LinuxConstants.AF_INET, 0, attr(Netlink.RTA_GATEWAY, new byte[16]))),
                "an IPv6-sized gateway in an IPv4 route");
        assertThrows(IllegalArgumentException.class,
                () -> RouteMessage.parse(route(LinuxConstants.AF_INET, 0, attr(Netlink.RTA_OIF, new byte[2]))));
        byte[] overrun = route(LinuxConstants.AF_INET, 0, attr(Netlink.RTA_OIF, u32(2)));
        ByteBuffer.wrap(overrun).order(ByteOrder.nativeOrder()).putShort(28, (short) 40);
        assertThrows(IllegalArgumentException.class, () -> RouteMessage.parse(overrun), "attribute past the end");
    }

    /** An RTM_NEWROUTE of the given family and prefix with these already padded attributes. */
    private static byte[] route(int family, int dstLen, byte[]... attrs) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());
        b.putInt(0).putShort((short) Netlink.RTM_NEWROUTE).putShort((short) 0).putInt(1).putInt(0);
        b.put((byte) family).put((byte) dstLen).put((byte) 0).put((byte) 0)
                .put((byte) Netlink.RT_TABLE_MAIN).put((byte) 4).put((byte) 0).put((byte) Netlink.RTN_UNICAST).putInt(0);
        for (byte[] a : attrs) {
            b.put(a);
        }
        int len = b.position();
        b.putInt(0, len);
        return Arrays.copyOf(b.array(), len);
    }

    private static byte[] attr(int type, byte[] value) {
        int padded = (4 + value.length + 3) & ~3;
        return ByteBuffer.allocate(padded).order(ByteOrder.nativeOrder())
                .putShort((short) (4 + value.length)).putShort((short) type).put(value).array();
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }
}
