package io.sluice.core.tls;

import java.io.IOException;

import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.util.Arrays;

/**
 * RFC 5705 / RFC 8446 section 7.5 keying-material export, without a context value, from a copy
 * of the session's secret taken when the handshake completed.
 *
 * <p>Why a copy: Bouncy Castle wipes the master and exporter secrets as soon as
 * {@code notifyHandshakeComplete()} returns (its own {@code exportKeyingMaterial} only works
 * inside that callback), while OpenVPN derives data-channel keys later, once key-method-2 has
 * been exchanged. The derivations below are the ones Bouncy Castle and OpenSSL use:
 * <ul>
 *   <li>TLS 1.2: {@code PRF(master_secret, label, client_random + server_random)}, only with the
 *       extended master secret (RFC 7627 section 5.4 forbids exporting without it);</li>
 *   <li>TLS 1.3: {@code HKDF-Expand-Label(Derive-Secret(exporter_master_secret, label, ""),
 *       "exporter", Hash(""), length)}.</li>
 * </ul>
 * Not thread-safe; owned by one {@link TlsEndpoint}.
 */
final class ExporterSecret {

    private final TlsCrypto crypto;
    private final boolean tls13;
    private final int prfAlgorithm;
    private final int prfHash;
    private final byte[] seed;
    private final String unavailable;
    private TlsSecret secret;

    private ExporterSecret(TlsCrypto crypto, boolean tls13, int prfAlgorithm, int prfHash, byte[] seed,
            TlsSecret secret, String unavailable) {
        this.crypto = crypto;
        this.tls13 = tls13;
        this.prfAlgorithm = prfAlgorithm;
        this.prfHash = prfHash;
        this.seed = seed;
        this.secret = secret;
        this.unavailable = unavailable;
    }

    /** Copies what export needs; call from {@code notifyHandshakeComplete()}, while the secrets still exist. */
    static ExporterSecret capture(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        TlsCrypto crypto = context.getCrypto();
        if (TlsUtils.isTLSv13(sp.getNegotiatedVersion())) {
            return new ExporterSecret(crypto, true, sp.getPRFAlgorithm(), sp.getPRFCryptoHashAlgorithm(), null,
                    crypto.adoptSecret(sp.getExporterMasterSecret()), null);
        }
        if (!sp.isExtendedMasterSecret()) {
            return new ExporterSecret(crypto, false, 0, 0, null, null,
                    "the peer did not negotiate the extended master secret (RFC 7627 forbids exporting keys then)");
        }
        return new ExporterSecret(crypto, false, sp.getPRFAlgorithm(), sp.getPRFCryptoHashAlgorithm(),
                Arrays.concatenate(sp.getClientRandom(), sp.getServerRandom()),
                crypto.adoptSecret(sp.getMasterSecret()), null);
    }

    boolean available() {
        return secret != null;
    }

    /** Why export is impossible, for the exception message. */
    String unavailableReason() {
        return unavailable != null ? unavailable : "the TLS session is over";
    }

    byte[] export(String label, int length) {
        if (secret == null) {
            throw new IllegalStateException("TLS keying material export unavailable: " + unavailableReason());
        }
        if (!tls13) {
            return secret.deriveUsingPRF(prfAlgorithm, label, seed, length).extract();
        }
        try {
            byte[] emptyHash = crypto.createHash(prfHash).calculateHash();
            int hashLength = TlsCryptoUtils.getHashOutputSize(prfHash);
            TlsSecret labelSecret = TlsCryptoUtils.hkdfExpandLabel(secret, prfHash, label, emptyHash, hashLength);
            return TlsCryptoUtils.hkdfExpandLabel(labelSecret, prfHash, "exporter", emptyHash, length).extract();
        } catch (IOException e) {
            throw new IllegalStateException("TLS keying material export failed: " + e.getMessage(), e);
        }
    }

    /** Wipes the copied secret. */
    void destroy() {
        if (secret != null) {
            secret.destroy();
            secret = null;
        }
    }
}
