package io.sluice.config;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The test corpus: configurations written for these tests in the shapes found in the wild. */
final class Corpus {

    static final List<String> FILES = List.of("server-udp.conf", "client.conf", "server-tcp-net30.conf",
            "server-bridge.conf", "static-p2p.conf", "provider-inline.ovpn", "provider-connections.ovpn",
            "provider-windows.ovpn");

    private Corpus() {
    }

    /** The corpus directory, used as the working directory so that relative key paths resolve. */
    static Path dir() {
        try {
            return Path.of(Corpus.class.getResource("/corpus/client.conf").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static OpenVpnConfig parse(String name) throws ConfigException {
        return ConfigParser.parseFile(Path.of(name), dir());
    }
}
