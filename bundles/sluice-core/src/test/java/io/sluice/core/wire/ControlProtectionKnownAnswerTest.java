package io.sluice.core.wire;

import static io.sluice.core.wire.WrapTesting.codec;
import static io.sluice.core.wire.WrapTesting.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.testing.TestCrypto;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from the real OpenVPN 2.6.14: our tls-auth and tls-crypt wrappers open what
 * OpenVPN sent (client packets by our server side, server packets by our client side), and
 * sealing the same messages under the same replay ids and time gives the captured bytes back
 * exactly; for tls-crypt too, as its IV is derived from the tag.
 *
 * <p>How the loopback fixtures ({@code openvpn-2.6.14-loopback-tls-auth.txt},
 * {@code openvpn-2.6.14-loopback-tls-crypt.txt}, key {@code ta.key}) were made, as root in a
 * temporary directory, OpenVPN 2.6.14 with OpenSSL 3.0, nothing but 127.0.0.1 involved:
 * <pre>
 * openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
 *     -keyout ca.key -out ca.crt -days 30 -subj /CN=kat-ca
 * printf 'extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\n' &gt; server.ext
 * printf 'extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature\n' &gt; client.ext
 * for n in server client; do
 *   openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
 *       -keyout $n.key -out $n.csr -subj /CN=kat-$n
 *   openssl x509 -req -in $n.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $n.crt \
 *       -days 30 -extfile $n.ext
 * done
 * openvpn --genkey secret ta.key
 *
 * # NAME=tls-auth: SERVER_WRAP="--tls-auth ta.key 0"  CLIENT_WRAP="--tls-auth ta.key 1"
 * # NAME=tls-crypt: SERVER_WRAP="--tls-crypt ta.key"  CLIENT_WRAP="--tls-crypt ta.key"
 * tcpdump -i lo -U -w $NAME.pcap udp port 41194 &amp;
 * sleep 1
 * openvpn --dev null --proto udp --local 127.0.0.1 --lport 41194 --remote 127.0.0.1 --rport 41195 \
 *     --tls-server --dh none --ca ca.crt --cert server.crt --key server.key $SERVER_WRAP \
 *     --verb 4 --log $NAME-srv.log &amp;
 * openvpn --dev null --proto udp --local 127.0.0.1 --lport 41195 --remote 127.0.0.1 --rport 41194 \
 *     --tls-client --ca ca.crt --cert client.crt --key client.key --remote-cert-tls server \
 *     $CLIENT_WRAP --verb 4 --log $NAME-cli.log &amp;
 * sleep 6; kill %3 %2; sleep 1; kill %1      # both logs: "Initialization Sequence Completed"
 * </pre>
 * Then each frame's UDP payload (after the 14-byte Ethernet header tcpdump gives {@code lo},
 * the IPv4 header and the 8-byte UDP header) went into the fixture as hex, one line per
 * packet, numbered in capture order, {@code c2s} when sent to port 41194, with the opcode
 * named from its first byte; see {@link Fixtures}. No data packets were sent in those six
 * seconds, so the fixtures hold the hard resets and the TLS handshake.
 *
 * <p>The older {@code openvpn-2.6.14-udp-tls-auth.txt} (a server and client in two network
 * namespaces, key {@code tls-auth.key}) is checked the same way.
 */
class ControlProtectionKnownAnswerTest {

    /** One capture: its file, key, the time OpenVPN's counters started, the two session ids, the protection. */
    record Capture(String file, String keyFile, long time, SessionId client, SessionId server, boolean tlsCrypt) {

        ControlProtection protection(boolean server) throws GeneralSecurityException {
            Key2 key = StaticKeyFile.parse(Fixtures.resource(keyFile));
            ControlReplay replay = WrapTesting.replay(time);
            if (tlsCrypt) {
                return ControlProtections.tlsCrypt(key, server, ControlLimits.DEFAULT, replay);
            }
            // tls-auth ta.key 0 on the server, 1 on the client, default auth SHA1.
            KeyDirection direction = KeyDirection.forStaticKey(server ? "0" : "1");
            return ControlProtections.tlsAuth(key, direction, "SHA1",
                    TestCrypto.providers().digest("SHA1").orElseThrow(), replay);
        }

