package io.sluice.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.config.OpenVpnConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/sluice's own option --pki-init [HOST], taken out before OpenVPN's options are read. */
class PkiInitOptionTest {

    @TempDir
    Path dir;

    @Test
    void theOptionAndItsHostAreTakenOutOfTheArguments() {
        List<String> argv = List.of("--config", "server.conf", "--pki-init", "vpn.example.net", "--verb", "4");
        assertEquals(Optional.of("vpn.example.net"), SluiceMain.pkiInit(argv));
        assertEquals(List.of("--config", "server.conf", "--verb", "4"), SluiceMain.withoutPkiInit(argv));
    }

    @Test
    void withoutAHostTheProfileConnectsToLoopback() {
        List<String> argv = List.of("--pki-init", "--config", "server.conf");
        assertEquals(Optional.of("127.0.0.1"), SluiceMain.pkiInit(argv));
        assertEquals(List.of("--config", "server.conf"), SluiceMain.withoutPkiInit(argv));
        assertEquals(Optional.empty(), SluiceMain.pkiInit(List.of("--config", "x.conf")));
    }

    @Test
    void thePkiDirectoryIsWhereCaCertAndKeyPoint() throws Exception {
        Files.writeString(dir.resolve("s.conf"), "tls-server\nca pki/ca.crt\ncert pki/server.crt\nkey pki/server.key\n");
        OpenVpnConfig config = ConfigParser.parseFile(Path.of("s.conf"), dir);
        assertEquals(dir.resolve("pki"), PkiLocation.directory(config));
    }

    @Test
    void filesNamedOtherwiseOrSpreadOverDirectoriesAreAConfigurationError() throws Exception {
        Files.writeString(dir.resolve("s.conf"), "tls-server\nca pki/my-ca.pem\ncert pki/server.crt\nkey pki/server.key\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> PkiLocation.directory(ConfigParser.parseFile(Path.of("s.conf"), dir)));
        assertEquals("s.conf:2: option 'ca': --pki-init generates 'ca.crt': name that file here", e.getMessage());

        Files.writeString(dir.resolve("t.conf"), "tls-server\nca a/ca.crt\ncert b/server.crt\nkey a/server.key\n");
        e = assertThrows(ConfigException.class,
                () -> PkiLocation.directory(ConfigParser.parseFile(Path.of("t.conf"), dir)));
        assertTrue(e.getMessage().endsWith("needs 'ca', 'cert' and 'key' in one directory"), e.getMessage());
    }
}
