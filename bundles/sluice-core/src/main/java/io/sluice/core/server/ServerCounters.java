package io.sluice.core.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a server dropped and why: every bad packet is counted, none crashes anything. Cheap to
 * bump from any thread.
 */
public final class ServerCounters {

    private final LongAdder malformed = new LongAdder();
    private final LongAdder unknownPeer = new LongAdder();
    private final LongAdder controlAuthFailed = new LongAdder();
    private final LongAdder badControl = new LongAdder();
    private final LongAdder badData = new LongAdder();
    private final LongAdder badFraming = new LongAdder();
    private final LongAdder badSource = new LongAdder();
    private final LongAdder noRoute = new LongAdder();
    private final LongAdder sealFailed = new LongAdder();
    private final LongAdder sendFailed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder tunWriteFailed = new LongAdder();
    private final LongAdder clientKeyRefused = new LongAdder();
    private final LongAdder statelessReplies = new LongAdder();
    private final LongAdder badCookie = new LongAdder();
    private final LongAdder noCookieSupport = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();

    void malformed() {
        malformed.increment();
    }

    void unknownPeer() {
        unknownPeer.increment();
    }

    void controlAuthFailed() {
        controlAuthFailed.increment();
    }

    void badControlPacket() {
        badControl.increment();
    }

    void badDataPacket() {
        badData.increment();
    }

    void badCompressionFraming() {
        badFraming.increment();
    }

    void badSourceAddress() {
        badSource.increment();
    }

    void noRoute() {
        noRoute.increment();
    }

    void sealFailed() {
        sealFailed.increment();
    }

    void sendFailed() {
        sendFailed.increment();
    }

    void refusedClient() {
        refused.increment();
    }

    void tunWriteFailed() {
        tunWriteFailed.increment();
    }

    void clientKeyRefused() {
        clientKeyRefused.increment();
    }

    void statelessReply() {
        statelessReplies.increment();
    }

    void badCookie() {
        badCookie.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    /** Resets and new sessions dropped by connect-freq-initial or connect-freq. */
    public long rateLimitedPackets() {
        return rateLimited.sum();
    }

    void noCookieSupport() {
        noCookieSupport.increment();
    }

    /** Client resets answered statelessly, with an HMAC cookie as our session id and no state kept. */
    public long statelessReplies() {
        return statelessReplies.sum();
    }

    /**
     * Authentic packets that would open a session after a stateless start but echoed no cookie
     * of ours for their address and session (forged, replayed, or later than the hand window).
     */
    public long badCookiePackets() {
        return badCookie.sum();
    }

    /** tls-crypt-v2 resets of clients without early negotiation, dropped under {@code force-cookie}. */
    public long clientsWithoutCookieSupport() {
        return noCookieSupport.sum();
    }

    /** Genuine tls-crypt-v2 client keys that tls-crypt-v2-verify or a listener refused. */
    public long clientKeysRefused() {
        return clientKeyRefused.sum();
    }

    /** Packets too short or with an unknown opcode. */
    public long malformedPackets() {
        return malformed.sum();
    }

    /** Packets from an address or peer id with no client. */
    public long unknownPeerPackets() {
        return unknownPeer.sum();
    }

    /**
     * First packets from unknown peers that failed tls-auth, tls-crypt or tls-crypt-v2 (a
     * wrapped key that does not unwrap, is too old, or a reset not under it), dropped before
     * any state.
     */
    public long controlAuthFailures() {
        return controlAuthFailed.sum();
    }

    /** Control packets of known clients that failed to decode. */
    public long badControlPackets() {
        return badControl.sum();
    }

    /** Data packets that failed authentication, replay checks or had no key. */
    public long badDataPackets() {
        return badData.sum();
    }

    /** Authentic data packets a client compressed (Sluice does not decompress) or framed wrongly. */
    public long badCompressionFramingPackets() {
        return badFraming.sum();
    }

    /** Tunnel packets from a client with a source address it does not own. */
    public long badSourcePackets() {
        return badSource.sum();
    }

    /** Tunnel packets for an address no client owns. */
    public long unroutablePackets() {
        return noRoute.sum();
    }

    /** Clients refused at connection (max-clients, authentication, cipher, pool). */
    public long refusedClients() {
        return refused.sum();
    }

    @Override
    public String toString() {
        return "malformed=" + malformed + " unknown-peer=" + unknownPeer + " control-auth-failed=" + controlAuthFailed
                + " bad-control=" + badControl
                + " bad-data=" + badData + " bad-source=" + badSource + " no-route=" + noRoute + " seal-failed="
                + sealFailed + " send-failed=" + sendFailed + " refused=" + refused + " tun-write-failed="
                + tunWriteFailed + " client-key-refused=" + clientKeyRefused + " stateless-replies=" + statelessReplies
                + " bad-cookie=" + badCookie + " no-cookie-support=" + noCookieSupport + " rate-limited=" + rateLimited;
    }
}
