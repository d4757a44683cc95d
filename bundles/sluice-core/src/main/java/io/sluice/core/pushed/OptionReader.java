package io.sluice.core.pushed;

import io.sluice.config.Topology;
import io.sluice.core.control.IvProto;
import io.sluice.core.control.OptionLineTokenizer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads one option into a {@link PushedOptions.Builder} as OpenVPN 2.6's options.c
 * {@code add_option} does: in pull mode for a push (arguments checked with the pull-mode address
 * checks, permission by {@link OptionClass}), or in configuration mode for the client's own routing
 * options ({@link LocalRouting}), where every class is allowed and {@code default} may stand for an
 * absent route argument.
 *
 * <p>One deliberate difference: a bad {@code topology} word makes OpenVPN forget the topology
 * ({@code TOP_UNDEF}, which then behaves like neither net30 nor subnet); here the option is refused
 * and the topology stays as it was.
 */
final class OptionReader {

    /** What OpenVPN names the source of pushed options in its messages. */
    private static final String PUSH_FILE = "[PUSH-OPTIONS]";
    private static final String CONFIG_FILE = "[CONFIG]";
    /** env_set.c {@code setenv_str_safe} formats {@code OPENVPN_name} into 64 bytes. */
    private static final int SETENV_SAFE_MAX_NAME = 64 - 1 - SetenvSafe.PREFIX.length();

    private final boolean pull;
    private final String file;
    private final boolean routeNopull;
    private final PushedOptions.Builder out;

    private OptionReader(boolean pull, boolean routeNopull, PushedOptions.Builder out) {
        this.pull = pull;
        this.file = pull ? PUSH_FILE : CONFIG_FILE;
        this.routeNopull = routeNopull;
        this.out = out;
    }

    static OptionReader forPush(boolean routeNopull, PushedOptions.Builder out) {
        return new OptionReader(true, routeNopull, out);
    }

    static OptionReader forConfig(PushedOptions.Builder out) {
        return new OptionReader(false, false, out);
    }

    /** Reads one pushed option as received. */
    void read(int position, String option) {
        Optional<List<String>> words = OptionLineTokenizer.tokenize(option);
        if (words.isEmpty()) {
            // options.c parse_line refuses the line (bad quoting or backslash); it is skipped.
            problem(position, option, "Options error: cannot parse option: " + option);
            return;
        }
        if (words.get().isEmpty()) {
            return; // empty, or a comment: parse_line yields no words and add_option is not called
        }
        read(position, option, words.get());
    }

    /** Reads one option already split into words (name first). */
    void read(int position, String text, List<String> p) {
        String name = p.get(0);
        int args = p.size() - 1;
        Optional<OptionSpec> spec = OptionSpec.of(name);
        if (spec.isEmpty() || !spec.get().arityMatches(args)) {
            if (spec.isEmpty() && OpenVpnOptionNames.isKnown(name)) {
                problem(position, text, "Options error: option '" + name + "' cannot be used in this context ("
                        + file + ")");
            } else {
                problem(position, text, "Options error: Unrecognized option or missing or extra parameter(s) in "
                        + file + ":" + position + ": " + name + " (" + PushedOptions.OPENVPN_VERSION + ")");
            }
            return;
        }
        if (pull && !spec.get().optionClass().pullable(routeNopull)) {
            problem(position, text, "Options error: option '" + name + "' cannot be used in this context ("
                    + PUSH_FILE + ")");
            return;
        }
        String error = apply(name, p, text);
        if (error != null) {
            // add_option's errors are logged as option errors; route.c's and env_set.c's as warnings.
            boolean warning = error.startsWith("OpenVPN ROUTE:") || error.startsWith("setenv_str_safe:");
            problem(position, text, warning ? error : "Options error: " + error);
        }
    }

    private void problem(int position, String text, String message) {
        out.problems.add(new PushProblem(position, text, message));
    }

