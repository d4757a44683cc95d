package io.sluice.core.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The peer info a Sluice client sends, in the order and form OpenVPN 2.6's
 * {@code push_peer_info} (ssl.c) writes for a client with {@code pull}:
 * <pre>
 * IV_VER=...  IV_PLAT=linux  IV_TCPNL=1  IV_MTU=n  IV_NCP=2  IV_CIPHERS=a:b:c  IV_PROTO=n
 * [IV_LZO_STUB=1 IV_COMP_STUB=1 IV_COMP_STUBv2=1]  then extra lines (IV_GUI_VER, IV_SSO, UV_...)
 * </pre>
 * {@code IV_NCP=2} is written only when the data-ciphers hold both AES-128-GCM and AES-256-GCM,
 * since a 2.4 server reads IV_NCP=2 as "accepts exactly those".
 *
 * <p><b>IV_VER.</b> Sluice reports {@value #DEFAULT_VERSION_PREFIX} followed by
 * {@code _sluice-<version>}: servers, their scripts and dashboards compare IV_VER as an
 * OpenVPN version to decide what a client understands, and Sluice implements the 2.6.14
 * protocol, so the numeric part must say 2.6.14 for those decisions to come out right; the
 * suffix, in the {@code _} form OpenVPN uses for its own non-release builds ({@code 2.6_git},
 * {@code 2.7_rc2}), names the real implementation for logs and for anyone who needs to tell.
 *
 * <p>Not thread-safe; {@link #build()} returns the finished text.
 */
public final class PeerInfoBuilder {

    /** The OpenVPN release whose protocol behaviour Sluice reproduces. */
    public static final String DEFAULT_VERSION_PREFIX = "2.6.14";

    /**
     * The IV_PROTO flags an OpenVPN 2.6 client with pull announces (IV_PROTO=990), for reference;
     * a Sluice client announces only what its session layer implements.
     */
    public static final Set<IvProto> OPENVPN_26_PULL_CLIENT = Set.copyOf(EnumSet.of(IvProto.DATA_V2,
            IvProto.REQUEST_PUSH, IvProto.TLS_KEY_EXPORT, IvProto.AUTH_PENDING_KW, IvProto.DNS_OPTION,
            IvProto.CC_EXIT_NOTIFY, IvProto.AUTH_FAIL_TEMP, IvProto.DYN_TLS_CRYPT));

    /** What OpenVPN 2.6 sends as IV_MTU without tun-max-mtu: at least 1600 (init.c {@code frame_finalize_options}). */
    public static final int DEFAULT_TUN_MAX_MTU = 1600;

    private String version;
    private String platform = "linux";
    private int tunMaxMtu = DEFAULT_TUN_MAX_MTU;
    private List<String> dataCiphers = List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305");
    private Set<IvProto> flags = EnumSet.of(IvProto.DATA_V2);
    private boolean compressionStubs;
    private final List<String> extraLines = new ArrayList<>();

    /** A builder for a client reporting {@code 2.6.14_sluice-<sluiceVersion>}. */
    public static PeerInfoBuilder sluice(String sluiceVersion) {
        return new PeerInfoBuilder().version(DEFAULT_VERSION_PREFIX + "_sluice-" + Objects.requireNonNull(sluiceVersion));
    }

    /** A builder for this build of Sluice ({@code 2.6.14_sluice-0.1.0-SNAPSHOT}). */
    public static PeerInfoBuilder sluice() {
        return sluice(BuildVersion.VALUE);
    }

    /** This build's version, read once from the bundle (filtered by Maven). */
    private static final class BuildVersion {
        static final String VALUE = read();

        private static String read() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = PeerInfoBuilder.class.getResourceAsStream("sluice-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException e) {
                // The version is informational; "unknown" tells the server as much.
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        }
    }

    /** IV_VER exactly as given. */
    public PeerInfoBuilder version(String version) {
        this.version = checkValue(version);
        return this;
    }

    /** IV_PLAT; {@code linux} unless set. */
    public PeerInfoBuilder platform(String platform) {
        this.platform = checkValue(platform);
        return this;
    }

    /** IV_MTU: the largest tun MTU the client accepts from a push ({@code tun-max-mtu}). */
    public PeerInfoBuilder tunMaxMtu(int tunMaxMtu) {
        if (tunMaxMtu <= 0) {
            throw new IllegalArgumentException("tunMaxMtu must be positive: " + tunMaxMtu);
        }
        this.tunMaxMtu = tunMaxMtu;
        return this;
    }

    /** IV_CIPHERS (and IV_NCP): the client's data-ciphers, OpenVPN names, in preference order. */
    public PeerInfoBuilder dataCiphers(List<String> dataCiphers) {
        if (dataCiphers.isEmpty()) {
            throw new IllegalArgumentException("dataCiphers must not be empty");
        }
        for (String c : dataCiphers) {
            if (checkValue(c).isEmpty() || c.indexOf(':') >= 0) {
                throw new IllegalArgumentException("bad cipher name: '" + c + "'");
            }
        }
        this.dataCiphers = List.copyOf(dataCiphers);
        return this;
    }

    /** The IV_PROTO flags; {@link IvProto#DATA_V2} is added as the protocol requires. */
    public PeerInfoBuilder flags(Set<IvProto> flags) {
        EnumSet<IvProto> f = EnumSet.of(IvProto.DATA_V2);
        f.addAll(flags);
        this.flags = f;
        return this;
    }

    /**
     * Whether to announce stub compression (IV_LZO_STUB, IV_COMP_STUB, IV_COMP_STUBv2) as
     * OpenVPN 2.6 does by default (comp.c {@code comp_generate_peer_info_string}). Only for a
     * data channel that handles the compression framing byte; off unless set.
     */
    public PeerInfoBuilder compressionStubs(boolean compressionStubs) {
        this.compressionStubs = compressionStubs;
        return this;
    }

    /**
     * Adds a line after the others, as OpenVPN appends IV_GUI_VER, IV_SSO and (with
     * push-peer-info) UV_ variables from its environment.
     */
    public PeerInfoBuilder extra(String name, String value) {
        if (!name.matches("(IV|UV)_[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not an IV_/UV_ name: " + name);
        }
        extraLines.add(name + "=" + checkValue(value));
        return this;
    }

    private static String checkValue(String v) {
        Objects.requireNonNull(v, "value");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 32 || c == 127) {
                throw new IllegalArgumentException("control character in peer-info value: " + v);
            }
        }
        return v;
    }

    /** The peer-info text, every line ending in a newline. */
    public String build() {
        if (version == null) {
            throw new IllegalStateException("IV_VER not set");
        }
        StringBuilder b = new StringBuilder(256);
        b.append("IV_VER=").append(version).append('\n');
        b.append("IV_PLAT=").append(platform).append('\n');
        b.append("IV_TCPNL=1\n");
        b.append("IV_MTU=").append(tunMaxMtu).append('\n');
        if (dataCiphers.contains("AES-128-GCM") && dataCiphers.contains("AES-256-GCM")) {
            b.append("IV_NCP=2\n");
        }
        b.append("IV_CIPHERS=").append(String.join(":", dataCiphers)).append('\n');
        b.append("IV_PROTO=").append(IvProto.toBits(flags)).append('\n');
        if (compressionStubs) {
            b.append("IV_LZO_STUB=1\nIV_COMP_STUB=1\nIV_COMP_STUBv2=1\n");
        }
        for (String line : extraLines) {
            b.append(line).append('\n');
        }
        return b.toString();
    }
}
