package io.sluice.core.session;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.control.KeyMethod2Message;
import io.sluice.core.keys.ExportedKeyExpansion;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.PrfKeyExpansion;
import io.sluice.core.keys.PrfKeySource;
import io.sluice.core.reliable.ReliableChannel;
import io.sluice.core.tls.TlsEndpoint;
import io.sluice.core.tls.TlsSessionInfo;
import io.sluice.core.wire.SessionId;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One key id of a session: its reliability channel, its TLS session, the key method 2 messages
 * both sides sent, and where it stands. OpenVPN calls this {@code struct key_state}.
 *
 * <p>{@link ControlSession} drives it; the session's owner reads it (the peer's key method 2
 * message, the TLS session's certificate) and derives the data-channel keys from it once it
 * knows the cipher. Confined to the session's thread.
 */
public final class KeyState {

    private final int keyId;
    private final SessionRole role;
    private final ReliableChannel channel;
    private final long createdAt;
    /** TLS bytes produced but not yet taken into the reliability window, already cut to size. */
    private final ArrayDeque<byte[]> pendingTls = new ArrayDeque<>();
    /** Application data received but not yet consumed (a partial message). */
    private ByteBuffer received = ByteBuffer.allocate(0);

    private KeyPhase phase;
    private TlsEndpoint tls;
    private KeyMethod2Message sent;
    private KeyMethod2Message peer;
    private long activeAt;
    private long retireAt = Long.MAX_VALUE;
    private boolean retiring;
    private boolean resetSent;
    private boolean resendWrappedKey;
    private String failure;

    KeyState(int keyId, SessionRole role, ReliableChannel channel, KeyPhase phase, long now) {
        this.keyId = keyId;
        this.role = role;
        this.channel = channel;
        this.phase = phase;
        this.createdAt = now;
    }

    public int keyId() {
        return keyId;
    }

    public KeyPhase phase() {
        return phase;
    }

    /** Why the key failed, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The peer's key method 2 message, once received. */
    public Optional<KeyMethod2Message> peerKeyMethod() {
        return Optional.ofNullable(peer);
    }

    /** The TLS session (version, suite, peer certificate), once the handshake completed. */
    public Optional<TlsSessionInfo> tlsSession() {
        return tls == null ? Optional.empty() : tls.session();
    }

    /** Monotonic time (nanos) the key became active, or 0. */
    public long activeAt() {
        return activeAt;
    }

    /**
     * The 256-byte key block both sides compute for this key: from the TLS exporter when
     * {@code tlsEkm} ({@code key-derivation tls-ekm}), else with OpenVPN's PRF from the key
     * method 2 randoms and both session ids. The caller selects its direction and destroys it.
     *
     * @throws IllegalStateException before the key method 2 exchange completed
     */
    public Key2 key2(boolean tlsEkm, DigestProvider digests) throws GeneralSecurityException {
        if (phase != KeyPhase.ACTIVE) {
            throw new IllegalStateException("key " + keyId + " is not active: " + phase);
        }
        if (tlsEkm) {
            return ExportedKeyExpansion.expand((label, out) -> {
                byte[] material = tls.exportKeyingMaterial(label, out.length);
                System.arraycopy(material, 0, out, 0, out.length);
            });
        }
        KeyMethod2Message client = role.isServer() ? peer : sent;
        KeyMethod2Message server = role.isServer() ? sent : peer;
        SessionId clientId = role.isServer() ? channel.remoteSessionId() : channel.localSessionId();
        SessionId serverId = role.isServer() ? channel.localSessionId() : channel.remoteSessionId();
        PrfKeySource source = new PrfKeySource(client.preMaster(), client.random1(), client.random2(),
                server.random1(), server.random2(), bytes(clientId), bytes(serverId));
        try {
            return new PrfKeyExpansion(digests).expand(source);
        } finally {
            source.destroy();
        }
    }

    private static byte[] bytes(SessionId id) {
        ByteBuffer b = ByteBuffer.allocate(8);
        id.write(b);
        return b.array();
    }

    // --- for ControlSession ---------------------------------------------------------------

    ReliableChannel channel() {
        return channel;
    }

    TlsEndpoint tls() {
        return tls;
    }

    void tls(TlsEndpoint endpoint) {
        this.tls = endpoint;
    }

    ArrayDeque<byte[]> pendingTls() {
        return pendingTls;
    }

    long createdAt() {
        return createdAt;
    }

    /**
     * tls-crypt-v2 client: the server's reset asked for the wrapped client key again
     * ({@code EARLY_NEG_FLAG_RESEND_WKC}), so this key's first TLS packet goes as P_CONTROL_WKC_V1.
     */
    boolean resendWrappedKey() {
        return resendWrappedKey;
    }

    void resendWrappedKey(boolean resend) {
        this.resendWrappedKey = resend;
    }

    boolean resetSent() {
        return resetSent;
    }

    void resetSent(boolean sent) {
        this.resetSent = sent;
    }

    void phase(KeyPhase next) {
        this.phase = next;
    }

    void sent(KeyMethod2Message message) {
        this.sent = message;
    }

    void peer(KeyMethod2Message message) {
        this.peer = message;
    }

    void active(long now) {
        this.phase = KeyPhase.ACTIVE;
        this.activeAt = now;
    }

    void fail(String reason) {
        if (!phase.terminal()) {
            this.failure = reason;
            this.phase = KeyPhase.FAILED;
        }
    }

    /** Schedules retirement: the key keeps decrypting until {@code at}, then closes. */
    void retire(long at) {
        this.retiring = true;
        this.retireAt = at;
    }

    boolean retiring() {
        return retiring;
    }

    long retireAt() {
        return retireAt;
    }

    /** Appends newly received application data to what is still unconsumed. */
    ByteBuffer appendReceived(byte[] data) {
        ByteBuffer merged = ByteBuffer.allocate(received.remaining() + data.length);
        merged.put(received).put(data).flip();
        received = merged;
        return received;
    }

    ByteBuffer received() {
        return received;
    }

    void close() {
        if (tls != null) {
            tls.close();
        }
        pendingTls.clear();
        if (!phase.terminal()) {
            phase = KeyPhase.CLOSED;
        }
    }

    @Override
    public String toString() {
        return "KeyState[id=" + keyId + ", " + phase + (failure == null ? "" : ", " + failure) + "]";
    }
}