    /** Applies a well-formed, permitted option; returns OpenVPN's error text if it is refused. */
    private String apply(String name, List<String> p, String text) {
        switch (name) {
            case "ifconfig":
                return ifconfig(p);
            case "ifconfig-ipv6":
                return ifconfigIpv6(p);
            case "ifconfig-noexec":
                out.ifconfigNoexec = true;
                return null;
            case "topology":
                Topology t = Topology.fromKeyword(p.get(1));
                if (t == null) {
                    return "--topology must be net30, p2p, or subnet";
                }
                out.topology = Optional.of(t);
                return null;
            case "route":
                return route(p);
            case "route-ipv6":
                return routeIpv6(p);
            case "route-gateway":
                return routeGateway(p.get(1));
            case "route-ipv6-gateway":
                Optional<Inet6Address> gw6 = AddressWords.ipv6(p.get(1));
                if (gw6.isEmpty()) {
                    return "route-ipv6-gateway parm '" + p.get(1) + "' must be a valid address";
                }
                out.routeIpv6Gateway = gw6;
                return null;
            case "route-metric":
                out.routeMetric = OptionalInt.of(CNumbers.positiveAtoi(p.get(1)));
                return null;
            case "redirect-gateway":
            case "redirect-private":
                return redirect(p);
            case "block-ipv6":
                out.blockIpv6 = true;
                return null;
            case "dhcp-option":
                out.dhcpOptions.add(new DhcpOption(p.get(1), p.size() > 2 ? Optional.of(p.get(2)) : Optional.empty()));
                return null;
            case "dns":
                return DnsOptionReader.read(p, pull, out);
            case "block-outside-dns":
                out.blockOutsideDns = true;
                return null;
            case "tun-mtu":
                out.tunMtu = OptionalInt.of(CNumbers.positiveAtoi(p.get(1)));
                return null;
            case "ping":
                out.ping = OptionalInt.of(CNumbers.positiveAtoi(p.get(1)));
                return null;
            case "ping-restart":
                out.pingTimeout = Optional.of(new PingTimeout(CNumbers.positiveAtoi(p.get(1)), PingTimeout.Action.RESTART));
                return null;
            case "ping-exit":
                out.pingTimeout = Optional.of(new PingTimeout(CNumbers.positiveAtoi(p.get(1)), PingTimeout.Action.EXIT));
                return null;
            case "ping-timer-rem":
                out.pingTimerRemote = true;
                return null;
            case "inactive":
                long bytes = p.size() > 2 ? Math.max(0, CNumbers.atol(p.get(2))) : 0;
                out.inactivity = Optional.of(new Inactivity(CNumbers.positiveAtoi(p.get(1)), bytes));
                return null;
            case "session-timeout":
                out.sessionTimeout = OptionalInt.of(CNumbers.positiveAtoi(p.get(1)));
                return null;
            case "explicit-exit-notify":
                out.explicitExitNotify = OptionalInt.of(p.size() > 1 ? CNumbers.positiveAtoi(p.get(1)) : 1);
                return null;
            case "peer-id":
                out.peerId = OptionalInt.of(CNumbers.atoi(p.get(1)));
                return null;
            case "cipher":
                out.cipher = Optional.of(p.get(1));
                return null;
            case "key-derivation":
                if (!p.get(1).equals("tls-ekm")) {
                    return "Unknown key-derivation method " + p.get(1);
                }
                out.protocolFlags.add(IvProto.TLS_KEY_EXPORT);
                return null;
            case "protocol-flags":
                return protocolFlags(p);
            case "auth-token":
                out.authToken = Optional.of(p.get(1));
                return null;
            case "auth-token-user":
                out.authTokenUser = Optional.of(p.get(1));
                return null;
            case "echo":
            case "parameter":
                out.echo.add(String.join(" ", p.subList(1, p.size())));
                return null;
            case "setenv-safe":
                if (p.get(1).length() > SETENV_SAFE_MAX_NAME) {
                    return "setenv_str_safe: name overflow";
                }
                out.setenv.add(new SetenvSafe(p.get(1), p.size() > 2 ? p.get(2) : ""));
                return null;
            case "compress":
            case "comp-lzo":
                return compression(p);
            case "persist-tun":
                out.persistTun = true;
                return null;
            case "persist-key":
                out.persistKey = true;
                return null;
            case "push-continuation":
            case "tun-ipv6":
                // Continuations are the assembler's business; tun-ipv6 is ignored silently when pulled.
                return null;
            default:
                out.notApplied.add(text);
                return null;
        }
    }

