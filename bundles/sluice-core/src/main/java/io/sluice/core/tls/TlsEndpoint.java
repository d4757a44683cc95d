package io.sluice.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One TLS session of the control channel, as bytes in and bytes out: OpenVPN runs a new TLS
 * session for every key, so each key state gets its own endpoint (no renegotiation, no
 * resumption).
 *
 * <p>Byte-oriented over Bouncy Castle's non-blocking {@link TlsServerProtocol} /
 * {@link TlsClientProtocol}:
 * <ul>
 *   <li>{@link #receive} takes TLS record bytes exactly as the reliability layer delivers them:
 *       in order, in chunks of any size (a partial record is kept until the rest arrives).</li>
 *   <li>{@link #takeOutput} drains the TLS bytes to send, which the reliability layer cuts into
 *       control packets. Check it after every {@link #receive}, {@link #send} and {@link #close},
 *       and once after creating a client (its ClientHello is ready at once).</li>
 *   <li>{@link #send} queues application data (key-method-2 messages, {@code PUSH_REQUEST} ...);
 *       data sent during the handshake is held and encrypted as soon as it completes, as
 *       OpenSSL does with OpenVPN's early {@code SSL_write}. {@link #takeApplicationData}
 *       returns what the peer sent.</li>
 * </ul>
 *
 * <p>"Needs more input" is simply {@link TlsState#HANDSHAKING} with no output pending. Nothing
 * the peer sends makes a method throw: garbage, protocol violations, unacceptable certificates
 * and alerts end in {@link TlsState#FAILED} with a {@link #failure()} in OpenVPN's words; the
 * output may then still hold the alert we send, worth delivering before dropping the key.
 * Exceptions are reserved for caller mistakes (bad array bounds, exporting keys too early).
 *
 * <p>Sizes: application data is cut into records of at most 16384 bytes; a record on the
 * wire is at most 16384 + 256 bytes of payload plus a 5-byte header, which is also the most
 * the endpoint buffers of an incomplete incoming record. Received application data is
 * buffered until taken.
 *
 * <p>TLS 1.3 note: a client completes its handshake when it sends its Finished, before the
 * server has judged its certificate; a refusal then arrives as an alert after
 * {@link TlsState#ESTABLISHED} and turns the client {@link TlsState#FAILED}
 * ({@link TlsFailure.Kind#ALERT_RECEIVED}). OpenVPN has the same property; the server's
 * key-method-2 reply is the real sign of acceptance.
 *
 * <p>Not thread-safe: confine an endpoint to the session's thread (or lock around it).
 */
public final class TlsEndpoint {

    private final TlsRole role;
    private final TlsSettings settings;
    private final PeerVerifier verifier;
    private final TlsProtocol protocol;
    private final ServerPeer serverPeer;
    private final ClientPeer clientPeer;
    private final ArrayDeque<byte[]> heldPlaintext = new ArrayDeque<>();

    private TlsState state = TlsState.HANDSHAKING;
    private boolean handshakeDone;
    private TlsFailure failure;
    private TlsFailure verifyFailure;
    private List<X509Certificate> peerChain = List.of();
    private List<String> verificationLog = List.of();
    private TlsSessionInfo session;
    private ExporterSecret exporter;

    private TlsEndpoint(TlsRole role, TlsSettings settings, BcTlsCrypto crypto, LocalCredentials credentials,
            Clock wallClock) {
        this.role = role;
        this.settings = settings;
        this.verifier = new PeerVerifier(settings, role.peerRole(), wallClock);
        HandshakeEvents events = new Events();
        if (role == TlsRole.SERVER) {
            this.protocol = new TlsServerProtocol();
            this.serverPeer = new ServerPeer(crypto, settings, credentials, events);
            this.clientPeer = null;
        } else {
            this.protocol = new TlsClientProtocol();
            this.serverPeer = null;
            this.clientPeer = new ClientPeer(crypto, settings, credentials, events);
        }
    }

    /** A server endpoint waiting for a ClientHello. */
    static TlsEndpoint server(TlsSettings settings, BcTlsCrypto crypto, LocalCredentials credentials,
            Clock wallClock) {
        TlsEndpoint endpoint = new TlsEndpoint(TlsRole.SERVER, settings, crypto, credentials, wallClock);
        try {
            ((TlsServerProtocol) endpoint.protocol).accept(endpoint.serverPeer);
        } catch (IOException | RuntimeException e) {
            endpoint.fail(e);
        }
        return endpoint;
    }

    /** A client endpoint whose ClientHello is ready in {@link #takeOutput()}. */
    static TlsEndpoint client(TlsSettings settings, BcTlsCrypto crypto, LocalCredentials credentials,
            Clock wallClock) {
        TlsEndpoint endpoint = new TlsEndpoint(TlsRole.CLIENT, settings, crypto, credentials, wallClock);
        try {
            ((TlsClientProtocol) endpoint.protocol).connect(endpoint.clientPeer);
        } catch (IOException | RuntimeException e) {
            endpoint.fail(e);
        }
        return endpoint;
    }

    public TlsRole role() {
        return role;
    }

    public TlsState state() {
        return state;
    }

    /** Why the endpoint failed; empty unless {@link #state()} is {@link TlsState#FAILED}. */
    public Optional<TlsFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** What the handshake negotiated; present from {@link TlsState#ESTABLISHED} on. */
    public Optional<TlsSessionInfo> session() {
        return Optional.ofNullable(session);
    }

    /**
     * OpenVPN-style lines of the peer-certificate verification so far, also after a rejection
     * ({@code VERIFY OK: depth=1, ...}, {@code VERIFY KU OK}, {@code VERIFY EKU OK} ...).
     */
    public List<String> verificationLog() {
        return verificationLog;
    }

    /**
     * Feeds TLS bytes received from the peer.
     *
     * @return the state afterwards; input after {@link TlsState#CLOSED} or
     *         {@link TlsState#FAILED} is ignored
     */
    public TlsState receive(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (state == TlsState.FAILED || state == TlsState.CLOSED || length == 0) {
            return state;
        }
        try {
            protocol.offerInput(data, offset, length);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return state;
        }
        advance();
        return state;
    }

    public TlsState receive(byte[] data) {
        return receive(data, 0, data.length);
    }

    /** Number of TLS bytes waiting to be sent to the peer. */
    public int outputAvailable() {
        return protocol.getAvailableOutputBytes();
    }

    /** Takes all TLS bytes waiting to be sent (possibly none). */
    public byte[] takeOutput() {
        byte[] out = new byte[protocol.getAvailableOutputBytes()];
        protocol.readOutput(out, 0, out.length);
        return out;
    }

    /** Takes up to {@code length} TLS bytes to send; returns how many were copied. */
    public int takeOutput(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return protocol.readOutput(buffer, offset, length);
    }

    /**
     * Sends application data to the peer (encrypted into {@link #takeOutput()}). During the
     * handshake the data is held and sent once it completes.
     *
     * @return the state afterwards; data is dropped in {@link TlsState#CLOSED} and
     *         {@link TlsState#FAILED}
     */
    public TlsState send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length == 0) {
            return state;
        }
        if (state == TlsState.HANDSHAKING) {
            heldPlaintext.add(Arrays.copyOfRange(data, offset, offset + length));
        } else if (state == TlsState.ESTABLISHED) {
            write(data, offset, length);
        }
        return state;
    }

    public TlsState send(byte[] data) {
        return send(data, 0, data.length);
    }

    /** Number of received application-data bytes not yet taken. */
    public int applicationDataAvailable() {
        return protocol.getAvailableInputBytes();
    }

    /** Takes all received application data (possibly none). */
    public byte[] takeApplicationData() {
        byte[] out = new byte[protocol.getAvailableInputBytes()];
        protocol.readInput(out, 0, out.length);
        return out;
    }

    /** Takes up to {@code length} bytes of received application data; returns how many were copied. */
    public int takeApplicationData(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return protocol.readInput(buffer, offset, length);
    }

    /**
     * Whether {@link #exportKeyingMaterial} will work: the session is established and, for
     * TLS 1.2, uses the extended master secret.
     */
    public boolean canExportKeyingMaterial() {
        return state == TlsState.ESTABLISHED && exporter != null && exporter.available();
    }

    /**
     * RFC 5705 keying-material export with no context value, as OpenSSL's
     * {@code SSL_export_keying_material(..., use_context=0)} does for OpenVPN's
     * {@code key-derivation tls-ekm} (label {@code EXPORTER-OpenVPN-datakeys}, 256 bytes).
     *
     * @throws IllegalStateException unless {@link TlsState#ESTABLISHED}, or for a TLS 1.2
     *                               session without extended master secret (RFC 7627 forbids
     *                               exporting from it)
     */
    public byte[] exportKeyingMaterial(String label, int length) {
        Objects.requireNonNull(label, "label");
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        if (state != TlsState.ESTABLISHED || exporter == null) {
            throw new IllegalStateException("TLS keying material can only be exported from an established session"
                    + " (state " + state + ")");
        }
        return exporter.export(label, length);
    }

    /**
     * Ends the session with a close_notify (in {@link #takeOutput()}); the endpoint is then
     * {@link TlsState#CLOSED}. Does nothing after a failure or an earlier close.
     */
    public void close() {
        if (state == TlsState.HANDSHAKING || state == TlsState.ESTABLISHED) {
            try {
                protocol.close();
            } catch (IOException | RuntimeException e) {
                // Closing anyway: the alert is a courtesy, the key state is going away.
            }
            heldPlaintext.clear();
            forgetSecrets();
            state = TlsState.CLOSED;
        }
    }

    @Override
    public String toString() {
        return "TlsEndpoint[" + role + ", " + state + (failure != null ? ", " + failure : "") + "]";
    }

    private TlsContext context() {
        return serverPeer != null ? serverPeer.context() : clientPeer.context();
    }

    private void advance() {
        if (state == TlsState.HANDSHAKING && handshakeDone) {
            SecurityParameters sp = context().getSecurityParametersConnection();
            TlsVersion version = TlsVersion.of(sp.getNegotiatedVersion());
            TlsCipherSuite suite = TlsCipherSuite.of(sp.getCipherSuite());
            if (version == null || suite == null) {
                // Cannot happen: we only offer our own versions and suites.
                failure = new TlsFailure(TlsFailure.Kind.INTERNAL, "TLS Error: negotiated unexpected "
                        + sp.getNegotiatedVersion() + " / cipher suite 0x" + Integer.toHexString(sp.getCipherSuite()));
                state = TlsState.FAILED;
                forgetSecrets();
                return;
            }
            session = new TlsSessionInfo(version, suite, peerChain, verificationLog);
            state = TlsState.ESTABLISHED;
            while (!heldPlaintext.isEmpty() && state == TlsState.ESTABLISHED) {
                byte[] held = heldPlaintext.poll();
                write(held, 0, held.length);
            }
        }
        if (state == TlsState.ESTABLISHED && protocol.isClosed()) {
            state = TlsState.CLOSED; // the peer sent close_notify (and we answered it)
            forgetSecrets();
        }
    }

    private void write(byte[] data, int offset, int length) {
        try {
            protocol.writeApplicationData(data, offset, length);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void forgetSecrets() {
        if (exporter != null) {
            exporter.destroy();
        }
    }

    private void fail(Exception e) {
        heldPlaintext.clear();
        forgetSecrets();
        state = TlsState.FAILED;
        failure = verifyFailure != null ? verifyFailure : TlsFailures.describe(e, handshakeDone);
    }

    private static List<X509Certificate> toX509(Certificate certificate) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (TlsCertificate c : certificate.getCertificateList()) {
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
            } catch (IOException e) {
                throw new CertificateException("certificate " + out.size() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Bouncy Castle's callbacks, kept off the public API. */
    private final class Events implements HandshakeEvents {

        @Override
        public void peerCertificate(Certificate certificate) throws IOException {
            List<X509Certificate> presented;
            try {
                presented = toX509(certificate);
            } catch (CertificateException e) {
                verifyFailure = new TlsFailure(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED,
                        "VERIFY ERROR: could not parse the peer's certificate: " + e.getMessage());
                throw new TlsFatalAlert(AlertDescription.bad_certificate, verifyFailure.message());
            }
            if (presented.isEmpty() && role == TlsRole.SERVER
                    && settings.clientCertificates() == ClientCertificateMode.OPTIONAL) {
                verificationLog = List.of("VERIFY: client presented no certificate (verify-client-cert optional)");
                return;
            }
            PeerVerifier.Verdict verdict;
            try {
                verdict = verifier.verify(presented);
            } catch (RuntimeException e) {
                // A certificate the JRE parsed but something downstream chokes on: still the
                // peer's fault, and still a rejection rather than an internal error.
                verifyFailure = new TlsFailure(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED,
                        "VERIFY ERROR: could not process the peer's certificate: " + e);
                throw new TlsFatalAlert(AlertDescription.bad_certificate, verifyFailure.message());
            }
            verificationLog = verdict.log();
            if (verdict instanceof PeerVerifier.Accepted accepted) {
                peerChain = accepted.chain();
                return;
            }
            PeerVerifier.Rejected rejected = (PeerVerifier.Rejected) verdict;
            verifyFailure = rejected.failure();
            short alert = rejected.alert();
            if (alert == AlertDescription.certificate_required && !TlsUtils.isTLSv13(context())) {
                alert = AlertDescription.handshake_failure; // TLS 1.2 has no certificate_required
            }
            throw new TlsFatalAlert(alert, rejected.failure().message());
        }

        @Override
        public void handshakeComplete() {
            handshakeDone = true;
            exporter = ExporterSecret.capture(context());
        }
    }
}
