package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding the answer to one query among what the kernel sent: the route, or its refusal. */
class NetlinkReplyTest {

    @BeforeAll
    static void littleEndian() {
        assertTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "recorded answers are little-endian");
    }

    private static Optional<NetlinkReply> find(byte[] data, int seq) {
        return NetlinkReply.find(data, data.length, seq, Netlink.RTM_NEWROUTE);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void routeMessageWithTheQuerysSequenceNumberIsTheAnswer() {
        byte[] route = KernelAnswers.withSeq(KernelAnswers.V4_FIB_DEFAULT, 2);
        NetlinkReply r = find(route, 2).orElseThrow();
        assertTrue(r.ok());
        assertArrayEquals(route, r.message().orElseThrow());
    }

    @Test
    void kernelRefusalWithAFullEchoIsReadAsItsErrno() {
        byte[] noRoute = KernelAnswers.bytes(KernelAnswers.V4_NO_ROUTE);
        NetlinkReply r = find(noRoute, 7).orElseThrow();
        assertFalse(r.ok());
        assertEquals(LinuxConstants.ENETUNREACH, r.error().errno());
        assertEquals("", r.error().message());
    }

    @Test
    void refusalWithExtendedAckTextAfterACappedEcho() {
        NetlinkReply r = find(KernelAnswers.error(3, LinuxConstants.EINVAL, "Invalid values in header"), 3).orElseThrow();
        assertEquals(LinuxConstants.EINVAL, r.error().errno());
        assertEquals("Invalid values in header", r.error().message());
    }

    @Test
    void answersToOtherQueriesPlainAcksAndTruncatedDataAreSkipped() {
        byte[] other = KernelAnswers.withSeq(KernelAnswers.V4_FIB_DEFAULT, 1);
        byte[] mine = KernelAnswers.withSeq(KernelAnswers.V4_PATH_VIA_DEFAULT, 2);
        assertTrue(find(other, 2).isEmpty());
        byte[] both = concat(concat(other, KernelAnswers.error(2, 0, null)), mine);
        assertArrayEquals(mine, find(both, 2).orElseThrow().message().orElseThrow(),
                "an ack with error 0 is not the answer; the route after it is");
        assertTrue(NetlinkReply.find(mine, mine.length - 4, 2, Netlink.RTM_NEWROUTE).isEmpty());
        assertTrue(NetlinkReply.find(mine, 10, 2, Netlink.RTM_NEWROUTE).isEmpty());
        assertTrue(NetlinkReply.find(mine, mine.length, 2, Netlink.RTM_NEWADDR).isEmpty(), "not the type asked for");
    }
}
