package io.sluice.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.core.server.ServerSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** connect-freq and connect-freq-initial as a server.conf says them, OpenVPN 2.6's defaults otherwise. */
class ConnectRatesMapperTest {

    private static ServerSettings.ConnectRates map(String lines) throws ConfigException {
        return ServerSettingsMapper.connectRates(ConfigParser.parseString(
                "server 10.8.0.0 255.255.255.0\ndev tun\n" + lines, "server.conf", Path.of(".")));
    }

    @Test
    void withoutTheOptionsOpenVpnsDefaultsApply() throws Exception {
        assertEquals(new ServerSettings.ConnectRates(100, 10, 0, 0), map(""));
    }

    @Test
    void bothOptionsAreRead() throws Exception {
        assertEquals(new ServerSettings.ConnectRates(1000, 5, 20, 60), map("connect-freq-initial 1000 5\nconnect-freq 20 60\n"));
    }

    @Test
    void aZeroIsAConfigurationErrorAtItsLine() {
        String message = assertThrows(ConfigException.class, () -> map("connect-freq 0 10\n")).getMessage();
        assertTrue(message.startsWith("server.conf:3:"), message);
        assertTrue(message.contains("connect-freq"), message);
    }
}
