package io.sluice.config.internal;

import io.sluice.config.ClientOptions;
import io.sluice.config.ConfigException;
import io.sluice.config.Connection;
import io.sluice.config.ConnectionBlock;
import io.sluice.config.ControlChannel;
import io.sluice.config.CompatMode;
import io.sluice.config.Compression;
import io.sluice.config.DataChannel;
import io.sluice.config.DevType;
import io.sluice.config.Device;
import io.sluice.config.FileOrInline;
import io.sluice.config.Ifconfig;
import io.sluice.config.IfconfigPool;
import io.sluice.config.Liveness;
import io.sluice.config.Mode;
import io.sluice.config.Network;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Pki;
import io.sluice.config.ProcessOptions;
import io.sluice.config.Proto;
import io.sluice.config.PullFilter;
import io.sluice.config.Remote;
import io.sluice.config.Renegotiation;
import io.sluice.config.Route;
import io.sluice.config.RouteIpv6;
import io.sluice.config.Scripts;
import io.sluice.config.ServerOptions;
import io.sluice.config.TlsRole;
import io.sluice.config.Topology;
import io.sluice.config.Transport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the typed model of {@link OpenVpnConfig} from option lines: last occurrence wins for
 * single-valued options, multi-valued ones accumulate, relative paths resolve against the final
 * working directory, and the helpers ({@code server}, {@code server-ipv6}, {@code server-bridge},
 * {@code client}, {@code keepalive}, {@code tcp-nodelay}) are expanded as OpenVPN expands them.
 */
public final class ModelBuilder {

    /** OpenVPN's default port. */
    public static final int DEFAULT_PORT = 1194;

    private final ReadResult read;
    private final Lines lines;
    private final List<ConnectionBlock> blocks;
    private final Path cwd;
    private final boolean strict;

    private ModelBuilder(ReadResult read, boolean strict) {
        this.read = read;
        this.lines = new Lines(read.lines());
        this.blocks = read.connectionBlocks();
        this.cwd = read.workingDirectory();
        this.strict = strict;
    }

    /**
     * Builds the model.
     *
     * @param strict whether helper combinations OpenVPN refuses and dangling {@code [inline]}
     *     markers are errors; when false (re-building after options were dropped) they are skipped
     */
    public static OpenVpnConfig build(ReadResult read, boolean strict) throws ConfigException {
        return new ModelBuilder(read, strict).build();
    }

