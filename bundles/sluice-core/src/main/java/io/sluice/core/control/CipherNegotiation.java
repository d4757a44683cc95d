package io.sluice.core.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Data-channel cipher negotiation as OpenVPN 2.6 does it for client/server mode (ssl_ncp.c
 * {@code ncp_get_best_cipher}, {@code tls_peer_ncp_list}, {@code check_pull_client_ncp},
 * {@code check_session_cipher}; multi.c {@code multi_client_set_protocol_options}).
 *
 * <p>Server side: the first of the server's data-ciphers that the client accepts. What the
 * client accepts is its {@code IV_CIPHERS}; a client without it (2.4) but with
 * {@code IV_NCP=2} accepts AES-256-GCM and AES-128-GCM, and also the {@code cipher} of its
 * options string; a client with neither (2.3 and older) only that {@code cipher}. When nothing
 * matches, {@code data-ciphers-fallback} is used only for a client that said nothing at all
 * about ciphers; otherwise authentication fails with {@link #NO_SHARED_CIPHER_REASON}.
 *
 * <p>Client side: a pushed cipher must be in the client's data-ciphers or be its fallback;
 * without a pushed cipher the client takes the server's options-string cipher if it is in its
 * data-ciphers ("poor man's NCP"), else its fallback if the server announced no cipher.
 *
 * <p>Cipher names are OpenVPN's canonical upper-case names, compared exactly.
 */
public final class CipherNegotiation {

    /** The reason OpenVPN 2.6 gives a client when negotiation fails (multi.c), sent as AUTH_FAILED. */
    public static final String NO_SHARED_CIPHER_REASON = "Data channel cipher negotiation failed (no shared cipher)";

    /** The ciphers an {@code IV_NCP=2} client without IV_CIPHERS accepts (ssl_ncp.c). */
    public static final List<String> IV_NCP_2_CIPHERS = List.of("AES-256-GCM", "AES-128-GCM");

    private CipherNegotiation() {
    }

    /**
     * A server's decision for one client.
     *
     * @param cipher the data-channel cipher, empty when negotiation failed
     * @param push   whether to push {@code cipher} (only to clients that negotiate, push.c
     *               {@code prepare_push_reply}, to spare old clients an error in their log)
     * @param log    what OpenVPN logs about the decision, in its words
     */
    public record ServerChoice(Optional<String> cipher, boolean push, List<String> log) {
        public ServerChoice {
            Objects.requireNonNull(cipher, "cipher");
            log = List.copyOf(log);
        }

        public boolean failed() {
            return cipher.isEmpty();
        }

        /** The AUTH_FAILED reason to send when {@link #failed()}. */
        public String failureReason() {
            return NO_SHARED_CIPHER_REASON;
        }
    }

    /**
     * The configured ciphers that an installed provider offers now, in order ({@code none} needs
     * no provider): what negotiation may choose and a client announces. OpenVPN drops ciphers
     * its crypto library lacks from {@code data-ciphers} at start; Sluice asks at each handshake,
     * since a provider bundle can be uninstalled or installed while the instance runs.
     */
    public static List<String> offeredNow(List<String> configured, io.sluice.core.engine.CryptoProviders providers) {
        List<String> offered = new ArrayList<>(configured.size());
        for (String c : configured) {
            if (c.equalsIgnoreCase("none") || providers.cipherSpec(c).isPresent()) {
                offered.add(c);
            }
        }
        return offered;
    }

    /**
     * Picks the cipher for a client.
     *
     * @param dataCiphers  the server's data-ciphers, in preference order
     * @param fallback     the server's data-ciphers-fallback, if set
     * @param peerInfo     the client's peer info ({@link PeerInfo#NONE} if it sent none)
     * @param remoteCipher the cipher of the client's options string
     *                     ({@link OptionsStringCheck#remoteCipher}), if any
     */
    public static ServerChoice selectForClient(List<String> dataCiphers, Optional<String> fallback,
                                               PeerInfo peerInfo, Optional<String> remoteCipher) {
        List<String> peerCiphers = peerInfo.ncpCiphers();
        // A client that lists its ciphers does not necessarily accept the one in its options string.
        Optional<String> occ = peerInfo.value("IV_CIPHERS").isPresent() ? Optional.empty() : remoteCipher;
        for (String c : dataCiphers) {
            if (peerCiphers.contains(c) || occ.filter(c::equals).isPresent()) {
                return new ServerChoice(Optional.of(c), peerInfo.supportsNcp(), List.of());
            }
        }
        String serverList = String.join(":", dataCiphers);
        List<String> log = new ArrayList<>();
        if (!peerCiphers.isEmpty()) {
            log.add("PUSH: No common cipher between server and client. Server data-ciphers: '" + serverList
                    + "', client supported ciphers '" + String.join(":", peerCiphers) + "'");
        } else if (remoteCipher.isPresent()) {
            log.add("PUSH: No common cipher between server and client. Server data-ciphers: '" + serverList
                    + "', client supports cipher '" + remoteCipher.get() + "'");
        } else {
            log.add("PUSH: No NCP or OCC cipher data received from peer.");
            if (fallback.isPresent()) {
                log.add("Using data channel cipher '" + fallback.get() + "' since --data-ciphers-fallback is set.");
                return new ServerChoice(fallback, false, log);
            }
            log.add("Use --data-ciphers-fallback with the cipher the client is using if you want to allow the client to connect");
        }
        return new ServerChoice(Optional.empty(), false, log);
    }

    /**
     * A client's decision about the cipher to use after the push.
     *
     * @param cipher the cipher to use, empty when the client must give up
     * @param error  OpenVPN's error message when it gives up
     */
    public record ClientChoice(Optional<String> cipher, Optional<String> error) {
        public ClientChoice {
            Objects.requireNonNull(cipher, "cipher");
            Objects.requireNonNull(error, "error");
        }

        public boolean failed() {
            return cipher.isEmpty();
        }
    }

    /**
     * The client's check once the push is complete.
     *
     * @param pushedCipher the {@code cipher} the server pushed, if it pushed one
     * @param dataCiphers  the client's data-ciphers
     * @param fallback     the client's data-ciphers-fallback, if set
     * @param serverCipher the {@code cipher} of the server's options string, if any
     */
    public static ClientChoice checkOnClient(Optional<String> pushedCipher, List<String> dataCiphers,
                                             Optional<String> fallback, Optional<String> serverCipher) {
        String list = String.join(":", dataCiphers);
        if (pushedCipher.isPresent()) {
            String c = pushedCipher.get();
            if (dataCiphers.contains(c) || fallback.filter(c::equals).isPresent()) {
                return new ClientChoice(pushedCipher, Optional.empty());
            }
            return new ClientChoice(Optional.empty(),
                    Optional.of("Error: negotiated cipher not allowed - " + c + " not in " + list));
        }
        if (serverCipher.isPresent() && dataCiphers.contains(serverCipher.get())) {
            return new ClientChoice(serverCipher, Optional.empty());
        }
        if (serverCipher.isEmpty() && fallback.isPresent()) {
            return new ClientChoice(fallback, Optional.empty());
        }
        if (serverCipher.isPresent()) {
            return new ClientChoice(Optional.empty(), Optional.of("OPTIONS ERROR: failed to negotiate cipher with server.  "
                    + "Add the server's cipher ('" + serverCipher.get() + "') to --data-ciphers (currently '" + list
                    + "') if you want to connect to this server."));
        }
        return new ClientChoice(Optional.empty(), Optional.of("OPTIONS ERROR: failed to negotiate cipher with server. "
                + "Configure --data-ciphers-fallback if you want to connect to this server."));
    }
}
