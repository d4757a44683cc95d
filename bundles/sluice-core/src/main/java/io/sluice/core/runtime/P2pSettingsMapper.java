package io.sluice.core.runtime;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.config.ConfigException;
import io.sluice.config.Connection;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Proto;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.p2p.P2pSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A static-key peer-to-peer configuration ({@code secret}, neither client nor server) as the
 * engine's {@link P2pSettings}, with OpenVPN 2.6's defaults for what it leaves out. The cipher
 * and digest are checked against the installed providers here, so that a configuration that
 * cannot run is one line naming the option.
 */
final class P2pSettingsMapper {

    /** OpenVPN 2.6's {@code cipher} default, which static-key mode still uses. */
    static final String DEFAULT_CIPHER = "BF-CBC";
    /** OpenVPN's {@code connect-retry} defaults: 1 s, backing off to 300 s. */
    static final int CONNECT_RETRY_SECONDS = 1;
    static final int CONNECT_RETRY_MAX_SECONDS = 300;

    private P2pSettingsMapper() {
    }

    static P2pSettings map(OpenVpnConfig c, String name, CryptoProviders crypto) throws ConfigException {
        OptionLine secret = c.last("secret").orElseThrow();
        Key2 key = ControlProtectionMapper.key(secret, c.controlChannel().secret().orElseThrow());
        KeyDirection direction = KeyDirection.forStaticKey(c.controlChannel().keyDirection().map(String::valueOf)
                .orElse(null));
        String cipher = cipher(c, secret, crypto);
        String auth = c.dataChannel().auth().orElse(ControlProtectionMapper.DEFAULT_DIGEST);
        if (!auth.equalsIgnoreCase("none") && crypto.digest(auth).isEmpty()) {
            throw ConfigException.at(c.last("auth").orElse(secret), "no installed provider offers digest " + auth);
        }

        List<Connection> connections = c.transport().connections();
        if (connections.size() > 1) {
            throw ConfigException.at(c.all("remote").get(1), "a static-key peer has one 'remote' in Sluice so far");
        }
        Optional<Connection> conn = connections.stream().findFirst();
        Proto proto = conn.map(Connection::proto).orElse(c.transport().proto());
        P2pSettings.Link link = proto.isUdp() ? P2pSettings.Link.UDP
                : proto.isTcpServer() ? P2pSettings.Link.TCP_SERVER : P2pSettings.Link.TCP_CLIENT;
        int family = switch (proto.family()) {
            case IPV4 -> 4;
            case IPV6 -> 6;
            case ANY -> 0;
        };
        if (link == P2pSettings.Link.TCP_CLIENT && conn.isEmpty()) {
            throw ConfigException.at(c.last("proto").orElse(secret), "'" + proto.keyword() + "' needs a 'remote'");
        }
        Optional<P2pSettings.Remote> remote = conn.map(r -> new P2pSettings.Remote(r.host(), r.port(), family));
        boolean bind = conn.map(Connection::bind).orElse(c.transport().bind());
        OptionLine where = c.last("local").or(() -> c.last("lport")).or(() -> c.last("port")).orElse(secret);
        Optional<InetSocketAddress> local = Optional.empty();
        if (bind || link != P2pSettings.Link.TCP_CLIENT) {
            String host = c.transport().local().orElse(family == 6 ? "::" : "0.0.0.0");
            // nobind: any port, which only a UDP peer with a remote may do.
            int port = bind ? c.transport().localPort() : 0;
            local = Optional.of(new InetSocketAddress(ServerSettingsMapper.resolve(where, host), port));
        }

        Optional<OptionLine> retry = c.last("connect-retry");
        int retrySeconds = retry.map(l -> Integer.parseInt(l.args().get(0))).orElse(CONNECT_RETRY_SECONDS);
        int retryMax = retry.flatMap(l -> l.arg(1)).map(Integer::parseInt).orElse(CONNECT_RETRY_MAX_SECONDS);
        return new P2pSettings(name, ServerSettingsMapper.tun(c), ClientSettingsMapper.routing(c), key, direction,
                cipher, auth, c.renegotiation().replayWindow(), c.renegotiation().replayTime(), link, local, remote,
                c.transport().floatAllowed(), Duration.ofSeconds(c.liveness().ping()),
                Duration.ofSeconds(c.liveness().pingRestart()), Duration.ofSeconds(c.liveness().pingExit()),
                Duration.ofSeconds(Math.max(1, retrySeconds)), Duration.ofSeconds(Math.max(retrySeconds, retryMax)),
                c.has("mute-replay-warnings"));
    }

    /**
     * {@code cipher}, or 2.6's BF-CBC default: offered by an installed provider, and CBC (OpenVPN:
     * "Cipher '...' mode not supported" outside TLS mode), or {@code none}.
     */
    private static String cipher(OpenVpnConfig c, OptionLine secret, CryptoProviders crypto) throws ConfigException {
        Optional<String> configured = c.dataChannel().cipher();
        String cipher = configured.orElse(DEFAULT_CIPHER);
        if (cipher.toLowerCase(Locale.ROOT).equals("none")) {
            return cipher;
        }
        Optional<CipherSpec> spec = crypto.cipherSpec(cipher);
        if (spec.isEmpty() && configured.isEmpty()) {
            throw ConfigException.forOption(secret.location(), "cipher", "static-key mode uses OpenVPN's default "
                    + "cipher BF-CBC, which no installed provider offers; set 'cipher AES-256-CBC' (or another CBC "
                    + "cipher) on both peers");
        }
        OptionLine line = c.last("cipher").orElse(secret);
        if (spec.isEmpty()) {
            throw ConfigException.at(line, "no installed provider offers cipher " + cipher);
        }
        if (spec.get().mode() != CipherMode.CBC) {
            throw ConfigException.at(line, "Cipher '" + spec.get().name() + "' mode not supported: static-key mode"
                    + " takes CBC ciphers (or none)");
        }
        return cipher;
    }
}
