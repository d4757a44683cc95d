package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.internal.CcdReader;
import io.sluice.config.internal.OptionTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The options a client-config-dir file may hold are exactly those OpenVPN 2.6.14 allows there. */
class ClientConfigOptionSetTest {

    private static Set<String> openVpnCcdOptions() throws IOException {
        try (InputStream in = ClientConfigOptionSetTest.class.getResourceAsStream("/ccd/openvpn-2.6-ccd-options.txt")) {
            Set<String> out = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split(" ")[0]);
                }
            }
            return out;
        }
    }

    @Test
    void supportedUnsupportedAndConfigTogetherAreOpenVpnsClientConfigOptions() throws IOException {
        Set<String> ours = new TreeSet<>(CcdReader.SUPPORTED);
        ours.addAll(CcdReader.UNSUPPORTED);
        ours.add("config");
        assertEquals(openVpnCcdOptions(), ours);
    }

    @Test
    void supportedAndUnsupportedDoNotOverlap() {
        Set<String> both = new HashSet<>(CcdReader.SUPPORTED);
        both.retainAll(CcdReader.UNSUPPORTED);
        assertEquals(Set.of(), both);
    }

    @Test
    void everyClientConfigOptionIsInTheOptionTable() throws IOException {
        for (String name : openVpnCcdOptions()) {
            assertTrue(OptionTable.lookup(name).isPresent(), name);
        }
    }
}
