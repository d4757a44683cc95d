package io.sluice.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import io.sluice.core.time.FakeClock;
import io.sluice.core.tls.TestPki;
import io.sluice.core.tls.TlsEndpointFactory;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlLimits;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.ControlProtections;
import io.sluice.core.wire.ControlReplay;
import io.sluice.core.wire.EarlyNegotiation;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.RejectCounters;
import io.sluice.core.wire.SessionId;
import io.sluice.core.wire.SessionProtection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tls-crypt-v2 client session starts with a V3 reset carrying its wrapped key, and when an
 * OpenVPN 2.6 server's reset asks ({@link EarlyNegotiation#FLAG_RESEND_WKC}) it sends its first
 * TLS packet as P_CONTROL_WKC_V1 with the key again, within the tls-mtu; when not asked, as
 * P_CONTROL_V1. The server's side is played by our own tls-crypt-v2 server protection.
 */
class WrappedKeyResendTest {

    private static final SessionId SERVER = SessionId.fromHex("fedcba9876543210");

    private final FakeClock clock = new FakeClock();
    private final SessionPair.Events events = new SessionPair.Events("V4,dev-type tun,tls-client");
    private final TlsCryptV2ClientKey clientKey = TlsCryptV2ClientKey.parse(fixture("tls-crypt-v2-client.key"));
    private final ControlReplay replay = ControlReplay.defaults(Clock.fixed(TestPki.NOW, ZoneOffset.UTC), clock);
    private SessionSettings settings;

    private static String fixture(String name) {
        try (InputStream in = WrappedKeyResendTest.class.getResourceAsStream("/io/sluice/core/wire/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ControlSession client() throws Exception {
        SecureRandom random = new SecureRandom();
        TestPki.Issued cert = SessionPair.PKI.issue(SessionPair.CA, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TlsSettings tls = TlsSettings.builder("client").trustAnchors(List.of(SessionPair.CA.certificate()))
                .credentials(cert.chain(), cert.key()).build();
        settings = SessionSettings.defaults(SessionRole.CLIENT,
                TlsEndpointFactory.client(tls, Clock.fixed(TestPki.NOW, ZoneOffset.UTC), random), random);
        var protection = ControlProtections.tlsCryptV2Client(clientKey, ControlLimits.DEFAULT, replay);
        ControlCodec codec = new ControlCodec(ControlLimits.DEFAULT, protection.newWrapper(), new RejectCounters());
        return ControlSession.client(settings, codec, events, new ControlRejectCounters(), clock.nanos(),
                protection.clientReset());
    }

    /** Runs the client's first exchange: its reset, our server's answer with {@code flags}; returns what it sent next. */
    private List<ControlPacket> exchange(int flags) throws Exception {
        ControlSession client = client();
        byte[] v3 = events.outbox.poll();
        assertEquals(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, Opcode.ofFirstByte(v3[0]));
        byte[] wkc = clientKey.wkc();
        assertArrayEquals(wkc, Arrays.copyOfRange(v3, v3.length - wkc.length, v3.length));

        var serverSide = ControlProtections.tlsCryptV2Server(TlsCryptV2ServerKey.parse(
                fixture("tls-crypt-v2-server.key")), 0, false, ControlLimits.DEFAULT, replay);
        SessionProtection session = serverSide.admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, ByteBuffer.wrap(v3)).value();
        ControlCodec server = new ControlCodec(ControlLimits.DEFAULT, session.wrapper(), new RejectCounters());
        ControlPacket reset = assertInstanceOf(ControlPacket.class, server.decode(ByteBuffer.wrap(v3)).value());

        ByteBuffer payload = ByteBuffer.allocate(EarlyNegotiation.FLAGS_TLV_LENGTH);
        if (flags != 0) {
            EarlyNegotiation.writeFlags(payload, flags);
        }
        ControlPacket answer = new ControlPacket(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, 0, SERVER,
                AckRecord.of(reset.sessionId(), 0), 0, payload.flip());
        ByteBuffer out = ByteBuffer.allocate(server.maxEncodedLength(answer));
        server.encode(answer, out);
        // The client decodes with its own codec, as ClientConnection does.
        ControlCodec clientCodec = new ControlCodec(ControlLimits.DEFAULT,
                ControlProtections.tlsCryptV2Client(clientKey, ControlLimits.DEFAULT, replay).newWrapper(),
                new RejectCounters());
        client.receive(clientCodec.decode(out.flip()).value(), clock.nanos());

        List<ControlPacket> sent = new java.util.ArrayList<>();
        for (byte[] packet : events.outbox) {
            assertTrue(packet.length <= settings.tlsMtu(), packet.length + " bytes exceed the tls-mtu");
            if (server.decode(ByteBuffer.wrap(packet)).value() instanceof ControlPacket p) {
                sent.add(p);
                if (p.opcode() == Opcode.P_CONTROL_WKC_V1) {
                    assertArrayEquals(wkc, Arrays.copyOfRange(packet, packet.length - wkc.length, packet.length));
                }
            }
        }
        return sent;
    }

    @Test
    void whenTheServerAsksTheFirstTlsPacketResendsTheWrappedKey() throws Exception {
        List<ControlPacket> sent = exchange(EarlyNegotiation.FLAG_RESEND_WKC);
        assertEquals(Opcode.P_CONTROL_WKC_V1, sent.get(0).opcode());
        assertEquals(1, sent.get(0).messageId());
        assertTrue(sent.get(0).payloadLength() > 0, "the ClientHello");
        sent.stream().skip(1).forEach(p -> assertEquals(Opcode.P_CONTROL_V1, p.opcode()));
    }

    @Test
    void whenTheServerDoesNotAskTlsGoesInPlainControlPackets() throws Exception {
        List<ControlPacket> sent = exchange(0);
        assertTrue(!sent.isEmpty());
        sent.forEach(p -> assertEquals(Opcode.P_CONTROL_V1, p.opcode()));
    }
}
