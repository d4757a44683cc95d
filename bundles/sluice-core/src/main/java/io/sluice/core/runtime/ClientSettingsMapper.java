package io.sluice.core.runtime;

import io.sluice.config.CompatMode;
import io.sluice.api.transport.TransportProtocol;
import io.sluice.config.ClientOptions;
import io.sluice.config.ConfigException;
import io.sluice.config.Connection;
import io.sluice.config.DataChannel;
import io.sluice.config.FileOrInline;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Proto;
import io.sluice.config.PullFilter;
import io.sluice.core.client.AuthRetry;
import io.sluice.core.client.ClientSettings;
import io.sluice.core.client.CredentialSource;
import io.sluice.core.client.Credentials;
import io.sluice.core.client.RemoteSpec;
import io.sluice.core.control.PullFilters;
import io.sluice.core.engine.Prompt;
import io.sluice.core.pushed.ConnectRetry;
import io.sluice.core.pushed.LocalRouting;
import io.sluice.core.pushed.PushProblem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A client configuration ({@code client}, or {@code tls-client} with {@code pull}) as the
 * engine's {@link ClientSettings}, with OpenVPN 2.6's defaults for what it leaves out.
 */
final class ClientSettingsMapper {

    /** OpenVPN's {@code server-poll-timeout} default. */
    static final int SERVER_POLL_TIMEOUT_SECONDS = 120;

    private ClientSettingsMapper() {
    }

