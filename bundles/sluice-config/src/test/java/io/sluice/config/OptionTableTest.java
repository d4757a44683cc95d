package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.internal.OptionSpec;
import io.sluice.config.internal.OptionTable;
import io.sluice.config.internal.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionTableTest {

    @TempDir
    Path dir;

    /** The names OpenVPN 2.6's option parser recognises. */
    static Set<String> openVpnNames() throws IOException {
        try (InputStream in = OptionTableTest.class.getResourceAsStream("/openvpn-2.6-options.txt")) {
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return names;
        }
    }

    @Test
    void everyOptionOpenVpnKnowsIsInTheTable() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : openVpnNames()) {
            if (OptionTable.lookup(name).isEmpty()) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theTableHasNoOptionOpenVpnDoesNotKnowExceptRemovedOnes() throws IOException {
        Set<String> known = openVpnNames();
        List<String> extra = new ArrayList<>();
        for (OptionSpec s : OptionTable.all()) {
            if (!known.contains(s.name()) && s.status() != Status.REMOVED && s.status() != Status.OPENVPN_2_7) {
                extra.add(s.name());
            }
        }
        assertEquals(List.of(), extra);
    }

    @Test
    void theOptionsMarkedAsOpenVpn27AreExactlyThose26DoesNotKnow() throws IOException {
        Set<String> known = openVpnNames();
        for (OptionSpec s : OptionTable.all()) {
            if (s.status() == Status.OPENVPN_2_7) {
                assertFalse(known.contains(s.name()), s.name() + " is a 2.6 option");
            }
        }
        assertEquals(Status.OPENVPN_2_7, OptionTable.lookup("tls-crypt-v2-max-age").orElseThrow().status());
    }

    @Test
    void tooManyArgumentsIsAnErrorNamingTheOptionForEveryOption() {
        for (OptionSpec s : OptionTable.all()) {
            if (s.maxArgs() >= 15 || s.status() == Status.REMOVED || s.inlineOnly()) {
                continue;
            }
            String line = s.name() + " x".repeat(s.maxArgs() + 1) + "\n";
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parseString(line, "t.conf", dir),
                    s.name());
            assertTrue(e.getMessage().startsWith("t.conf:1: option '" + s.name() + "': expects " + s.arity() + ", got "
                    + (s.maxArgs() + 1)), e.getMessage());
        }
    }

    @Test
    void tooFewArgumentsIsAnErrorNamingTheOptionForEveryOption() {
        for (OptionSpec s : OptionTable.all()) {
            if (s.minArgs() == 0 || s.status() == Status.REMOVED) {
                continue;
            }
            String line = s.name() + " x".repeat(s.minArgs() - 1) + "\n";
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parseString(line, "t.conf", dir),
                    s.name());
            assertTrue(e.getMessage().startsWith("t.conf:1: option '" + s.name() + "': expects "), e.getMessage());
        }
    }

    @Test
    void inlineCapableOptionsMatchOpenVpns() {
        Set<String> inline = new TreeSet<>();
        for (OptionSpec s : OptionTable.all()) {
            if (s.inline()) {
                inline.add(s.name());
            }
        }
        assertEquals(new TreeSet<>(List.of("ca", "cert", "key", "extra-certs", "dh", "pkcs12", "secret", "crl-verify",
                "http-proxy-user-pass", "tls-auth", "auth-gen-token-secret", "peer-fingerprint", "verify-hash",
                "tls-crypt", "tls-crypt-v2", "auth-user-pass", "connection")), inline);
    }

    @Test
    void removedOptionsAreErrorsEvenWithValidLookingArguments() {
        for (OptionSpec s : OptionTable.all()) {
            if (s.status() == Status.REMOVED) {
                ConfigException e = assertThrows(ConfigException.class,
                        () -> ConfigParser.parseString(s.name() + "\n", "t.conf", dir));
                assertEquals("t.conf:1: option '" + s.name() + "': " + s.note(), e.getMessage());
            }
        }
    }

    @Test
    void deprecatedOptionsParseWithAWarning() throws ConfigException {
        OpenVpnConfig c = ConfigParser.parseString("max-routes 100\ntun-ipv6\n", "t.conf", dir);
        assertEquals(2, c.warnings().size());
        assertNotEquals(-1, c.warnings().get(0).indexOf("t.conf:1: option 'max-routes': deprecated"));
    }
}
