package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Acknowledgements as the kernel sends them (net/netlink/af_netlink.c, netlink_ack). */
class NetlinkAckTest {

    /** An NLMSG_ERROR for request {@code seq}: error, the echoed request header, optional ext-ack text. */
    private static byte[] ack(int seq, int error, boolean capped, int echoedLength, String text) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());
        int flags = (capped ? Netlink.NLM_F_CAPPED : 0) | (text != null ? Netlink.NLM_F_ACK_TLVS : 0);
        b.putInt(0).putShort((short) Netlink.NLMSG_ERROR).putShort((short) flags).putInt(seq).putInt(4242);
        b.putInt(error);
        // The echoed request: its header (with its original length), and its body unless capped.
        b.putInt(echoedLength).putShort((short) Netlink.RTM_NEWROUTE).putShort((short) 0x605).putInt(seq).putInt(0);
        if (!capped) {
            b.put(new byte[echoedLength - 16]);
        }
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

    @Test
    void zeroErrorIsSuccess() {
        byte[] a = ack(1, 0, true, 44, null);
        Optional<NetlinkAck> r = NetlinkAck.find(a, a.length, 1);
        assertTrue(r.orElseThrow().ok());
        assertEquals("", r.get().message());
    }

    @Test
    void negativeErrnoWithExtendedAckTextAfterACappedEcho() {
        byte[] a = ack(1, -101, true, 44, "Nexthop has invalid gateway");
        NetlinkAck r = NetlinkAck.find(a, a.length, 1).orElseThrow();
        assertFalse(r.ok());
        assertEquals(101, r.errno());
        assertEquals("Nexthop has invalid gateway", r.message());
    }

    @Test
    void extendedAckTextIsFoundAfterAFullEchoToo() {
        byte[] a = ack(1, -17, false, 44, "File exists here");
        NetlinkAck r = NetlinkAck.find(a, a.length, 1).orElseThrow();
        assertEquals(17, r.errno());
        assertEquals("File exists here", r.message());
    }

    @Test
    void answersToOtherRequestsAndTruncatedDataAreIgnored() {
        byte[] other = ack(9, -1, true, 44, null);
        assertTrue(NetlinkAck.find(other, other.length, 1).isEmpty());
        byte[] mine = ack(1, -2, true, 44, null);
        byte[] both = new byte[other.length + mine.length];
        System.arraycopy(other, 0, both, 0, other.length);
        System.arraycopy(mine, 0, both, other.length, mine.length);
        assertEquals(2, NetlinkAck.find(both, both.length, 1).orElseThrow().errno());
        assertTrue(NetlinkAck.find(mine, 10, 1).isEmpty());
        assertTrue(NetlinkAck.find(mine, mine.length - 4, 1).isEmpty());
    }
}
