package io.sluice.core.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text messages are framed, read and written as OpenVPN 2.6.14 frames, reads and writes them. */
class ControlTextTest {

    private final ControlRejectCounters rejects = new ControlRejectCounters();
    private final ControlTextFramer framer = ControlTextFramer.openVpnDefault(rejects);
    private final ControlTextParser parser = new ControlTextParser(rejects);

    static List<CapturedControl.Message> textMessages() {
        return CapturedControl.all().stream().filter(m -> !m.isKeyMethod2()).toList();
    }

    private ControlText parse(String text) {
        Parsed<ControlText> p = parser.parse(text);
        assertTrue(p.isOk(), () -> text + ": " + p);
        return p.value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textMessages")
    void everyCapturedMessageFramesParsesAndReEncodesByteForByte(CapturedControl.Message m) {
        List<String> split = framer.split(m.buffer());
        assertEquals(List.of(m.text()), split);
        ControlText t = parse(split.get(0));
        assertArrayEquals(m.bytes(), t.encode());
        assertEquals(0, rejects.total());
    }

    @Test
    void capturedMessagesReadAsTheirKinds() {
        assertEquals(new ControlText.AuthPending(OptionalInt.of(30), List.of()), parse("AUTH_PENDING,timeout 30"));
        assertEquals(new ControlText.Info(true, "OPEN_URL:https://sso.sluice.invalid/login"),
                parse("INFO_PRE,OPEN_URL:https://sso.sluice.invalid/login"));
        assertEquals(ControlText.AuthFailed.because("Sorry, try again later"), parse("AUTH_FAILED,Sorry, try again later"));
        assertEquals(ControlText.ServerSignal.restartWithoutText(), parse("RESTART"));
        assertEquals(new ControlText.ServerSignal(false, Optional.of("lab")), parse("HALT,lab"));
        assertEquals(ControlText.PushRequest.INSTANCE, parse("PUSH_REQUEST"));
        assertEquals(ControlText.Exit.INSTANCE, parse("EXIT"));
    }

    @Test
    void authPendingCarriesTheTimeoutOnlyForClientsThatUnderstandKeywords() {
        assertEquals("AUTH_PENDING,timeout 30",
                ControlText.AuthPending.forClient(PeerInfo.parse("IV_PROTO=990\n"), 30).text());
        assertEquals("AUTH_PENDING", ControlText.AuthPending.forClient(PeerInfo.parse("IV_PROTO=2\n"), 30).text());
    }

    @Test
    void keywordsAreMatchedByPrefixInOpenVpnsOrder() {
        assertEquals(ControlText.Exit.INSTANCE, parse("EXITING"));
        assertEquals(new ControlText.Info(true, ""), parse("INFO_PREFIX"));
        assertEquals(new ControlText.Info(false, "hello, world"), parse("INFO,hello, world"));
        assertEquals(ControlText.PushRequest.INSTANCE, parse("PUSH_REQUEST,extra"));
        assertEquals(new ControlText.ServerSignal(true, Optional.empty()), parse("RESTARTED"));
        assertEquals(ControlText.AuthFailed.withoutReason(), parse("AUTH_FAILED,"));
        assertEquals(new ControlText.CrResponse("dGVzdA=="), parse("CR_RESPONSE,dGVzdA=="));
    }

    @Test
    void malformedPushMessagesAndUnknownMessagesAreRejectedAndCounted() {
        assertEquals(ControlReject.BAD_PUSH_MESSAGE, parser.parse("PUSH_REPLYX").reject());
        assertEquals(ControlReject.BAD_PUSH_MESSAGE, parser.parse("PUSH_UPDATE,route x").reject());
        assertEquals(ControlReject.UNKNOWN_MESSAGE, parser.parse("HELLO").reject());
        assertEquals(ControlReject.UNKNOWN_MESSAGE, parser.parse("").reject());
        assertEquals(2, rejects.get(ControlReject.BAD_PUSH_MESSAGE));
        assertEquals(2, rejects.get(ControlReject.UNKNOWN_MESSAGE));
    }

    @Test
    void pushReplySplitsOnEveryCommaAndDropsEmptyOptions() {
        assertEquals(new ControlText.PushReply(List.of("route 10.0.0.0 255.0.0.0", "dhcp-option DOMAIN \"a", "b\"")),
                parse("PUSH_REPLY,route 10.0.0.0 255.0.0.0,,dhcp-option DOMAIN \"a,b\""));
        assertEquals(new ControlText.PushReply(List.of()), parse("PUSH_REPLY"));
        String longOption = "x".repeat(300);
        assertEquals(255, ((ControlText.PushReply) parse("PUSH_REPLY," + longOption)).options().get(0).length());
    }

    @Test
    void temporaryAuthFailureFlagsAndMessageAreRead() {
        ControlText.AuthFailed f = (ControlText.AuthFailed) parse("AUTH_FAILED,TEMP[backoff 30,advance remote,xyz]:try later");
        ControlText.TemporaryFailure t = f.temporary().orElseThrow();
        assertEquals(OptionalInt.of(30), t.backoffSeconds());
        assertEquals(Optional.of("remote"), t.advance());
        assertEquals(List.of("xyz"), t.unknownFlags());
        assertEquals("try later", t.message());
        assertEquals("", ControlText.AuthFailed.because("TEMP").temporary().orElseThrow().message());
        assertEquals("soon", ControlText.AuthFailed.because("TEMP:soon").temporary().orElseThrow().message());
        assertFalse(ControlText.AuthFailed.because("SESSION: token expired").temporary().isPresent());
    }

    @Test
    void restartFlagsKeepPasswordsOrMoveToTheNextServer() {
        ControlText.ServerSignal s = (ControlText.ServerSignal) parse("RESTART,[N]");
        assertTrue(s.advanceToNextServer());
        assertTrue(s.purgeCredentials());
        ControlText.ServerSignal keep = (ControlText.ServerSignal) parse("HALT,[P] maintenance");
        assertFalse(keep.purgeCredentials());
        assertFalse(keep.restart());
    }

    @Test
    void authFailedIsCutToThePushBundleSizeAsOpenVpnCutsIt() {
        String text = ControlText.AuthFailed.because("r".repeat(2000)).text();
        assertEquals(1023, text.length());
        assertEquals(1024, ControlText.AuthFailed.because("r".repeat(2000)).encode().length);
    }

    @Test
    void buildersRefuseTextsTheReaderWouldDrop() {
        assertThrows(IllegalArgumentException.class, () -> ControlText.AuthFailed.because("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> new ControlText.PushReply(List.of("route a,b")));
        assertThrows(IllegalArgumentException.class, () -> new ControlText.Info(false, "x\u0000"));
    }

    @Test
    void severalMessagesInOneReadAreSplitAtTheirNuls() {
        byte[] two = "AUTH_PENDING,timeout 30\0INFO_PRE,OPEN_URL:x\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("AUTH_PENDING,timeout 30", "INFO_PRE,OPEN_URL:x"), framer.split(ByteBuffer.wrap(two)));
    }

    @Test
    void trailingLineBreaksAreRemovedAndOtherControlCharactersDropTheMessage() {
        byte[] in = "RESTART\r\n\0INFO,a\tb\0EXIT\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("RESTART", "EXIT"), framer.split(ByteBuffer.wrap(in)));
        assertEquals(1, rejects.get(ControlReject.INVALID_CHARACTERS));
    }

    @Test
    void bytesAfterTheLastNulAreDroppedAndCounted() {
        assertEquals(List.of("EXIT"), framer.split(ByteBuffer.wrap("EXIT\0PUSH_REQ".getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, rejects.get(ControlReject.UNTERMINATED));
        assertEquals(List.of(), framer.split(ByteBuffer.wrap(new byte[] {0})), "a single byte is not read");
    }

    @Test
    void emptyMessageBetweenNulsIsPassedOnAndUtf8IsAllowed() {
        byte[] in = "\0INFO,gr\u00fc\u00dfe\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("", "INFO,gr\u00fc\u00dfe"), framer.split(ByteBuffer.wrap(in)));
    }

    @Test
    void malformedUtf8AndOversizeMessagesAreDroppedAndCounted() {
        ByteBuffer bad = ByteBuffer.wrap(new byte[] {'I', 'N', 'F', 'O', ',', (byte) 0xC3, 0x28, 0});
        assertEquals(List.of(), framer.split(bad));
        assertEquals(1, rejects.get(ControlReject.MALFORMED_STRING));
        ControlTextFramer small = new ControlTextFramer(8, rejects);
        assertEquals(List.of("EXIT"), small.split(ByteBuffer.wrap("INFO,toolong\0EXIT\0".getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, rejects.get(ControlReject.OVERSIZE));
    }
}
