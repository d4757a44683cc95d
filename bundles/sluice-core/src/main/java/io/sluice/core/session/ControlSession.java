package io.sluice.core.session;

import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.ControlTextFramer;
import io.sluice.core.control.KeyMethod2Codec;
import io.sluice.core.control.KeyMethod2Limits;
import io.sluice.core.control.KeyMethod2Message;
import io.sluice.core.control.Parsed;
import io.sluice.core.reliable.ReliableChannel;
import io.sluice.core.reliable.ReliableConstants;
import io.sluice.core.tls.TlsEndpoint;
import io.sluice.core.tls.TlsFailure;
import io.sluice.core.tls.TlsState;
import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.EarlyNegotiation;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.SessionId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The control channel with one peer: one session id each way, up to eight key states (one
 * negotiating or active, one retiring), the reset exchange, TLS over the reliability layer, key
 * method 2, control-channel text messages, renegotiation and the hand and transition windows.
 * OpenVPN calls this {@code struct tls_session}.
 *
 * <p>No I/O and no threads: the owner hands in decoded packets ({@link #receive}) and the time
 * ({@link #tick} when {@link #nextWakeup} says so), and gets encoded packets to transmit and
 * events through its {@link Listener}. Not thread-safe; every call for one session must come
 * from one thread at a time, listener callbacks are made on that thread.
 */
public final class ControlSession {

    /** What the session tells its owner. Called on the session's thread; must not block. */
    public interface Listener {

        /** Transmit this encoded control packet to the peer (position to limit; copy to keep). */
        void transmit(ByteBuffer packet);

        /** The strings of our key method 2 message for a key now ready to send it. */
        LocalKeyMethod localKeyMethod(KeyState key);

        /**
         * The peer's key method 2 message arrived. Return a reason to refuse it (the key fails;
         * for example a malformed options string), or empty to go on. Authentication is not
         * decided here: a server answers key method 2 at once and sends AUTH_FAILED or
         * PUSH_REPLY later, as OpenVPN does.
         */
        Optional<String> keyMethodReceived(KeyState key, KeyMethod2Message message);

        /** Both key method 2 messages are exchanged: the key can derive its data-channel keys. */
        void keyActive(KeyState key);

        /** A key failed (TLS error, bad message, hand-window expired); it never becomes active. */
        void keyFailed(KeyState key, String reason);

        /** A retired key's transition window is over: drop its data-channel keys now. */
        void keyRetired(KeyState key);

        /** A control-channel text message ({@code PUSH_REQUEST}, {@code PUSH_REPLY} ...), without its NUL. */
        void controlText(KeyState key, String text);
    }

    /** What we put in our key method 2 message besides the randoms. */
    public record LocalKeyMethod(String options, Optional<String> username, Optional<String> password,
                                 Optional<String> peerInfo) {
    }

    /** Key ids cycle 0, 1 ... 7, 1 ... (ssl.c: key_id 0 is only ever the first key). */
    static final int KEY_IDS = 8;

    private final SessionSettings settings;
    private final ControlCodec codec;
    private final Listener listener;
    private final SessionId localId;
    private final KeyMethod2Codec keyMethodCodec;
    private final ControlTextFramer framer;
    private final KeyState[] keys = new KeyState[KEY_IDS];
    private final ByteBuffer out;
    private final int maxTlsChunk;
    /** Bytes a P_CONTROL_WKC_V1 carries beyond a P_CONTROL_V1: the wrapped client key, with tls-crypt-v2. */
    private final int wrappedKeyRoom;
    /** The client's first reset: V3 with tls-crypt-v2, V2 otherwise; V2 on a server (unused). */
    private final Opcode clientReset;
    private final long handWindowNanos;
    private final long transitionNanos;

    private SessionId remoteId = SessionId.UNDEFINED;
    /** The key id of the newest key (negotiating or active), or -1 before the first. */
    private int latest = -1;
    /** The key id of the key the data channel sends with, or -1 until one is active. */
    private int primary = -1;
    private long dropped;

    private ControlSession(SessionSettings settings, ControlCodec codec, Listener listener, ControlRejectCounters rejects,
                           Opcode clientReset) {
        this(settings, codec, listener, rejects, clientReset, SessionId.random(settings.random()));
    }

    private ControlSession(SessionSettings settings, ControlCodec codec, Listener listener, ControlRejectCounters rejects,
                           Opcode clientReset, SessionId localId) {
        this.clientReset = clientReset;
        this.settings = settings;
        this.codec = codec;
        this.listener = listener;
        this.localId = localId;
        this.keyMethodCodec = new KeyMethod2Codec(KeyMethod2Limits.DEFAULT, rejects);
        this.framer = ControlTextFramer.openVpnDefault(rejects);
        this.out = ByteBuffer.allocate(settings.tlsMtu() + 512);
        this.handWindowNanos = settings.handWindow().toNanos();
        this.transitionNanos = settings.transitionWindow().toNanos();
        // The TLS bytes one control packet carries: the tls-mtu less the largest header a
        // P_CONTROL_V1 can have (piggy-backed acks, protection overhead).
        ControlPacket template = new ControlPacket(Opcode.P_CONTROL_V1, 0, localId,
                AckRecord.of(new SessionId(1), 1, 2, 3, 4), 0, new byte[0]);
        this.maxTlsChunk = settings.tlsMtu() - codec.maxEncodedLength(template);
        ControlPacket withKey = new ControlPacket(Opcode.P_CONTROL_WKC_V1, 0, localId,
                AckRecord.of(new SessionId(1), 1, 2, 3, 4), 0, new byte[0]);
        this.wrappedKeyRoom = codec.maxEncodedLength(withKey) - codec.maxEncodedLength(template);
    }

    /** A server session, waiting for the client's first reset. */
    public static ControlSession server(SessionSettings settings, ControlCodec codec, Listener listener,
                                       ControlRejectCounters rejects) {
        requireRole(settings, SessionRole.SERVER);
        return new ControlSession(settings, codec, listener, rejects, Opcode.P_CONTROL_HARD_RESET_CLIENT_V2);
    }

    /**
     * A server session whose reset exchange already happened outside it: the server answered the
     * client's hard reset statelessly, with {@code localId} (its HMAC cookie) as its session id,
     * and the client's next packet echoed it (ssl.c {@code session_skip_to_pre_start}). Key 0
     * starts with both resets done: the client's message 0 counts as received, ours as sent and
     * acknowledged, so the next message each way is 1, and TLS waits for the client's hello.
     * The codec's wrapper must already have skipped the replay packet id the reset reply used
     * ({@link io.sluice.core.wire.ControlWrapper#skipSendIds}).
     */
    public static ControlSession serverAfterStatelessReset(SessionSettings settings, ControlCodec codec,
                                                           Listener listener, ControlRejectCounters rejects,
                                                           SessionId localId, SessionId remoteId, long now) {
        requireRole(settings, SessionRole.SERVER);
        if (!localId.isDefined() || !remoteId.isDefined()) {
            throw new IllegalArgumentException("both session ids must be defined");
        }
        ControlSession s = new ControlSession(settings, codec, listener, rejects, Opcode.P_CONTROL_HARD_RESET_CLIENT_V2,
                localId);
        s.remoteId = remoteId;
        KeyState key = s.newKey(0, KeyPhase.START, now, 1);
        key.resetSent(true);
        key.tls(settings.tls().newEndpoint());
        return s;
    }

    /** A client session whose first reset ({@code P_CONTROL_HARD_RESET_CLIENT_V2}) is queued. */
    public static ControlSession client(SessionSettings settings, ControlCodec codec, Listener listener,
                                       ControlRejectCounters rejects, long now) {
        return client(settings, codec, listener, rejects, now, Opcode.P_CONTROL_HARD_RESET_CLIENT_V2);
    }

    /**
     * A client session starting with {@code reset}: P_CONTROL_HARD_RESET_CLIENT_V3 when the
     * codec's wrapper is tls-crypt-v2 ({@code ControlProtection.clientReset()}), V2 otherwise.
     */
    public static ControlSession client(SessionSettings settings, ControlCodec codec, Listener listener,
                                       ControlRejectCounters rejects, long now, Opcode reset) {
        requireRole(settings, SessionRole.CLIENT);
        if (reset != Opcode.P_CONTROL_HARD_RESET_CLIENT_V2 && reset != Opcode.P_CONTROL_HARD_RESET_CLIENT_V3) {
            throw new IllegalArgumentException(reset + " is not a client's hard reset");
        }
        ControlSession s = new ControlSession(settings, codec, listener, rejects, reset);
        KeyState key = s.newKey(0, KeyPhase.PRE_START, now);
        s.sendReset(key, reset, now);
        s.flush(now);
        return s;
    }

    private static void requireRole(SessionSettings settings, SessionRole role) {
        if (settings.role() != role) {
            throw new IllegalArgumentException("settings are for a " + settings.role() + ", not a " + role);
        }
    }

    public SessionId localId() {
        return localId;
    }

    /** The peer's session id, {@link SessionId#UNDEFINED} until its first packet. */
    public SessionId remoteId() {
        return remoteId;
    }

    public SessionRole role() {
        return settings.role();
    }

    /** The key data is sent with, if one is active. */
    public Optional<KeyState> primaryKey() {
        return primary < 0 ? Optional.empty() : Optional.ofNullable(keys[primary]);
    }

    /** The key with this id, if the session has one. */
    public Optional<KeyState> key(int keyId) {
        return keyId < 0 || keyId >= KEY_IDS ? Optional.empty() : Optional.ofNullable(keys[keyId]);
    }

    /** Packets dropped because they belong to no key or another session. */
    public long dropped() {
        return dropped;
    }

    /**
     * Takes in a decoded control packet from the peer. The owner has already matched it to this
     * session (by transport address or session id) and removed control-channel protection.
     */
    public void receive(ControlMessage message, long now) {
        if (remoteId.isDefined() && !remoteId.equals(message.sessionId())) {
            dropped++;
            return;
        }
        int keyId = message.keyId();
        KeyState key = keys[keyId];
        // After seven renegotiations key ids wrap: a soft reset for the next id replaces an older
        // key still retiring in that slot.
        boolean replacesOld = key != null && keyId != latest && message instanceof ControlPacket p
                && p.opcode() == Opcode.P_CONTROL_SOFT_RESET_V1;
        if (key == null || key.phase().terminal() || replacesOld) {
            key = keyForNewReset(message, now);
            if (key == null) {
                dropped++;
                return;
            }
        }
        key.channel().receive(message, now);
        if (!remoteId.isDefined() && message.sessionId().isDefined()) {
            remoteId = message.sessionId();
        }
        ControlPacket delivered;
        while ((delivered = key.channel().poll()) != null) {
            deliver(key, delivered, now);
        }
        pump(now);
    }

    /** A new key state for a packet with an unknown key id, if the packet is a reset that may start one. */
    private KeyState keyForNewReset(ControlMessage message, long now) {
        if (!(message instanceof ControlPacket packet)) {
            return null;
        }
        int keyId = packet.keyId();
        Opcode op = packet.opcode();
        if (settings.role().isServer() && op.isClientHardReset() && keyId == 0 && latest < 0) {
            return newKey(0, KeyPhase.PRE_START, now);
        }
        // The peer starts a renegotiation: a soft reset with the key id after the newest one.
        if (op == Opcode.P_CONTROL_SOFT_RESET_V1 && latest >= 0 && keyId == nextKeyId(latest)) {
            return newKey(keyId, KeyPhase.PRE_START, now);
        }
        return null;
    }

    private KeyState newKey(int keyId, KeyPhase phase, long now) {
        return newKey(keyId, phase, now, 0);
    }

    /** @param firstId the first message id each way: 0, or 1 when the resets were exchanged outside this session */
    private KeyState newKey(int keyId, KeyPhase phase, long now, int firstId) {
        KeyState old = keys[keyId];
        if (old != null) {
            boolean wasLive = !old.phase().terminal();
            old.close();
            if (wasLive) {
                listener.keyRetired(old); // its data-channel keys must go before the id is reused
            }
        }
        ReliableChannel channel = new ReliableChannel(settings.reliable(), keyId, localId, remoteId, firstId, firstId);
        KeyState key = new KeyState(keyId, settings.role(), channel, phase, now);
        keys[keyId] = key;
        latest = keyId;
        return key;
    }

    private static int nextKeyId(int keyId) {
        return keyId + 1 >= KEY_IDS ? 1 : keyId + 1;
    }

    /** A message the reliability layer delivered in order. */
    private void deliver(KeyState key, ControlPacket packet, long now) {
        switch (packet.opcode()) {
            case P_CONTROL_HARD_RESET_CLIENT_V2, P_CONTROL_HARD_RESET_CLIENT_V3, P_CONTROL_HARD_RESET_SERVER_V2,
                    P_CONTROL_SOFT_RESET_V1 -> peerReset(key, packet, now);
            case P_CONTROL_V1, P_CONTROL_WKC_V1 -> tlsBytes(key, packet);
            default -> dropped++;
        }
    }

    /** The peer's reset: answer it if we have not sent ours, and start TLS. */
    private void peerReset(KeyState key, ControlPacket packet, long now) {
        if (key.phase() != KeyPhase.PRE_START || key.tls() != null) {
            return; // A repeated reset: the reliability layer acked it again; nothing else to do.
        }
        if (clientReset == Opcode.P_CONTROL_HARD_RESET_CLIENT_V3
                && packet.opcode() == Opcode.P_CONTROL_HARD_RESET_SERVER_V2) {
            // An OpenVPN 2.6 server that answered statelessly asks for our WKc again (ssl.c
            // parse_early_negotiation_tlvs); a malformed TLV list asks for nothing.
            Decoded<EarlyNegotiation> early = EarlyNegotiation.parse(packet.payload());
            key.resendWrappedKey(early.isOk() && early.value().resendWrappedClientKey());
        }
        if (!key.resetSent()) {
            Opcode answer = packet.opcode() == Opcode.P_CONTROL_SOFT_RESET_V1 ? Opcode.P_CONTROL_SOFT_RESET_V1
                    : Opcode.P_CONTROL_HARD_RESET_SERVER_V2;
            sendReset(key, answer, now);
        }
        TlsEndpoint tls = settings.tls().newEndpoint();
        key.tls(tls);
        key.phase(KeyPhase.START);
    }

    /** Our reset opens a key state; it carries no payload (early negotiation is not offered). */
    private void sendReset(KeyState key, Opcode opcode, long now) {
        key.channel().send(opcode, ByteBuffer.allocate(0), now);
        key.resetSent(true);
    }

    private void tlsBytes(KeyState key, ControlPacket packet) {
        TlsEndpoint tls = key.tls();
        if (tls == null || key.phase().terminal()) {
            dropped++;
            return;
        }
        ByteBuffer payload = packet.payload();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        tls.receive(bytes);
    }

    /**
     * Sends a control-channel text message on the newest active key, NUL-terminated as OpenVPN
     * sends them.
     *
     * @return false if no key is active yet (the message is not sent)
     */
    public boolean sendText(String text, long now) {
        Optional<KeyState> key = primaryKey().filter(k -> k.phase() == KeyPhase.ACTIVE);
        if (key.isEmpty()) {
            return false;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = Arrays.copyOf(bytes, bytes.length + 1);
        key.get().tls().send(withNul);
        pump(now);
        return true;
    }

    /**
     * Starts a renegotiation from our side: a new key state with the next key id, opened with a
     * soft reset. The current key keeps working until the new one is active.
     *
     * @return the new key, or empty if a negotiation is already under way
     */
    public Optional<KeyState> renegotiate(long now) {
        if (latest < 0 || keys[latest].phase() != KeyPhase.ACTIVE) {
            return Optional.empty();
        }
        KeyState key = newKey(nextKeyId(latest), KeyPhase.PRE_START, now);
        sendReset(key, Opcode.P_CONTROL_SOFT_RESET_V1, now);
        flush(now);
        return Optional.of(key);
    }

    /** Runs timers: retransmissions, the hand window, retirement of old keys. */
    public void tick(long now) {
        for (KeyState key : keys) {
            if (key == null || key.phase().terminal()) {
                continue;
            }
            if (key.phase() != KeyPhase.ACTIVE && now - key.createdAt() >= handWindowNanos) {
                fail(key, "TLS Error: TLS key negotiation failed to occur within "
                        + settings.handWindow().toSeconds() + " seconds (check your network connectivity)");
            } else if (key.retiring() && now - key.retireAt() >= 0) {
                key.close();
                keys[key.keyId()] = null;
                listener.keyRetired(key);
            }
        }
        pump(now);
    }

    /** When {@link #tick} must run next (monotonic nanos), or {@link ReliableConstants#NEVER}. */
    public long nextWakeup(long now) {
        long next = ReliableConstants.NEVER;
        for (KeyState key : keys) {
            if (key == null || key.phase().terminal()) {
                continue;
            }
            next = earliest(next, key.channel().nextWakeup(now));
            if (key.phase() != KeyPhase.ACTIVE) {
                next = earliest(next, key.createdAt() + handWindowNanos);
            }
            if (key.retiring()) {
                next = earliest(next, key.retireAt());
            }
        }
        return next;
    }

    private static long earliest(long a, long b) {
        if (a == ReliableConstants.NEVER) {
            return b;
        }
        if (b == ReliableConstants.NEVER) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }

    /** Closes every key state; nothing more is sent. */
    public void close() {
        for (int i = 0; i < KEY_IDS; i++) {
            if (keys[i] != null) {
                keys[i].close();
            }
        }
    }

    // --- the engine room --------------------------------------------------------------------

    /** Moves TLS bytes, key method 2 and text messages along for every key, then transmits. */
    private void pump(long now) {
        for (KeyState key : keys) {
            if (key != null && key.tls() != null && !key.phase().terminal()) {
                advance(key, now);
            }
        }
        flush(now);
    }

    private void advance(KeyState key, long now) {
        TlsEndpoint tls = key.tls();
        boolean progress = true;
        while (progress) {
            progress = false;
            if (tls.state() == TlsState.ESTABLISHED && key.phase() == KeyPhase.START && !settings.role().isServer()) {
                sendKeyMethod(key);
                key.phase(KeyPhase.SENT_KEY);
                progress = true;
            }
            if (tls.applicationDataAvailable() > 0) {
                applicationData(key, tls.takeApplicationData(), now);
                progress = true;
            }
            queueTlsOutput(key, now);
            if (tls.state() == TlsState.FAILED) {
                fail(key, tls.failure().map(TlsFailure::toString).orElse("TLS Error: handshake failed"));
                return;
            }
            if (key.phase().terminal()) {
                return;
            }
        }
    }

    private void sendKeyMethod(KeyState key) {
        LocalKeyMethod local = listener.localKeyMethod(key);
        byte[] random1 = randomBytes(KeyMethod2Message.RANDOM_LENGTH);
        byte[] random2 = randomBytes(KeyMethod2Message.RANDOM_LENGTH);
        KeyMethod2Message message = settings.role().isServer()
                ? KeyMethod2Message.server(random1, random2, local.options())
                : KeyMethod2Message.client(randomBytes(KeyMethod2Message.PRE_MASTER_LENGTH), random1, random2,
                        local.options(), local.username(), local.password(), local.peerInfo());
        key.sent(message);
        key.tls().send(KeyMethod2Codec.encode(message));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        settings.random().nextBytes(b);
        return b;
    }

    private void applicationData(KeyState key, byte[] data, long now) {
        ByteBuffer buffer = key.appendReceived(data);
        if (key.peerKeyMethod().isEmpty()) {
            boolean fromClient = settings.role().isServer();
            Parsed<KeyMethod2Message> parsed = keyMethodCodec.decodeConsuming(buffer, fromClient);
            if (!parsed.isOk()) {
                fail(key, "TLS Error: bad key method 2 message from the peer: " + parsed.reject());
                return;
            }
            key.peer(parsed.value());
            Optional<String> refused = listener.keyMethodReceived(key, parsed.value());
            if (refused.isPresent()) {
                fail(key, refused.get());
                return;
            }
            if (settings.role().isServer()) {
                sendKeyMethod(key);
            }
            activate(key, now);
        }
        if (buffer.hasRemaining() && key.phase() == KeyPhase.ACTIVE) {
            List<String> texts = framer.split(buffer);
            buffer.position(buffer.limit());
            for (String text : texts) {
                listener.controlText(key, text);
            }
        }
    }

    /** A key finished its exchange: it becomes primary and the previous one starts retiring. */
    private void activate(KeyState key, long now) {
        key.active(now);
        int previous = primary;
        primary = key.keyId();
        if (previous >= 0 && previous != primary && keys[previous] != null && !keys[previous].phase().terminal()) {
            keys[previous].retire(now + transitionNanos);
        }
        listener.keyActive(key);
    }

    /** Cuts pending TLS output into control packets as far as the send window allows. */
    private void queueTlsOutput(KeyState key, long now) {
        TlsEndpoint tls = key.tls();
        if (tls.outputAvailable() > 0) {
            byte[] bytes = tls.takeOutput();
            int off = 0;
            while (off < bytes.length) {
                // The packet that carries the WKc again has that much less room for TLS (ssl.c).
                int room = firstTlsPacketCarriesKey(key) && key.pendingTls().isEmpty() && off == 0
                        ? maxTlsChunk - wrappedKeyRoom : maxTlsChunk;
                key.pendingTls().add(Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + room)));
                off += room;
            }
        }
        ReliableChannel channel = key.channel();
        while (!key.pendingTls().isEmpty() && channel.canSend()) {
            Opcode opcode = firstTlsPacketCarriesKey(key) ? Opcode.P_CONTROL_WKC_V1 : Opcode.P_CONTROL_V1;
            channel.send(opcode, ByteBuffer.wrap(key.pendingTls().poll()), now);
        }
    }

    /**
     * Whether the next TLS packet of {@code key} is the one that resends the wrapped client key:
     * the first after the reset (message id 1), when the server asked (ssl.c
     * {@code session_move_pre_start}'s {@code CO_RESEND_WKC} test).
     */
    private static boolean firstTlsPacketCarriesKey(KeyState key) {
        return key.resendWrappedKey() && key.channel().sender().nextId() == 1;
    }

    private void fail(KeyState key, String reason) {
        if (key.phase().terminal()) {
            return;
        }
        key.fail(reason);
        if (key.keyId() == primary) {
            primary = -1;
        }
        listener.keyFailed(key, reason);
    }

    /** Transmits everything the reliability layers of all keys have due. */
    private void flush(long now) {
        for (KeyState key : keys) {
            if (key == null || key.phase() == KeyPhase.CLOSED) {
                continue;
            }
            ReliableChannel channel = key.channel();
            ControlMessage message;
            while ((message = channel.nextToSend(now)) != null) {
                out.clear();
                codec.encode(message, out);
                out.flip();
                listener.transmit(out);
            }
        }
    }

    @Override
    public String toString() {
        return "ControlSession[" + settings.role() + " " + localId + " <-> " + remoteId + ", primary key " + primary + "]";
    }
}
