package io.sluice.config.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.ConnectionBlock;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that files named by key and certificate options exist, as OpenVPN checks them before it
 * starts. Only the effective (last) line of each option is checked, resolved against the final
 * working directory; inline values, {@code [inline]} markers and {@code stdin} need no file.
 */
public final class FileCheck {

    private static final List<String> FILES = List.of("ca", "cert", "key", "extra-certs", "dh", "pkcs12", "secret",
            "tls-auth", "tls-crypt", "tls-crypt-v2", "auth-user-pass", "askpass", "http-proxy-user-pass",
            "auth-gen-token-secret", "crl-verify", "capath");

    private FileCheck() {
    }

    public static void verify(OpenVpnConfig config) throws ConfigException {
        Lines lines = new Lines(config.lines());
        for (String name : FILES) {
            if (lines.has(name)) {
                check(lines.last(name).get(), config.workingDirectory());
            }
        }
        for (ConnectionBlock b : config.connectionBlocks()) {
            Lines scope = new Lines(b.options());
            for (String name : List.of("tls-auth", "tls-crypt", "tls-crypt-v2")) {
                if (scope.has(name)) {
                    check(scope.last(name).get(), config.workingDirectory());
                }
            }
        }
    }

    private static void check(OptionLine line, Path cwd) throws ConfigException {
        if (line.isInline() || line.args().isEmpty()) {
            return;
        }
        String arg = line.args().get(0);
        if (ModelBuilder.isInlineMarker(arg) || arg.equals("stdin")
                || (line.name().equals("dh") && arg.equals("none"))) {
            return;
        }
        boolean directory = line.name().equals("capath")
                || (line.name().equals("crl-verify") && line.argCount() == 2);
        Path path;
        try {
            path = cwd.resolve(arg).normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.at(line, "invalid file name '" + arg + "'");
        }
        boolean ok = directory ? Files.isDirectory(path) : Files.isRegularFile(path) && Files.isReadable(path);
        if (!ok) {
            String kind = directory ? "directory" : "file";
            String resolved = path.toString().equals(arg) ? "" : " (" + path + ")";
            throw ConfigException.at(line, "cannot read " + kind + " '" + arg + "'" + resolved + ": "
                    + (Files.exists(path) ? "not readable" : "no such " + kind));
        }
    }
}