    private String ifconfig(List<String> p) {
        Optional<Inet4Address> local = AddressWords.ipv4(p.get(1));
        Optional<Inet4Address> second = AddressWords.ipv4(p.get(2));
        if (local.isEmpty() || second.isEmpty()) {
            return "ifconfig parms '" + p.get(1) + "' and '" + p.get(2) + "' must be valid addresses";
        }
        out.ifconfig = Optional.of(new IfconfigIpv4(local.get(), second.get()));
        return null;
    }

    private String ifconfigIpv6(List<String> p) {
        Optional<AddressWords.Ipv6Prefix> local = AddressWords.ipv6Prefix(p.get(1));
        Optional<Inet6Address> remote = AddressWords.ipv6(p.get(2));
        if (local.isEmpty() || remote.isEmpty()) {
            return "ifconfig-ipv6 parms '" + p.get(1) + "' and '" + p.get(2) + "' must be valid addresses";
        }
        int bits = local.get().prefixLength();
        if (bits < IfconfigIpv6.MIN_PREFIX || bits > IfconfigIpv6.MAX_PREFIX) {
            return "ifconfig-ipv6: /netbits must be between 64 and 124, not '/" + bits + "'";
        }
        out.ifconfigIpv6 = Optional.of(new IfconfigIpv6(local.get().address(), bits, remote.get()));
        return null;
    }

    // options.c route branch (pull-mode checks) and route.c init_route (what a value means).
    private String route(List<String> p) {
        Optional<RouteAddress> network = routeAddress(p.get(1));
        if (network.isEmpty()) {
            return "route parameter network/IP '" + p.get(1) + "' must be a valid address";
        }
        Optional<Inet4Address> netmask = Optional.empty();
        if (p.size() > 2 && !isDefault(p.get(2))) {
            netmask = AddressWords.ipv4(p.get(2));
            if (netmask.isEmpty()) {
                return "route parameter netmask '" + p.get(2) + "' must be an IP address";
            }
        }
        Optional<RouteAddress> gateway = Optional.empty();
        if (p.size() > 3 && !isDefault(p.get(3))) {
            gateway = routeAddress(p.get(3));
            if (gateway.isEmpty()) {
                return "route parameter gateway '" + p.get(3) + "' must be a valid address";
            }
        }
        OptionalInt metric = OptionalInt.empty();
        if (p.size() > 4 && !p.get(4).equals("default")) {
            int m = CNumbers.atoi(p.get(4));
            if (m < 0) {
                return "OpenVPN ROUTE: route metric for network " + p.get(1) + " (" + p.get(4) + ") must be >= 0";
            }
            metric = OptionalInt.of(m);
        }
        out.routes.add(new RouteIpv4(network.get(), netmask, gateway, metric));
        return null;
    }

