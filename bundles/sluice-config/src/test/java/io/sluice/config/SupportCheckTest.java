package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.internal.Impl;
import io.sluice.config.internal.OptionSpec;
import io.sluice.config.internal.OptionTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportCheckTest {

    @TempDir
    Path dir;

    @Test
    void theConfigurationLanguageServerClientAndStaticKeyModeAreImplementedSoFar() {
        Set<String> done = new TreeSet<>();
        for (OptionSpec s : OptionTable.all()) {
            if (s.impl() == Impl.DONE) {
                done.add(s.name());
            }
        }
        assertEquals(new TreeSet<>(List.of("config", "cd", "setenv", "setenv-safe", "ignore-unknown-option",
                "key-direction", "verb",
                // server mode
                "mode", "server", "server-ipv6", "tls-server", "port", "lport", "proto", "local", "dev", "dev-type",
                "tun-mtu", "topology", "ifconfig", "ifconfig-pool", "ifconfig-ipv6", "ifconfig-ipv6-pool", "push",
                "route", "route-ipv6", "keepalive", "ping", "ping-restart", "data-ciphers", "ncp-ciphers",
                "data-ciphers-fallback", "auth", "max-clients", "duplicate-cn", "client-to-client", "connect-freq",
                "connect-freq-initial",
                "ifconfig-pool-persist", "ca", "cert", "key", "extra-certs", "dh", "tls-version-min",
                "tls-version-max", "remote-cert-tls", "verify-x509-name", "peer-fingerprint", "verify-client-cert",
                "replay-window", "reneg-sec", "hand-window", "tran-window", "tls-timeout", "explicit-exit-notify",
                "persist-key", "persist-tun", "client-config-dir", "ccd-exclusive", "float",
                // client mode
                "client", "tls-client", "pull", "remote", "remote-random", "connection", "rport", "bind", "nobind",
                "resolv-retry", "connect-retry", "connect-retry-max", "connect-timeout", "server-poll-timeout",
                "auth-user-pass", "auth-retry", "auth-nocache", "pull-filter", "route-nopull", "route-noexec",
                "ifconfig-noexec", "redirect-gateway", "redirect-private", "route-gateway", "route-ipv6-gateway",
                "route-metric", "persist-remote-ip", "mute-replay-warnings", "ping-exit", "mute", "cipher", "tls-auth", "tls-crypt", "tls-crypt-v2", "compat-mode", "genkey", "show-ciphers", "show-digests", "show-tls", "test-crypto",
                // static-key peer-to-peer mode
                "secret",
                // scripts and DNS
                "script-security", "up", "down", "ipchange", "route-up", "route-pre-down", "dhcp-option", "dns",
                "client-connect", "client-disconnect", "learn-address", "auth-user-pass-verify", "tls-crypt-v2-verify", "tls-crypt-v2-max-age",
                // credentials
                "askpass", "pkcs12",
                // compression framing and key usage limits
                "comp-lzo", "compress", "comp-noadapt", "allow-compression", "reneg-bytes", "reneg-pkts",
                // authentication backends
                "plugin")), done);
    }

    @Test
    void firstUnsupportedOptionInFileOrderIsReported() throws ConfigException {
        Fixtures.write(dir, "inc.conf", "verb 3\n");
        OpenVpnConfig c = Fixtures.parse(dir, "# client profile\nconfig inc.conf\nclient\ndev tun\nremote a\nmlock\nmute 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SupportCheck.check(c));
        assertEquals("test.conf:6: option 'mlock': not supported by Sluice yet", e.getMessage());
    }

    @Test
    void implementedOptionsPass() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "verb 4\nsetenv FOO bar\nsetenv-safe X y\nkey-direction 1\n");
        OpenVpnConfig checked = SupportCheck.check(c);
        assertEquals(c.lines(), checked.lines());
        assertEquals(4, checked.verb());
    }

    @Test
    void unsupportedOptionsCoveredByIgnoreUnknownOptionAreDroppedWithAWarning() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "ignore-unknown-option mlock memstats\nmlock\nmemstats f\nverb 2\n");
        OpenVpnConfig checked = SupportCheck.check(c);
        assertFalse(checked.has("mlock"));
        assertFalse(checked.has("memstats"));
        assertEquals(List.of("test.conf:2: option 'mlock': not supported by Sluice yet; ignored (ignore-unknown-option)",
                "test.conf:3: option 'memstats': not supported by Sluice yet; ignored (ignore-unknown-option)"),
                checked.warnings());
    }

    @Test
    void unsupportedOptionsWrittenAsSetenvOptAreDroppedWithAWarning() throws ConfigException {
        OpenVpnConfig checked = SupportCheck.check(Fixtures.parse(dir, "setenv opt block-outside-dns\nverb 3\n"));
        assertEquals(List.of("test.conf:1: option 'block-outside-dns': not supported by Sluice yet; ignored (setenv opt)"),
                checked.warnings());
    }

    @Test
    void ignoreUnknownOptionOnlyCoversLaterLines() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "mlock\nignore-unknown-option mlock\n");
        assertEquals("test.conf:1: option 'mlock': not supported by Sluice yet",
                assertThrows(ConfigException.class, () -> SupportCheck.check(c)).getMessage());
    }

    @Test
    void isImplementedAnswersForKnownAndUnknownNames() {
        assertTrue(SupportCheck.isImplemented("verb"));
        assertTrue(SupportCheck.isImplemented("tls-crypt-v2"));
        assertFalse(SupportCheck.isImplemented("mktun"));
        assertFalse(SupportCheck.isImplemented("no-such-option"));
    }

    @Test
    void parsingAcceptsUnsupportedOptions() throws ConfigException {
        assertEquals(Mode.SERVER, Corpus.parse("server-udp.conf").mode());
        assertThrows(ConfigException.class, () -> SupportCheck.check(Corpus.parse("server-udp.conf")));
    }

    @Test
    void aPluginLineNamesABackendAndANativePluginIsRefusedInOneLine() throws ConfigException {
        String server = "server 10.8.0.0 255.255.255.0\ndev tun\n";
        OpenVpnConfig ok = SupportCheck.check(Fixtures.parse(dir, server + "plugin local\n"));
        assertEquals("local", ok.last("plugin").orElseThrow().args().get(0));
        ConfigException e = assertThrows(ConfigException.class, () -> SupportCheck.check(Fixtures.parse(dir,
                server + "plugin /usr/lib/openvpn/openvpn-plugin-auth-pam.so login\n")));
        assertEquals("test.conf:3: option 'plugin': native OpenVPN plugins cannot be loaded by Sluice; name an"
                + " authentication backend instead (the sluice.auth property of a UserAuthenticator service)",
                e.getMessage());
    }
}
