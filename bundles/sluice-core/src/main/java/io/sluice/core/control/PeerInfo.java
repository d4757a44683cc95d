package io.sluice.core.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a peer says about itself in the peer-info string of its key method 2 message: lines of
 * {@code NAME=value}, each ending in a newline, e.g. {@code IV_VER=2.6.14}, {@code IV_PROTO=990},
 * {@code IV_CIPHERS=AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305}, {@code UV_ROLE=lab}.
 *
 * <p>Two views, because OpenVPN has two:
 * <ul>
 *   <li>the typed accessors ({@link #ivProto()}, {@link #ciphers()}, ...) read the raw text the
 *       way OpenVPN's decisions do (ssl_util.c {@code extract_var_peer_info},
 *       {@code extract_iv_proto}; ssl_ncp.c): the first line with that name, its value
 *       unchanged, numbers as C's {@code sscanf("%d")} reads them;</li>
 *   <li>{@link #environment()} is what OpenVPN hands scripts and plugins (misc.c
 *       {@code output_peer_info_env}): only valid {@code IV_}/{@code UV_} lines, at most 255
 *       characters, values with blanks, control characters, non-ASCII and the shell
 *       characters {@code $ ( `} replaced by {@code _}; a later line replaces an earlier one of
 *       the same name. Lines that fail are counted in {@link #invalidLines()} (OpenVPN logs
 *       "validation failed on peer_info line received from client").</li>
 * </ul>
 * One difference from OpenVPN, on purpose: OpenVPN finds a name anywhere in the text
 * ({@code strstr}), so {@code UV_X=IV_NCP=2} would count as IV_NCP; here a name counts only at
 * the start of a line.
 *
 * <p>Immutable. Parsing never fails; the raw text is bounded by the key method 2 decoder.
 */
public final class PeerInfo {

    /** The empty peer info of a peer that sent none. */
    public static final PeerInfo NONE = parse("");

    /** misc.c {@code output_peer_info_env}: {@code char line[256]}. */
    static final int MAX_LINE_LENGTH = 255;

    private final String raw;
    private final List<String> lines;
    private final Map<String, String> environment;
    private final int invalidLines;

    private PeerInfo(String raw, List<String> lines, Map<String, String> environment, int invalidLines) {
        this.raw = raw;
        this.lines = lines;
        this.environment = environment;
        this.invalidLines = invalidLines;
    }

    /** Parses a peer-info text (see {@link KeyMethod2Message#peerInfo()}). */
    public static PeerInfo parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        List<String> lines = new ArrayList<>(Arrays.asList(raw.split("\n", -1)));
        // A final newline leaves an empty last piece; OpenVPN's buf_parse ends there silently.
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        Map<String, String> env = new LinkedHashMap<>();
        int invalid = 0;
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            String chomped = chomp(line);
            kept.add(chomped);
            String sanitized = sanitize(chomped.length() > MAX_LINE_LENGTH ? chomped.substring(0, MAX_LINE_LENGTH) : chomped);
            if (sanitized == null || !(sanitized.startsWith("IV_") || sanitized.startsWith("UV_"))) {
                invalid++;
                continue;
            }
            int eq = sanitized.indexOf('=');
            String name = sanitized.substring(0, eq);
            env.remove(name);
            env.put(name, sanitized.substring(eq + 1));
        }
        return new PeerInfo(raw, List.copyOf(kept), Collections.unmodifiableMap(env), invalid);
    }

    private static String chomp(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * misc.c {@code validate_peer_info_line}: a name of letters, digits and {@code _}, an
     * {@code =}, then a value in which OpenVPN replaces, byte by byte, what is not printable
     * ASCII, white space and {@code $ ( `}. Null if the line is invalid.
     */
    private static String sanitize(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        for (int i = 0; i < eq; i++) {
            char c = line.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return null;
            }
        }
        StringBuilder b = new StringBuilder(line.length());
        b.append(line, 0, eq + 1);
        for (int i = eq + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c > 32 && c < 127 && c != '$' && c != '(' && c != '`') {
                b.append(c);
            } else if (c < 128) {
                b.append('_');
            } else {
                // Each byte of a non-ASCII character fails C's isprint on its own.
                int end = Character.isHighSurrogate(c) && i + 1 < line.length() ? i + 2 : i + 1;
                int bytes = line.substring(i, end).getBytes(StandardCharsets.UTF_8).length;
                b.append("_".repeat(bytes));
                i = end - 1;
            }
        }
        return b.toString();
    }

    /** The text as received. */
    public String raw() {
        return raw;
    }

    /** True when the peer sent no peer info at all (or an empty one). */
    public boolean isEmpty() {
        return raw.isEmpty();
    }

    /** The value of the first line named {@code name}, unchanged, as OpenVPN's decisions read it. */
    public Optional<String> value(String name) {
        String prefix = name + "=";
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** The variables as OpenVPN exports them to scripts and plugins (see the class comment). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The {@code UV_} variables of {@link #environment()}, for auth backends. */
    public Map<String, String> userVariables() {
        Map<String, String> uv = new LinkedHashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith("UV_")) {
                uv.put(k, v);
            }
        });
        return Collections.unmodifiableMap(uv);
    }

    /** Lines OpenVPN would refuse to export (not IV_/UV_, or not {@code NAME=value}). */
    public int invalidLines() {
        return invalidLines;
    }

    /** {@code IV_VER}: the peer's version, e.g. {@code 2.6.14}. */
    public Optional<String> version() {
        return value("IV_VER");
    }

    /** {@code IV_PLAT}: linux, win, mac, android, freebsd, openbsd, netbsd, solaris, ios... */
    public Optional<String> platform() {
        return value("IV_PLAT");
    }

    /** {@code IV_PLAT_VER}: the operating system's version (sent with push-peer-info). */
    public Optional<String> platformVersion() {
        return value("IV_PLAT_VER");
    }

    /** {@code IV_GUI_VER}: the front end, e.g. {@code OpenVPN_GUI_11}. */
    public Optional<String> guiVersion() {
        return value("IV_GUI_VER");
    }

    /** {@code IV_HWADDR}: the MAC address of the default gateway's interface (push-peer-info). */
    public Optional<String> hardwareAddress() {
        return value("IV_HWADDR");
    }

    /** {@code IV_SSL}: the TLS library (push-peer-info). */
    public Optional<String> sslLibrary() {
        return value("IV_SSL");
    }

    /** {@code IV_TCPNL=1}: accepts TCP packets out of sequence ("TCP non-linear"). */
    public boolean tcpNonLinear() {
        return value("IV_TCPNL").map("1"::equals).orElse(false);
    }

    /** {@code IV_SSO}: the pending-auth methods the client handles (openurl, webauth, crtext). */
    public List<String> ssoMethods() {
        return value("IV_SSO").map(v -> tokens(v, ',')).orElse(List.of());
    }

    /** {@code IV_PROTO} as {@code extract_iv_proto} reads it: the number if positive, else 0. */
    public int ivProto() {
        OptionalInt v = value("IV_PROTO").map(PeerInfo::scanInt).orElse(OptionalInt.empty());
        return v.isPresent() && v.getAsInt() > 0 ? v.getAsInt() : 0;
    }

    /** The known {@link IvProto} flags in {@link #ivProto()}. */
    public Set<IvProto> ivProtoFlags() {
        return IvProto.fromBits(ivProto());
    }

    /** Whether {@link #ivProto()} has {@code flag}. */
    public boolean has(IvProto flag) {
        return (ivProto() & flag.bit()) != 0;
    }

    /** {@code IV_NCP}: the NCP version, 0 if absent (ssl_ncp.c {@code tls_peer_info_ncp_ver}). */
    public int ncpVersion() {
        return value("IV_NCP").map(PeerInfo::scanInt).orElse(OptionalInt.empty()).orElse(0);
    }

    /** {@code IV_CIPHERS}: the client's data-ciphers, if it sent the list. */
    public Optional<List<String>> ciphers() {
        return value("IV_CIPHERS").map(v -> tokens(v, ':'));
    }

    /** {@code IV_MTU}: the largest tun MTU the client accepts being pushed, if it said. */
    public OptionalInt mtu() {
        return value("IV_MTU").map(PeerInfo::scanInt).orElse(OptionalInt.empty());
    }

    /**
     * Whether the peer negotiates ciphers: {@code IV_NCP >= 2} or an {@code IV_CIPHERS} list
     * (ssl_ncp.c {@code tls_peer_supports_ncp}). A server pushes {@code cipher} only to these.
     */
    public boolean supportsNcp() {
        return ncpVersion() >= 2 || value("IV_CIPHERS").isPresent();
    }

    /**
     * The ciphers the peer accepts by NCP (ssl_ncp.c {@code tls_peer_ncp_list}): its
     * {@code IV_CIPHERS}, else AES-256-GCM and AES-128-GCM for {@code IV_NCP >= 2} (what 2.4
     * clients mean by it), else none.
     */
    public List<String> ncpCiphers() {
        Optional<List<String>> listed = ciphers();
        if (listed.isPresent()) {
            return listed.get();
        }
        return ncpVersion() >= 2 ? List.of("AES-256-GCM", "AES-128-GCM") : List.of();
    }

    /** Splits as C's {@code strtok}: empty pieces are skipped. */
    static List<String> tokens(String s, char delimiter) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == delimiter) {
                if (i > start) {
                    out.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        return List.copyOf(out);
    }

    /**
     * C's {@code sscanf(s, "%d")}: leading white space, an optional sign, then digits, anything
     * after ignored; empty when there is no digit. Values outside int count as no number
     * (C leaves them undefined).
     */
    static OptionalInt scanInt(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
            i++;
        }
        int start = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - digits < 11) {
            i++;
        }
        if (i == digits) {
            return OptionalInt.empty();
        }
        long v = Long.parseLong(s.substring(start, i));
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerInfo p && raw.equals(p.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "PeerInfo" + environment;
    }
}
