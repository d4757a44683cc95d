package io.sluice.launcher.boot;

import io.sluice.config.ConfigException;
import io.sluice.config.FileOrInline;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code --pki-init} keeps the PKI it generates: the directory the configuration's
 * {@code ca}, {@code cert} and {@code key} point into, which must name the bootstrap's files
 * ({@code ca.crt}, {@code server.crt}, {@code server.key}) so that the configuration and the
 * generated PKI agree without rewriting anything.
 */
public final class PkiLocation {

    /** The launcher option: generate a PKI on first start, reuse it later. */
    public static final String OPTION = "--pki-init";
    /** The address the generated client profile connects to when none is given. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private PkiLocation() {
    }

    /** The PKI directory of a configuration run with {@code --pki-init}. */
    public static Path directory(OpenVpnConfig config) throws ConfigException {
        Path ca = file(config, "ca", config.pki().ca(), "ca.crt");
        Path cert = file(config, "cert", config.pki().cert(), "server.crt");
        Path key = file(config, "key", config.pki().key(), "server.key");
        Path dir = ca.getParent();
        if (!dir.equals(cert.getParent()) || !dir.equals(key.getParent())) {
            throw ConfigException.at(config.last("cert").orElseThrow(),
                    OPTION + " needs 'ca', 'cert' and 'key' in one directory");
        }
        return dir;
    }

    private static Path file(OpenVpnConfig config, String option, Optional<FileOrInline> value, String expectedName)
            throws ConfigException {
        Optional<OptionLine> line = config.last(option);
        if (line.isEmpty() || value.isEmpty()) {
            throw ConfigException.forOption(config.lines().get(0).location(), option,
                    OPTION + " needs '" + option + " DIR/" + expectedName + "'");
        }
        Optional<Path> path = value.get().path();
        if (path.isEmpty() || !path.get().getFileName().toString().equals(expectedName)) {
            throw ConfigException.at(line.get(), OPTION + " generates '" + expectedName + "': name that file here");
        }
        return path.get().toAbsolutePath().normalize();
    }
}