        List<Fixtures.Packet> control() {
            return Fixtures.load(file, p -> !p.opcode().isData());
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Capture> captures() {
        return Stream.of(
                new Capture("openvpn-2.6.14-loopback-tls-auth.txt", "ta.key", 0x6b027d6eL,
                        SessionId.fromHex("9f2427ba0874906e"), SessionId.fromHex("4522a723bcb259c8"), false),
                new Capture("openvpn-2.6.14-loopback-tls-crypt.txt", "ta.key", 0x6b027d81L,
                        SessionId.fromHex("eaabe59a72ffba4e"), SessionId.fromHex("925a8ae94562f080"), true),
                new Capture(Fixtures.TLS_AUTH, "tls-auth.key", 0x6b024f77L,
                        SessionId.fromHex("328d1843068730da"), SessionId.fromHex("064c2822200b088d"), false));
    }

    private final RejectCounters rejects = new RejectCounters();

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void ourServerSideOpensOpenVpnsClientPacketsAndOurClientSideItsServerPackets(Capture c) throws Exception {
        ControlProtection server = c.protection(true);
        ControlCodec atServer = codec(server.newWrapper(), rejects);
        ControlCodec atClient = codec(c.protection(false).newWrapper(), rejects);
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        boolean clientHelloSeen = false;
        for (Fixtures.Packet p : c.control()) {
            Decoded<ControlMessage> d = (p.fromClient() ? atServer : atClient).decode(p.buffer());
            assertTrue(d.isOk(), () -> p + ": " + d);
            ControlMessage m = d.value();
            assertEquals(p.opcode(), m.opcode(), p::toString);
            assertEquals(p.keyId(), m.keyId(), p::toString);
            assertEquals(p.fromClient() ? c.client() : c.server(), m.sessionId(), p::toString);
            m.acks().remoteSessionId().ifPresent(peer ->
                    assertEquals(p.fromClient() ? c.server() : c.client(), peer, p + " acks the peer's session"));
            if (p.fromClient() && m instanceof ControlPacket cp && cp.opcode() == Opcode.P_CONTROL_V1 && !clientHelloSeen) {
                ByteBuffer tls = cp.payload();
                assertEquals(0x16, tls.get(0), "a TLS handshake record");
                assertEquals(0x01, tls.get(5), "holding the ClientHello");
                clientHelloSeen = true;
            }
            if (p.fromClient()) {
                assertTrue(server.authenticates(p.opcode(), p.buffer()), p::toString);
            }
            seen.add(m.opcode());
        }
        assertTrue(clientHelloSeen);
        assertEquals(EnumSet.of(Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, Opcode.P_CONTROL_HARD_RESET_SERVER_V2,
                Opcode.P_CONTROL_V1, Opcode.P_ACK_V1), seen);
        assertEquals(0, rejects.total());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void sealingTheSameMessagesUnderTheSameIdsAndTimeGivesOpenVpnsBytes(Capture c) throws Exception {
        for (boolean fromClient : new boolean[]{true, false}) {
            // The packet's receiver is a server when it comes from the client, and the other way round.
            ControlCodec receiver = codec(c.protection(fromClient).newWrapper(), rejects);
            ControlCodec sender = codec(c.protection(!fromClient).newWrapper(), rejects);
            int expectedId = 0;
            for (Fixtures.Packet p : c.control()) {
                if (p.fromClient() != fromClient) {
                    continue;
                }
                // OpenVPN counts from 1 per session and direction, every packet, retransmissions
                // included; every packet a side sent is in the capture, so our counter keeps up.
                assertEquals(++expectedId, p.buffer().getInt(c.tlsCrypt() ? 9 : 9 + 20), p::toString);
                assertEquals(c.time(), Integer.toUnsignedLong(p.buffer().getInt(c.tlsCrypt() ? 13 : 9 + 24)));
                ControlMessage m = receiver.decode(p.buffer()).value();
                assertArrayEquals(p.bytes(), encode(sender, m), p::toString);
            }
            assertTrue(expectedId >= 5, "a handshake's worth of packets from each side");
        }
        assertEquals(0, rejects.total());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void aCapturedPacketReplayedIsDroppedAndOneFromTheSameSideIsNotAuthentic(Capture c) throws Exception {
        Fixtures.Packet reset = c.control().stream().filter(Fixtures.Packet::fromClient).findFirst().orElseThrow();
        ControlCodec atServer = codec(c.protection(true).newWrapper(), rejects);
        assertTrue(atServer.decode(reset.buffer()).isOk());
        assertEquals(Reject.REPLAY, atServer.decode(reset.buffer()).reject());

        ControlProtection client = c.protection(false);
        assertEquals(Reject.BAD_AUTHENTICATION, codec(client.newWrapper(), rejects).decode(reset.buffer()).reject());
        assertFalse(client.authenticates(reset.opcode(), reset.buffer()));
    }
}
