package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client assembles and filters pushed options as OpenVPN 2.6 does. */
class PushReplyAssemblerTest {

    private final ControlRejectCounters rejects = new ControlRejectCounters();
    private final ControlTextParser parser = new ControlTextParser(rejects);

    private ControlText.PushReply reply(String text) {
        return (ControlText.PushReply) parser.parse(text).value();
    }

    private ControlText.PushReply captured(String file, int index) {
        return reply(CapturedControl.message(file, index).text());
    }

    @Test
    void capturedContinuationAssemblesIntoOnePushWithoutTheContinuationOptions() {
        PushReplyAssembler a = new PushReplyAssembler(PullFilters.NONE, rejects);
        assertEquals(PushReplyAssembler.Status.INCOMPLETE, a.accept(captured(CapturedControl.CONTINUATION, 3)).value());
        assertFalse(a.isComplete());
        assertEquals(PushReplyAssembler.Status.COMPLETE, a.accept(captured(CapturedControl.CONTINUATION, 4)).value());
        PushReplyAssembler.Pushed p = a.result();
        assertEquals(2, p.messages());
        assertEquals(45 + 13, p.options().size());
        assertEquals("route 198.18.101.0 255.255.255.0", p.options().get(0));
        assertEquals("tun-mtu 1500", p.options().get(p.options().size() - 1));
        assertTrue(p.options().stream().noneMatch(o -> o.startsWith("push-continuation")));
        assertEquals(Optional.of(List.of("ifconfig", "198.18.77.2", "255.255.255.0")), p.first("ifconfig"));
    }

    @Test
    void singleCapturedReplyIsCompleteAtOnceAndPeerIdAndCipherDoNotCountAsChanges() {
        PushReplyAssembler a = new PushReplyAssembler(PullFilters.NONE, rejects);
        assertEquals(PushReplyAssembler.Status.COMPLETE, a.accept(captured(CapturedControl.BASIC, 3)).value());
        List<String> all = List.of("route 198.18.100.0 255.255.255.0", "dhcp-option DNS 198.18.100.53",
                "route-gateway 198.18.77.1", "topology subnet", "ping 10", "ping-restart 60",
                "ifconfig 198.18.77.2 255.255.255.0", "peer-id 0", "cipher AES-256-GCM",
                "protocol-flags cc-exit tls-ekm dyn-tls-crypt", "tun-mtu 1500");
        assertEquals(all, a.result().options());
        List<String> significant = all.stream().filter(o -> !o.startsWith("peer-id") && !o.startsWith("cipher")).toList();
        assertEquals(significant, a.result().significant(false));
        assertEquals(all.stream().filter(o -> !o.startsWith("peer-id")).toList(), a.result().significant(true));
    }

    @Test
    void pullFilterFirstMatchWinsOnThePrefixAfterLeadingBlanks() {
        PullFilters filters = new PullFilters(List.of(PullFilters.Rule.of("accept", "route 198.18.100."),
                PullFilters.Rule.of("ignore", "route"), PullFilters.Rule.of("ignore", "dhcp-option")));
        PushReplyAssembler a = new PushReplyAssembler(filters, rejects);
        a.accept(reply("PUSH_REPLY,route 198.18.100.0 255.255.255.0,  route 10.0.0.0 255.0.0.0,route-gateway 10.8.0.1,"
                + "dhcp-option DNS 10.8.0.1,topology subnet"));
        assertEquals(List.of("route 198.18.100.0 255.255.255.0", "topology subnet"), a.result().options());
        assertEquals(List.of("  route 10.0.0.0 255.0.0.0", "route-gateway 10.8.0.1", "dhcp-option DNS 10.8.0.1"),
                a.result().ignored());
    }

    @Test
    void rejectRuleFailsTheWholePush() {
        PushReplyAssembler a = new PushReplyAssembler(new PullFilters(List.of(PullFilters.Rule.of("reject", "redirect-gateway"))), rejects);
        Parsed<PushReplyAssembler.Status> s = a.accept(reply("PUSH_REPLY,route 10.0.0.0 255.0.0.0,redirect-gateway def1"));
        assertEquals(ControlReject.REJECTED_BY_PULL_FILTER, s.reject());
        assertEquals(1, rejects.get(ControlReject.REJECTED_BY_PULL_FILTER));
        assertFalse(a.isComplete());
        assertEquals(ControlReject.REJECTED_BY_PULL_FILTER, a.accept(reply("PUSH_REPLY,topology subnet")).reject());
    }

    @Test
    void continuationStatePersistsUntilAMessageChangesIt() {
        PushReplyAssembler a = new PushReplyAssembler(PullFilters.NONE, rejects);
        assertEquals(PushReplyAssembler.Status.INCOMPLETE, a.accept(reply("PUSH_REPLY,route a,push-continuation 2")).value());
        assertEquals(PushReplyAssembler.Status.INCOMPLETE, a.accept(reply("PUSH_REPLY,route b")).value());
        assertEquals(PushReplyAssembler.Status.COMPLETE, a.accept(reply("PUSH_REPLY,route c,push-continuation 1")).value());
        assertEquals(List.of("route a", "route b", "route c"), a.result().options());
        assertThrows(IllegalStateException.class, () -> a.accept(reply("PUSH_REPLY,route d")));
    }

    @Test
    void barePushReplyCompletesWhateverTheState() {
        PushReplyAssembler a = new PushReplyAssembler(PullFilters.NONE, rejects);
        a.accept(reply("PUSH_REPLY,route a,push-continuation 2"));
        assertEquals(PushReplyAssembler.Status.COMPLETE, a.accept(reply("PUSH_REPLY")).value());
    }

    @Test
    void unknownContinuationValueIsAnError() {
        PushReplyAssembler a = new PushReplyAssembler(PullFilters.NONE, rejects);
        assertEquals(ControlReject.BAD_PUSH_CONTINUATION, a.accept(reply("PUSH_REPLY,route a,push-continuation 3")).reject());
        assertEquals(1, rejects.get(ControlReject.BAD_PUSH_CONTINUATION));
    }

    @Test
    void ignoringPushContinuationByFilterEndsThePushAfterTheFirstMessageAsInOpenVpn() {
        PushReplyAssembler a = new PushReplyAssembler(new PullFilters(List.of(PullFilters.Rule.of("ignore", "push-"))), rejects);
        assertEquals(PushReplyAssembler.Status.COMPLETE, a.accept(reply("PUSH_REPLY,route a,push-continuation 2")).value());
        assertEquals(List.of("route a"), a.result().options());
    }

    @Test
    void unknownPullFilterActionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PullFilters.Rule.of("drop", "route"));
    }
}
