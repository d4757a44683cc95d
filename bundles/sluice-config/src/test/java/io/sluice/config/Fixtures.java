package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers for tests that write small configurations into a temporary directory. */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code text} saved as {@code test.conf} in {@code dir}. */
    static OpenVpnConfig parse(Path dir, String text) throws ConfigException {
        write(dir, "test.conf", text);
        return ConfigParser.parseFile(Path.of("test.conf"), dir);
    }

    /** The message of the error parsing {@code text} as {@code test.conf}. */
    static String error(Path dir, String text) {
        write(dir, "test.conf", text);
        return assertThrows(ConfigException.class, () -> ConfigParser.parseFile(Path.of("test.conf"), dir)).getMessage();
    }
}