    private OpenVpnConfig build() throws ConfigException {
        Mode mode = mode(lines);
        DevType devType = devType(lines);
        // OpenVPN 2.7 made subnet the default (2.6: net30); Sluice follows 2.7 (see README).
        Topology topology = lines.arg("topology", 0).map(Topology::fromKeyword).orElse(Topology.SUBNET);
        ServerHelper.Expansion x = ServerHelper.expand(lines, devType, topology, strict);
        Device device = new Device(lines.arg("dev", 0), devType, lines.arg("dev-node", 0), lines.intArg("tun-mtu", 0));
        Liveness liveness = liveness(mode, x.push);
        if (lines.has("tcp-nodelay") && mode == Mode.SERVER) {
            x.push.add("socket-flags TCP_NODELAY");
        }
        DataChannel dataChannel = dataChannel();
        List<String> warnings = new ArrayList<>(read.warnings());
        if (dataChannel.compression().algorithm().compressing()) {
            // OpenVPN 2.6's wording (options.c show_compression_warning); Sluice never compresses either.
            String warning = "WARNING: Compression for receiving enabled. Compression has been used in the past to"
                    + " break encryption. Sent packets are not compressed unless \"allow-compression yes\" is also set.";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
        if (dataChannel.cipherIgnored() && (mode == Mode.SERVER || lines.has("pull") || lines.has("client"))) {
            // OpenVPN's own wording (options.c), so that admins' log filters still match.
            // Once: the support check re-builds the model from lines that carry the first build's warnings.
            String warning = ConfigException.at(lines.last("cipher").orElseThrow(), "DEPRECATED OPTION: --cipher set to '"
                    + dataChannel.cipher().get() + "' but missing in --data-ciphers ("
                    + String.join(":", dataChannel.effectiveDataCiphers())
                    + "). OpenVPN ignores --cipher for cipher negotiations.").getMessage();
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
        return new OpenVpnConfig(read.lines(), blocks, warnings, cwd, mode, device,
                transport(mode), pki(), controlChannel(mode), dataChannel, network(topology, x), serverOptions(),
                liveness, clientOptions(), renegotiation(), scripts(), process());
    }

    static boolean helperServer(Lines l) {
        return l.has("server") || l.has("server-ipv6") || l.has("server-bridge");
    }

    static Mode mode(Lines l) {
        if (helperServer(l) || l.arg("mode", 0).filter("server"::equals).isPresent()) {
            return Mode.SERVER;
        }
        return l.has("client") || l.has("pull") ? Mode.CLIENT : Mode.P2P;
    }

    static TlsRole role(Lines l) {
        if (l.has("tls-server") || helperServer(l)) {
            return TlsRole.SERVER;
        }
        return l.has("tls-client") || l.has("client") ? TlsRole.CLIENT : TlsRole.NONE;
    }

    static DevType devType(Lines l) {
        Optional<String> type = l.arg("dev-type", 0);
        Optional<String> dev = l.arg("dev", 0);
        if (dev.isEmpty()) {
            return DevType.UNDEFINED;
        }
        String t = type.orElse(dev.get());
        for (DevType d : List.of(DevType.TUN, DevType.TAP, DevType.NULL)) {
            String word = d.name().toLowerCase(Locale.ROOT);
            if (type.isPresent() ? t.equals(word) : t.startsWith(word)) {
                return d;
            }
        }
        return DevType.UNDEFINED;
    }

    private Path path(String arg) {
        try {
            return cwd.resolve(arg).normalize();
        } catch (InvalidPathException e) {
            return cwd.resolve("invalid-path");
        }
    }

    /** The value of a file-or-inline option line. */
    Optional<FileOrInline> fileValue(Optional<OptionLine> maybe) throws ConfigException {
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        OptionLine line = maybe.get();
        if (line.isInline()) {
            return Optional.of(FileOrInline.inline(line.inline().get()));
        }
        if (line.args().isEmpty() || line.args().get(0).equals("stdin")) {
            return Optional.of(FileOrInline.console());
        }
        String arg = line.args().get(0);
        if (isInlineMarker(arg)) {
            for (OptionLine l : lines.all(line.name())) {
                if (l.isInline()) {
                    return Optional.of(FileOrInline.inline(l.inline().get()));
                }
            }
            if (strict) {
                throw ConfigException.at(line, "'" + arg + "' refers to an inline block, but there is no <"
                        + line.name() + "> block");
            }
            return Optional.empty();
        }
        return Optional.of(FileOrInline.file(path(arg)));
    }

    static boolean isInlineMarker(String arg) {
        return arg.equalsIgnoreCase(FileOrInline.INLINE_MARKER) || arg.equalsIgnoreCase("[[inline]]");
    }

    private Transport transport(Mode mode) throws ConfigException {
        List<Remote> remotes = new ArrayList<>();
        for (OptionLine r : lines.all("remote")) {
            remotes.add(new Remote(r.args().get(0), r.arg(1).map(Integer::parseInt), r.arg(2).flatMap(Proto::fromKeyword)));
        }
        List<Connection> connections = new ArrayList<>();
        if (!blocks.isEmpty()) {
            for (ConnectionBlock b : blocks) {
                List<OptionLine> scope = new ArrayList<>();
                for (OptionLine l : lines.list()) {
                    if (l.equals(b.line())) {
                        break;
                    }
                    scope.add(l);
                }
                scope.addAll(b.options());
                connections.add(connection(new Lines(scope), null, mode));
            }
        } else {
            for (Remote r : remotes) {
                connections.add(connection(lines, r, mode));
            }
        }
        Proto proto = lines.arg("proto", 0).flatMap(Proto::fromKeyword).orElse(Proto.UDP);
        int remotePort = lines.lastOf("port", "rport").map(l -> Integer.parseInt(l.args().get(0))).orElse(DEFAULT_PORT);
        int localPort = lines.lastOf("port", "lport").map(l -> Integer.parseInt(l.args().get(0))).orElse(DEFAULT_PORT);
        return new Transport(proto, remotePort, localPort, lines.arg("local", 0), remotes, connections,
                lines.has("remote-random"), bind(lines, mode, proto), lines.has("float"));
    }

    /** Whether OpenVPN binds a local port, after its "clients need not bind" rule. */
    private static boolean bind(Lines l, Mode mode, Proto proto) {
        if (l.has("nobind")) {
            return false;
        }
        boolean needBind = l.has("local") || l.has("lport") || l.has("bind");
        Proto resolved = proto.resolveTcp(mode == Mode.SERVER);
        return needBind || !(resolved.isTcpClient() || l.has("client") || l.has("pull"));
    }

    private Connection connection(Lines scope, Remote remote, Mode mode) throws ConfigException {
        OptionLine r = scope.last("remote").orElse(null);
        String host = remote != null ? remote.host() : r.args().get(0);
        Optional<Integer> ownPort = remote != null ? remote.port() : r.arg(1).map(Integer::parseInt);
        Optional<Proto> ownProto = remote != null ? remote.proto() : r.arg(2).flatMap(Proto::fromKeyword);
        int port = ownPort.orElseGet(() -> scope.lastOf("port", "rport").map(l -> Integer.parseInt(l.args().get(0)))
                .orElse(DEFAULT_PORT));
        Proto proto = ownProto.orElseGet(() -> scope.arg("proto", 0).flatMap(Proto::fromKeyword).orElse(Proto.UDP));
        if (mode != Mode.P2P || lines.has("client")) {
            proto = proto.resolveTcp(mode == Mode.SERVER);
        }
        int localPort = scope.lastOf("port", "lport").map(l -> Integer.parseInt(l.args().get(0))).orElse(DEFAULT_PORT);
        int exitNotify = scope.last("explicit-exit-notify").map(l -> l.arg(0).map(Integer::parseInt).orElse(1)).orElse(0);
        Optional<String> http = scope.last("http-proxy").map(l -> l.args().get(0) + ":" + l.args().get(1));
        Optional<String> socks = scope.last("socks-proxy").map(l -> l.args().get(0) + ":" + l.arg(1).orElse("1080"));
        return new Connection(host, port, proto, scope.arg("local", 0), localPort, bind(scope, mode, proto),
                scope.has("float"), scope.intArg("tun-mtu", 0), exitNotify, http, socks,
                fileValue(scope.last("tls-auth")), fileValue(scope.last("tls-crypt")),
                fileValue(scope.last("tls-crypt-v2")));
    }

    private Pki pki() throws ConfigException {
        Optional<OptionLine> dh = lines.last("dh");
        boolean dhNone = dh.filter(l -> !l.isInline() && l.args().get(0).equals("none")).isPresent();
        Optional<OptionLine> crl = lines.last("crl-verify");
        boolean crlDir = crl.filter(l -> l.argCount() == 2).isPresent();
        return new Pki(fileValue(lines.last("ca")), fileValue(lines.last("cert")), fileValue(lines.last("key")),
                fileValue(lines.last("extra-certs")), dhNone ? Optional.empty() : fileValue(dh), dhNone,
                fileValue(lines.last("pkcs12")), fileValue(crl), crlDir);
    }

    private ControlChannel controlChannel(Mode mode) throws ConfigException {
        Optional<Integer> keyDirection = Optional.empty();
        for (OptionLine l : lines.list()) {
            if (l.name().equals("key-direction")) {
                keyDirection = Optional.of(Integer.parseInt(l.args().get(0)));
            } else if ((l.name().equals("tls-auth") || l.name().equals("secret")) && l.argCount() == 2) {
                keyDirection = Optional.of(Integer.parseInt(l.args().get(1)));
            }
        }
        Optional<OptionLine> min = lines.last("tls-version-min");
        Optional<OptionLine> x509 = lines.last("verify-x509-name");
        List<String> fingerprints = new ArrayList<>();
        for (OptionLine l : lines.all("peer-fingerprint")) {
            String text = l.isInline() ? l.inline().get() : l.args().get(0);
            for (String fp : text.split("\n")) {
                String s = fp.strip();
                if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith(";")) {
                    fingerprints.add(s.toUpperCase(Locale.ROOT));
                }
            }
        }
        return new ControlChannel(role(lines), fileValue(lines.last("tls-auth")), fileValue(lines.last("tls-crypt")),
                fileValue(lines.last("tls-crypt-v2")), fileValue(lines.last("secret")), keyDirection,
                min.map(l -> l.args().get(0)), min.filter(l -> l.argCount() == 2).isPresent(),
                lines.arg("tls-version-max", 0), lines.arg("remote-cert-tls", 0), x509.map(l -> l.args().get(0)),
                x509.flatMap(l -> l.arg(1)).orElse("subject"), fingerprints);
    }

    private DataChannel dataChannel() throws ConfigException {
        List<String> ciphers = new ArrayList<>();
        lines.lastOf("data-ciphers", "ncp-ciphers").ifPresent(l -> {
            for (String token : l.args().get(0).split(":")) {
                String name = token.startsWith("?") ? token.substring(1) : token;
                CryptoNames.cipher(name).ifPresent(ciphers::add);
            }
        });
        Optional<String> cipher = lines.arg("cipher", 0).flatMap(CryptoNames::cipher);
        Optional<String> fallback = lines.arg("data-ciphers-fallback", 0).flatMap(CryptoNames::cipher);
        CompatMode compat = CompatMode.parse(lines.arg("compat-mode", 0));
        if (cipher.isPresent() && compat.before(2, 5)) {
            // OpenVPN 2.6 (options.c, backwards-compatible options): a 2.4 peer may know only the cipher.
            if (ciphers.isEmpty()) {
                ciphers.addAll(DataChannel.DEFAULT_DATA_CIPHERS);
            }
            if (!ciphers.contains(cipher.get())) {
                ciphers.add(cipher.get());
            }
        }
        if (compat.before(2, 4) && fallback.isEmpty()) {
            fallback = cipher;
        }
        return new DataChannel(cipher, ciphers, fallback, lines.arg("auth", 0).flatMap(CryptoNames::digest),
                compression());
    }

    private Compression compression() throws ConfigException {
        Optional<OptionLine> line = lines.lastOf("comp-lzo", "compress");
        Compression.Algorithm algorithm = line.map(l -> Compression.Algorithm.of(l.name(),
                l.args().isEmpty() ? null : l.args().get(0))).orElse(Compression.Algorithm.NONE);
        Optional<OptionLine> allowLine = lines.last("allow-compression");
        // OpenVPN 2.6 (options.c): without allow-compression, stubs only unless a compressing algorithm is configured.
        Compression.Allow allow = allowLine.map(l -> l.args().get(0).equals("no") ? Compression.Allow.NO
                : Compression.Allow.ASYM).orElse(algorithm.compressing() ? Compression.Allow.ASYM : Compression.Allow.NO);
        if (allow == Compression.Allow.NO && algorithm.compressing()) {
            // OpenVPN 2.6 (options.c) refuses the combination with this wording.
            throw ConfigException.at(line.orElseThrow(), "'--allow-compression no' conflicts with enabling compression");
        }
        return new Compression(algorithm, allow);
    }

    private Network network(Topology topology, ServerHelper.Expansion x) {
        Optional<Ifconfig> ifconfig = x.ifconfig.or(() -> lines.last("ifconfig")
                .map(l -> new Ifconfig(l.args().get(0), l.args().get(1))));
        Optional<IfconfigPool> pool = x.pool.or(() -> lines.last("ifconfig-pool")
                .map(l -> new IfconfigPool(l.args().get(0), l.args().get(1), l.arg(2))));
        Optional<String> v6 = x.ifconfigIpv6.or(() -> lines.arg("ifconfig-ipv6", 0));
        Optional<String> v6remote = x.ifconfigIpv6Remote.or(() -> lines.arg("ifconfig-ipv6", 1));
        Optional<String> v6pool = x.ifconfigIpv6Pool.or(() -> lines.arg("ifconfig-ipv6-pool", 0));
        List<Route> routes = new ArrayList<>();
        for (OptionLine l : lines.all("route")) {
            routes.add(new Route(l.args().get(0), l.arg(1), l.arg(2), l.arg(3)));
        }
        routes.addAll(x.routes);
        List<RouteIpv6> routes6 = new ArrayList<>();
        for (OptionLine l : lines.all("route-ipv6")) {
            routes6.add(new RouteIpv6(l.args().get(0), l.arg(1), l.arg(2).map(Integer::parseInt)));
        }
        List<String> push = new ArrayList<>();
        for (OptionLine l : lines.list()) {
            switch (l.name()) {
                case "push" -> push.add(l.args().get(0));
                case "push-reset" -> push.clear();
                case "push-remove" -> push.removeIf(p -> firstWord(p).equals(l.args().get(0)));
                default -> {
                    // not a push option
                }
            }
        }
        push.addAll(x.push);
        Optional<List<String>> redirect = lines.lastOf("redirect-gateway", "redirect-private").map(OptionLine::args);
        Optional<String> routeGateway = lines.arg("route-gateway", 0).or(() -> x.routeGatewayDefault);
        return new Network(topology, ifconfig, pool, v6, v6remote, v6pool, routes, routes6, routeGateway, push, redirect);
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int sp = 0;
        while (sp < t.length() && !LineTokenizer.isSpace(t.charAt(sp))) {
            sp++;
        }
        return t.substring(0, sp);
    }

    private ServerOptions serverOptions() {
        Optional<OptionLine> persist = lines.last("ifconfig-pool-persist");
        return new ServerOptions(persist.map(l -> path(l.args().get(0))),
                persist.flatMap(l -> l.arg(1)).map(Integer::parseInt).orElse(600),
                lines.arg("client-config-dir", 0).map(this::path), lines.has("ccd-exclusive"),
                lines.intArg("max-clients", 0, 1024), lines.has("duplicate-cn"), lines.has("client-to-client"));
    }

    private Liveness liveness(Mode mode, List<String> push) {
        int ping = lines.intArg("ping", 0, 0);
        int restart = 0;
        int exit = 0;
        Optional<OptionLine> rec = lines.lastOf("ping-restart", "ping-exit");
        if (rec.isPresent()) {
            int v = Integer.parseInt(rec.get().args().get(0));
            if (rec.get().name().equals("ping-restart")) {
                restart = v;
            } else {
                exit = v;
            }
        }
        Optional<OptionLine> keepalive = lines.last("keepalive");
        if (keepalive.isPresent()) {
            int interval = Integer.parseInt(keepalive.get().args().get(0));
            int timeout = Integer.parseInt(keepalive.get().args().get(1));
            ping = interval;
            exit = 0;
            if (mode == Mode.SERVER) {
                restart = timeout * 2;
                push.add("ping " + interval);
                push.add("ping-restart " + timeout);
            } else {
                restart = timeout;
            }
        }
        int exitNotify = lines.last("explicit-exit-notify").map(l -> l.arg(0).map(Integer::parseInt).orElse(1)).orElse(0);
        return new Liveness(ping, restart, exit, lines.has("ping-timer-rem"), exitNotify);
    }

    private ClientOptions clientOptions() throws ConfigException {
        List<PullFilter> filters = new ArrayList<>();
        for (OptionLine l : lines.all("pull-filter")) {
            filters.add(new PullFilter(l.args().get(0), l.args().get(1)));
        }
        return new ClientOptions(fileValue(lines.last("auth-user-pass")), lines.arg("auth-retry", 0).orElse("none"),
                filters, lines.has("auth-nocache"));
    }

    private Renegotiation renegotiation() {
        return new Renegotiation(lines.intArg("reneg-sec", 0, 3600), lines.intArg("reneg-sec", 1),
                lines.arg("reneg-bytes", 0).map(Long::parseLong).orElse(-1L),
                lines.arg("reneg-pkts", 0).map(Long::parseLong).orElse(0L),
                lines.intArg("replay-window", 0, 64), lines.intArg("replay-window", 1, 15),
                lines.intArg("hand-window", 0, 60), lines.intArg("tran-window", 0, 3600));
    }

    private Scripts scripts() {
        return new Scripts(lines.intArg("script-security", 0, 1), lines.arg("up", 0), lines.arg("down", 0),
                lines.arg("ipchange", 0), lines.arg("route-up", 0), lines.arg("client-connect", 0),
                lines.arg("client-disconnect", 0), lines.arg("learn-address", 0),
                lines.arg("auth-user-pass-verify", 0), lines.arg("auth-user-pass-verify", 1), lines.arg("tls-verify", 0));
    }

    private ProcessOptions process() {
        Optional<OptionLine> log = lines.lastOf("log", "log-append");
        return new ProcessOptions(lines.has("persist-tun"), lines.has("persist-key"), lines.arg("user", 0),
                lines.arg("group", 0), lines.arg("status", 0).map(this::path), lines.intArg("status", 1, 60),
                log.map(l -> path(l.args().get(0))), log.filter(l -> l.name().equals("log-append")).isPresent());
    }
}