    private String routeIpv6(List<String> p) {
        Optional<AddressWords.Ipv6Prefix> network = AddressWords.ipv6Prefix(p.get(1));
        if (network.isEmpty()) {
            return "route-ipv6 parameter network/IP '" + p.get(1) + "' must be a valid address";
        }
        Optional<Inet6Address> gateway = Optional.empty();
        if (p.size() > 2 && !isDefault(p.get(2))) {
            gateway = AddressWords.ipv6(p.get(2));
            if (gateway.isEmpty()) {
                return "route-ipv6 parameter gateway '" + p.get(2) + "' must be a valid address";
            }
        }
        OptionalInt metric = OptionalInt.empty();
        if (p.size() > 3 && !p.get(3).equals("default")) {
            int m = CNumbers.atoi(p.get(3));
            if (m < 0) {
                return "OpenVPN ROUTE: route metric for network " + p.get(1) + " (" + p.get(3) + ") must be >= 0";
            }
            metric = OptionalInt.of(m);
        }
        out.routesIpv6.add(new RouteIpv6(network.get().address(), network.get().prefixLength(), gateway, metric));
        return null;
    }

    private String routeGateway(String word) {
        if (word.equals("dhcp")) {
            out.routeGateway = Optional.of(new RouteGateway.Dhcp());
            return null;
        }
        Optional<RouteAddress> a = routeAddress(word);
        if (a.isEmpty()) {
            return "route-gateway parm '" + word + "' must be a valid address";
        }
        out.routeGateway = Optional.of(new RouteGateway.Address(a.get()));
        return null;
    }

    // options.c: flags before an unknown one have already been applied when the error is raised,
    // so the line counts with those flags (a pushed "redirect-gateway def1 bogus" still redirects).
    private String redirect(List<String> p) {
        EnumSet<RedirectFlag> flags = EnumSet.noneOf(RedirectFlag.class);
        String error = null;
        for (int i = 1; i < p.size(); i++) {
            Optional<RedirectFlag> f = RedirectFlag.fromWord(p.get(i));
            if (f.isEmpty()) {
                error = "unknown --" + p.get(0) + " flag: " + p.get(i);
                break;
            }
            flags.add(f.get());
        }
        out.redirects.add(new RedirectGateway(p.get(0).equals("redirect-private"), flags));
        return error;
    }

    private String protocolFlags(List<String> p) {
        String error = null;
        for (int i = 1; i < p.size(); i++) {
            switch (p.get(i)) {
                case "cc-exit" -> out.protocolFlags.add(IvProto.CC_EXIT_NOTIFY);
                case "tls-ekm" -> out.protocolFlags.add(IvProto.TLS_KEY_EXPORT);
                case "dyn-tls-crypt" -> out.protocolFlags.add(IvProto.DYN_TLS_CRYPT);
                default -> {
                    // OpenVPN logs each unknown flag and keeps reading; one problem names the first.
                    if (error == null) {
                        error = "Unknown protocol-flags flag: " + p.get(i);
                    }
                }
            }
        }
        return error;
    }

    private String compression(List<String> p) {
        Optional<String> arg = p.size() > 1 ? Optional.of(p.get(1)) : Optional.empty();
        if (p.get(0).equals("comp-lzo")) {
            if (arg.isPresent() && !List.of("yes", "no", "adaptive").contains(arg.get())) {
                return "bad comp-lzo option: " + arg.get() + " -- must be 'yes', 'no', or 'adaptive'";
            }
        } else if (arg.isPresent() && !List.of("stub", "stub-v2", "migrate", "lzo", "lz4", "lz4-v2").contains(arg.get())) {
            return "bad comp option: " + arg.get();
        }
        out.compression = Optional.of(new Compression(p.get(0), arg));
        return null;
    }

    /**
     * A literal dotted quad or a special word. Host names are refused in both modes: a push may
     * only carry them with {@code allow-pull-fqdn}, and resolving one is not this code's job.
     */
    private static Optional<RouteAddress> routeAddress(String word) {
        Optional<SpecialAddress> special = SpecialAddress.fromWord(word);
        if (special.isPresent()) {
            return Optional.of(new RouteAddress.Special(special.get()));
        }
        return AddressWords.ipv4(word).map(RouteAddress.Literal::new);
    }

    /** route.c {@code is_route_parm_defined}: {@code default} means absent, in a configuration file. */
    private boolean isDefault(String word) {
        return !pull && word.equals("default");
    }

}
