package io.sluice.core.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The options a server pushes to one client after the common ones, in OpenVPN 2.6's order and
 * under its conditions (push.c {@code prepare_push_reply}; multi.c
 * {@code multi_client_set_protocol_options}):
 * <ol>
 *   <li>{@code ifconfig-ipv6 addr/bits remote}, then {@code ifconfig local netmask-or-remote},
 *       each unless blocked by {@code push-remove};</li>
 *   <li>{@code peer-id n} if the client announced {@link IvProto#DATA_V2};</li>
 *   <li>{@code auth-token ...} if one was generated;</li>
 *   <li>{@code cipher c} if the client negotiates ({@link PeerInfo#supportsNcp()});</li>
 *   <li>{@code protocol-flags} with {@code cc-exit}, {@code tls-ekm} (only together with
 *       cc-exit) and {@code dyn-tls-crypt}, or, for a client with key export but without
 *       cc-exit, a separate {@code key-derivation tls-ekm};</li>
 *   <li>{@code tun-mtu n} if the client sent IV_MTU (it then accepts a pushed MTU).</li>
 * </ol>
 * A flag is used when the client announced it and the server implements it
 * ({@link Builder#serverSupports}); OpenVPN 2.6 implements all three.
 *
 * <p>Immutable; build with {@link #forClient(PeerInfo)}.
 */
public final class ClientPushOptions {

    /** What OpenVPN 2.6 tells a client without key export when the server forces it (multi.c). */
    public static final String KEY_EXPORT_REQUIRED_REASON = "Client incompatible with this server. Keying Material "
            + "Exporters (RFC 5705) support missing. Upgrade to a client that supports this feature (OpenVPN 2.6.0+).";

    private final List<String> options;
    private final Set<IvProto> used;
    private final List<String> warnings;

    private ClientPushOptions(List<String> options, Set<IvProto> used, List<String> warnings) {
        this.options = List.copyOf(options);
        this.used = used.isEmpty() ? Set.of() : Set.copyOf(used);
        this.warnings = List.copyOf(warnings);
    }

    public static Builder forClient(PeerInfo client) {
        return new Builder(client);
    }

    /** The options, in order, to pass to {@link PushReplyBuilder#build} after the common ones. */
    public List<String> options() {
        return options;
    }

    /**
     * What the connection uses: {@link IvProto#DATA_V2} (peer id), {@link IvProto#TLS_KEY_EXPORT}
     * (derive data keys with TLS-EKM), {@link IvProto#CC_EXIT_NOTIFY},
     * {@link IvProto#DYN_TLS_CRYPT}. The session layer must act on these.
     */
    public Set<IvProto> used() {
        return used;
    }

    /** What OpenVPN would log about this client's options (e.g. its IV_MTU below the server's tun-mtu). */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "ClientPushOptions" + options;
    }

    /** Collects one client's values. */
    public static final class Builder {
        private final PeerInfo client;
        private String ifconfig;
        private String ifconfigIpv6;
        private OptionalInt peerId = OptionalInt.empty();
        private Optional<String> authToken = Optional.empty();
        private Optional<String> cipher = Optional.empty();
        private OptionalInt tunMtu = OptionalInt.empty();
        private Set<IvProto> serverSupports = EnumSet.of(IvProto.TLS_KEY_EXPORT, IvProto.CC_EXIT_NOTIFY,
                IvProto.DYN_TLS_CRYPT);
        private boolean ifconfigBlocked;
        private boolean ifconfigIpv6Blocked;

        private Builder(PeerInfo client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * The client's IPv4 address and, by topology, the netmask (subnet) or the server end's
         * address (net30, p2p), as dotted quads: {@code ifconfig 10.8.0.2 255.255.255.0}.
         */
        public Builder ifconfig(String local, String netmaskOrRemote) {
            this.ifconfig = "ifconfig " + word(local) + " " + word(netmaskOrRemote);
            return this;
        }

        /** The client's IPv6 address, prefix length and the server's address. */
        public Builder ifconfigIpv6(String local, int bits, String remote) {
            if (bits < 0 || bits > 128) {
                throw new IllegalArgumentException("prefix length must be 0..128: " + bits);
            }
            this.ifconfigIpv6 = "ifconfig-ipv6 " + word(local) + "/" + bits + " " + word(remote);
            return this;
        }

        /** The peer id this server gave the client; pushed only to DATA_V2 clients. */
        public Builder peerId(int peerId) {
            if (peerId < 0 || peerId > 0xFFFFFF) {
                throw new IllegalArgumentException("peer id must be 0..0xFFFFFF: " + peerId);
            }
            this.peerId = OptionalInt.of(peerId);
            return this;
        }

        /** A token from {@code auth-gen-token}. */
        public Builder authToken(String token) {
            this.authToken = Optional.of(word(token));
            return this;
        }

        /** The negotiated cipher ({@link CipherNegotiation.ServerChoice}); pushed only if it says so. */
        public Builder cipher(CipherNegotiation.ServerChoice choice) {
            this.cipher = choice.push() ? choice.cipher() : Optional.empty();
            return this;
        }

        /** The server's tun-mtu, pushed to clients that sent IV_MTU. */
        public Builder tunMtu(int tunMtu) {
            this.tunMtu = OptionalInt.of(tunMtu);
            return this;
        }

        /** Which of TLS_KEY_EXPORT, CC_EXIT_NOTIFY, DYN_TLS_CRYPT the server implements; all unless set. */
        public Builder serverSupports(Set<IvProto> features) {
            this.serverSupports = features.isEmpty() ? EnumSet.noneOf(IvProto.class) : EnumSet.copyOf(features);
            return this;
        }

        /** The address blocks of the client's {@link PushList}. */
        public Builder blocks(PushList list) {
            this.ifconfigBlocked = list.ifconfigBlocked();
            this.ifconfigIpv6Blocked = list.ifconfigIpv6Blocked();
            return this;
        }

        private static String word(String s) {
            ControlText.checkPrintable(s);
            if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("not a single word: '" + s + "'");
            }
            return s;
        }

        public ClientPushOptions build() {
            List<String> out = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            EnumSet<IvProto> used = EnumSet.noneOf(IvProto.class);
            if (ifconfigIpv6 != null && !ifconfigIpv6Blocked) {
                out.add(ifconfigIpv6);
            }
            if (ifconfig != null && !ifconfigBlocked) {
                out.add(ifconfig);
            }
            if (client.has(IvProto.DATA_V2)) {
                used.add(IvProto.DATA_V2);
                peerId.ifPresent(id -> out.add("peer-id " + id));
            }
            authToken.ifPresent(t -> out.add("auth-token " + t));
            if (client.supportsNcp()) {
                cipher.ifPresent(c -> out.add("cipher " + c));
            }
            for (IvProto f : List.of(IvProto.TLS_KEY_EXPORT, IvProto.DYN_TLS_CRYPT, IvProto.CC_EXIT_NOTIFY)) {
                if (client.has(f) && serverSupports.contains(f)) {
                    used.add(f);
                }
            }
            StringBuilder flags = new StringBuilder();
            if (used.contains(IvProto.CC_EXIT_NOTIFY)) {
                flags.append(" cc-exit");
                // A client that has cc-exit understands tls-ekm among the protocol flags.
                if (used.contains(IvProto.TLS_KEY_EXPORT)) {
                    flags.append(" tls-ekm");
                }
            } else if (used.contains(IvProto.TLS_KEY_EXPORT)) {
                out.add("key-derivation tls-ekm");
            }
            if (used.contains(IvProto.DYN_TLS_CRYPT)) {
                flags.append(" dyn-tls-crypt");
            }
            if (flags.length() > 0) {
                out.add("protocol-flags" + flags);
            }
            OptionalInt clientMax = client.mtu();
            if (clientMax.isPresent() && tunMtu.isPresent()) {
                out.add("tun-mtu " + tunMtu.getAsInt());
                if (clientMax.getAsInt() < tunMtu.getAsInt()) {
                    warnings.add("Warning: reported maximum MTU from client (" + clientMax.getAsInt()
                            + ") is lower than MTU used on the server (" + tunMtu.getAsInt() + "). Add tun-max-mtu "
                            + tunMtu.getAsInt() + " to client configuration.");
                }
            }
            return new ClientPushOptions(out, used, warnings);
        }
    }
}