    static ClientSettings map(OpenVpnConfig c, String name, Prompt prompt) throws ConfigException {
        DataChannel d = c.dataChannel();
        ClientOptions client = c.client();
        Optional<OptionLine> retry = c.last("connect-retry");
        ConnectRetry policy = ConnectRetry.of(retry.map(l -> Integer.parseInt(l.args().get(0)))
                        .orElse(ConnectRetry.DEFAULT_SECONDS),
                retry.flatMap(l -> l.arg(1)).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty()),
                ServerSettingsMapper.intOption(c, "connect-retry-max", 0));
        AuthRetry authRetry = authRetry(c, client);
        if (authRetry == AuthRetry.NOINTERACT) {
            policy = new ConnectRetry(policy.seconds(), policy.maxSeconds(), policy.maxRounds(), true, true);
        }
        int poll = c.last("server-poll-timeout").or(() -> c.last("connect-timeout"))
                .map(l -> Integer.parseInt(l.args().get(0))).orElse(SERVER_POLL_TIMEOUT_SECONDS);
        LocalRouting routing = routing(c);
        return new ClientSettings(name, remotes(c), c.transport().remoteRandom(), policy, Duration.ofSeconds(poll),
                c.has("persist-remote-ip"), ServerSettingsMapper.tun(c), routing, c.has("persist-tun"),
                credentials(c, client, prompt), authRetry, client.authNocache(), d.effectiveDataCiphers(), d.dataCiphersFallback(), d.auth().orElse("SHA1"),
                Duration.ofSeconds(c.liveness().ping()), Duration.ofSeconds(c.liveness().pingRestart()),
                Duration.ofSeconds(c.renegotiation().renegSec()), pullFilters(client),
                c.renegotiation().replayWindow(), c.renegotiation().replayTime(), TlsSettingsMapper.map(c, name, false, prompt),
                ControlProtectionMapper.map(c), CompatMode.of(c), ServerSettingsMapper.timings(c),
                ServerSettingsMapper.payload(c));
    }

    /** The configuration's own addressing and routing options; a line that cannot be read is a configuration error. */
    static LocalRouting routing(OpenVpnConfig c) throws ConfigException {
        LocalRouting routing = LocalRouting.fromConfig(c);
        if (!routing.problems().isEmpty()) {
            PushProblem p = routing.problems().get(0);
            // LocalRouting numbers the configuration's lines from 1.
            OptionLine line = c.lines().get(Math.max(0, Math.min(p.position() - 1, c.lines().size() - 1)));
            throw ConfigException.at(line, p.message());
        }
        return routing;
    }

    private static List<RemoteSpec> remotes(OpenVpnConfig c) throws ConfigException {
        List<RemoteSpec> out = new ArrayList<>();
        List<OptionLine> remoteLines = c.all("remote");
        List<Connection> connections = c.transport().connections();
        if (connections.isEmpty()) {
            OptionLine where = c.last("client").or(() -> c.last("tls-client")).orElse(c.lines().get(0));
            throw ConfigException.forOption(where.location(), "remote", "a client needs at least one 'remote'");
        }
        for (int i = 0; i < connections.size(); i++) {
            Connection conn = connections.get(i);
            OptionLine line = !c.connectionBlocks().isEmpty() ? c.connectionBlocks().get(i).line()
                    : remoteLines.get(Math.min(i, remoteLines.size() - 1));
            Proto proto = conn.proto();
            if (proto.isTcpServer()) {
                throw ConfigException.at(line, "'" + proto.keyword() + "' is for servers; a client uses udp or tcp-client");
            }
            int family = switch (proto.family()) {
                case IPV4 -> 4;
                case IPV6 -> 6;
                case ANY -> 0;
            };
            Optional<InetSocketAddress> bind = Optional.empty();
            if (conn.bind()) {
                String local = conn.local().orElse(family == 6 ? "::" : "0.0.0.0");
                bind = Optional.of(new InetSocketAddress(ServerSettingsMapper.resolve(line, local), conn.localPort()));
            }
            out.add(new RemoteSpec(conn.host(), conn.port(), proto.isUdp() ? TransportProtocol.UDP : TransportProtocol.TCP,
                    family, bind, conn.floatAllowed(), conn.explicitExitNotify() > 0));
        }
        return out;
    }

    /**
     * {@code auth-user-pass}: a file or inline block with the username on the first line and
     * the password on the second; a missing password, or no file at all, is asked for on the
     * terminal as OpenVPN does ("Enter Auth Username:"). Read once now, so that a missing file
     * is a configuration error; read (or asked) again later when auth-nocache or a refusal
     * made the client forget it.
     */
    private static Optional<CredentialSource> credentials(OpenVpnConfig c, ClientOptions client, Prompt prompt)
            throws ConfigException {
        if (client.authUserPass().isEmpty()) {
            return Optional.empty();
        }
        OptionLine line = c.last("auth-user-pass").orElseThrow();
        FileOrInline source = client.authUserPass().get();
        Credentials first = read(line, source, prompt);
        CredentialSource later = () -> {
            try {
                return Optional.of(read(line, source, prompt));
            } catch (ConfigException e) {
                return Optional.empty();
            }
        };
        return Optional.of(CredentialSource.firstThen(first, later));
    }

    private static Credentials read(OptionLine line, FileOrInline source, Prompt prompt) throws ConfigException {
        String username = null;
        String password = null;
        if (source.kind() != FileOrInline.Kind.CONSOLE) {
            String text;
            try {
                text = source.read();
            } catch (IOException e) {
                throw ConfigException.at(line, "cannot read " + source + ": " + e.getMessage());
            }
            String[] lines = text.split("\r?\n", -1);
            username = lines.length > 0 && !lines[0].isEmpty() ? lines[0] : null;
            password = lines.length > 1 && !lines[1].isEmpty() ? lines[1] : null;
            if (username == null) {
                throw ConfigException.at(line, "no username in " + source);
            }
        }
        if (username == null) {
            username = prompt.ask("Enter Auth Username:", true).orElseThrow(() -> ConfigException.at(line,
                    "could not read Auth username from stdin (no terminal; give a file)"));
        }
        if (password == null) {
            password = prompt.ask("Enter Auth Password:", false).orElseThrow(() -> ConfigException.at(line,
                    "could not read Auth password from stdin (no terminal; put it on the file's second line)"));
        }
        return new Credentials(username, password);
    }

    private static AuthRetry authRetry(OpenVpnConfig c, ClientOptions client) throws ConfigException {
        try {
            return AuthRetry.valueOf(client.authRetry().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(c.last("auth-retry").orElseThrow(), "unknown auth-retry mode '"
                    + client.authRetry() + "'");
        }
    }

    private static PullFilters pullFilters(ClientOptions client) {
        List<PullFilters.Rule> rules = new ArrayList<>();
        for (PullFilter f : client.pullFilters()) {
            rules.add(PullFilters.Rule.of(f.action(), f.text()));
        }
        return new PullFilters(rules);
    }
}
