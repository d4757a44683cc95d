package io.sluice.core.tls;

import java.io.IOException;

import org.bouncycastle.tls.Certificate;

/**
 * What the Bouncy Castle peer objects report back to their {@link TlsEndpoint} while
 * {@code offerInput} runs.
 */
interface HandshakeEvents {

    /**
     * The peer's certificate message (possibly empty). Returns normally to accept it; throws a
     * {@link org.bouncycastle.tls.TlsFatalAlert} to abort the handshake, after recording why.
     */
    void peerCertificate(Certificate certificate) throws IOException;

    /**
     * The handshake finished; application data may flow. Called from Bouncy Castle's
     * {@code notifyHandshakeComplete()}, the only moment the session's secrets can still be read.
     */
    void handshakeComplete();
}
