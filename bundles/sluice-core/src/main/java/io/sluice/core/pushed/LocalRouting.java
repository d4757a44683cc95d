package io.sluice.core.pushed;

import io.sluice.api.tun.DeviceType;
import io.sluice.config.DevType;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Topology;
import io.sluice.core.control.OptionLineTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The client's own addressing and routing options, which a push adds to or overrides: its
 * {@code route}, {@code route-ipv6}, {@code redirect-gateway}, {@code topology}, {@code route-nopull},
 * {@code route-noexec}, {@code ifconfig-noexec} and the rest that {@link ClientNetworkPlan} needs.
 * The options are held as the same typed values a push produces ({@link #options()}).
 *
 * <p>Immutable. From a parsed configuration with {@link #fromConfig}, or with {@link #builder()}.
 */
public final class LocalRouting {

    /** OpenVPN's tun-mtu when none is configured (mtu.h {@code TUN_MTU_DEFAULT}). */
    public static final int DEFAULT_TUN_MTU = 1500;

    /** The options read from the configuration into the typed model. */
    static final Set<String> OPTIONS = Set.of("ifconfig", "ifconfig-ipv6", "route", "route-ipv6", "route-gateway",
            "route-ipv6-gateway", "route-metric", "redirect-gateway", "redirect-private", "dhcp-option", "dns",
            "block-ipv6");

    private final PushedOptions options;
    private final Topology topology;
    private final DeviceType deviceType;
    private final int tunMtu;
    private final OptionalInt tunMtuMax;
    private final boolean routeNopull;
    private final boolean routeNoexec;
    private final boolean ifconfigNoexec;

    private LocalRouting(Builder b) {
        this.options = b.options.build();
        this.topology = b.topology;
        this.deviceType = b.deviceType;
        this.tunMtu = b.tunMtu;
        this.tunMtuMax = b.tunMtuMax;
        this.routeNopull = b.routeNopull;
        this.routeNoexec = b.routeNoexec;
        this.ifconfigNoexec = b.ifconfigNoexec;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The routing options of a parsed configuration. {@code topology} defaults to net30 here
     * whatever {@code config.network().topology()} says: both OpenVPN 2.6 and 2.7 start a client
     * with net30 (2.7's {@code helper_setdefault_topology} changes only servers' default), and a
     * server without the helper may push none. Lines Sluice cannot read (a route to a host name,
     * which OpenVPN would resolve) are left out and listed in {@link #problems()}.
     */
    public static LocalRouting fromConfig(OpenVpnConfig config) {
        Builder b = builder();
        config.last("topology").map(l -> Topology.fromKeyword(l.args().get(0))).ifPresent(b::topology);
        b.deviceType(config.device().type() == DevType.TAP ? DeviceType.TAP : DeviceType.TUN);
        b.tunMtu(config.device().tunMtu().orElse(DEFAULT_TUN_MTU));
        config.last("tun-mtu-max").ifPresent(l -> b.tunMtuMax(CNumbers.positiveAtoi(l.args().get(0))));
        b.routeNopull(config.has("route-nopull"));
        b.routeNoexec(config.has("route-noexec"));
        b.ifconfigNoexec(config.has("ifconfig-noexec"));
        int position = 0;
        for (OptionLine line : config.lines()) {
            position++;
            if (OPTIONS.contains(line.name())) {
                List<String> words = new ArrayList<>();
                words.add(line.name());
                words.addAll(line.args());
                b.option(position, line.toString(), words);
            }
        }
        return b.build();
    }

    /** The configured options, typed as pushed ones are ({@link PushedOptions#problems()} holds unread lines). */
    public PushedOptions options() {
        return options;
    }

    /** The configured {@code topology}, net30 if none. */
    public Topology topology() {
        return topology;
    }

    public DeviceType deviceType() {
        return deviceType;
    }

    /** The configured {@code tun-mtu}. */
    public int tunMtu() {
        return tunMtu;
    }

    /** {@code tun-mtu-max}: how large a pushed {@code tun-mtu} may be (at least 1600 in any case). */
    public OptionalInt tunMtuMax() {
        return tunMtuMax;
    }

    /** {@code route-nopull}: the push may not set routes or DNS; parse the push with this. */
    public boolean routeNopull() {
        return routeNopull;
    }

    /** {@code route-noexec}: compute routes but leave the routing table alone. */
    public boolean routeNoexec() {
        return routeNoexec;
    }

    /** {@code ifconfig-noexec}: leave the device's addresses and MTU alone. */
    public boolean ifconfigNoexec() {
        return ifconfigNoexec;
    }

    /** Configuration lines that could not be read. */
    public List<PushProblem> problems() {
        return options.problems();
    }

    /** Collects a client's routing options. */
    public static final class Builder {
        private final PushedOptions.Builder options = new PushedOptions.Builder();
        private final OptionReader reader = OptionReader.forConfig(options);
        private Topology topology = Topology.NET30;
        private DeviceType deviceType = DeviceType.TUN;
        private int tunMtu = DEFAULT_TUN_MTU;
        private OptionalInt tunMtuMax = OptionalInt.empty();
        private boolean routeNopull;
        private boolean routeNoexec;
        private boolean ifconfigNoexec;
        private int lines;

        private Builder() {
        }

        /**
         * One routing option as a configuration file has it, e.g. {@code route 10.0.0.0 255.0.0.0}
         * or {@code redirect-gateway def1}: {@code ifconfig}, {@code ifconfig-ipv6}, {@code route},
         * {@code route-ipv6}, {@code route-gateway}, {@code route-ipv6-gateway}, {@code route-metric},
         * {@code redirect-gateway}, {@code redirect-private}, {@code dhcp-option}, {@code dns} or
         * {@code block-ipv6}. A malformed one is recorded in {@link LocalRouting#problems()}.
         *
         * @throws IllegalArgumentException for any other option, or a line that is no option
         */
        public Builder option(String line) {
            List<String> words = OptionLineTokenizer.tokenize(line)
                    .filter(w -> !w.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException("not an option line: " + line));
            return option(++lines, line, words);
        }

        Builder option(int position, String text, List<String> words) {
            if (!OPTIONS.contains(words.get(0))) {
                throw new IllegalArgumentException("not a routing option: " + words.get(0));
            }
            reader.read(position, text, words);
            return this;
        }

        public Builder topology(Topology topology) {
            this.topology = Objects.requireNonNull(topology, "topology");
            return this;
        }

        public Builder deviceType(DeviceType deviceType) {
            this.deviceType = Objects.requireNonNull(deviceType, "deviceType");
            return this;
        }

        public Builder tunMtu(int tunMtu) {
            if (tunMtu < 68 || tunMtu > 65535) {
                throw new IllegalArgumentException("tun-mtu out of range 68..65535: " + tunMtu);
            }
            this.tunMtu = tunMtu;
            return this;
        }

        public Builder tunMtuMax(int tunMtuMax) {
            this.tunMtuMax = OptionalInt.of(tunMtuMax);
            return this;
        }

        public Builder routeNopull(boolean routeNopull) {
            this.routeNopull = routeNopull;
            return this;
        }

        public Builder routeNoexec(boolean routeNoexec) {
            this.routeNoexec = routeNoexec;
            return this;
        }

        public Builder ifconfigNoexec(boolean ifconfigNoexec) {
            this.ifconfigNoexec = ifconfigNoexec;
            return this;
        }

        public LocalRouting build() {
            return new LocalRouting(this);
        }
    }
}
