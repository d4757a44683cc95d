package io.sluice.core.events;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.config.OpenVpnConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/** Real scripts in a temporary directory, configurations that name them, and a log to read. */
final class Fixture {

    private Fixture() {
    }

    /** Writes an executable {@code /bin/sh} script. */
    static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** A script that records its arguments ({@code ARG=...} lines) and environment in {@code out}. */
    static Path recorder(Path dir, String name, Path out, String thenBody) throws IOException {
        return script(dir, name, "{ for a in \"$@\"; do printf 'ARG=%s\\n' \"$a\"; done; env; } > '" + out + "'\n"
                + thenBody);
    }

    /** A configuration read from text, in {@code dir}. */
    static OpenVpnConfig config(Path dir, String... lines) throws ConfigException {
        return ConfigParser.parseString(String.join("\n", lines) + "\n", "test.conf", dir);
    }

    static List<String> recordedArguments(Path out) throws IOException {
        List<String> args = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("ARG=")) {
                args.add(line.substring(4));
            }
        }
        return args;
    }

    /** The recorded environment, without the {@code PWD} the shell adds itself. */
    static Map<String, String> recordedEnvironment(Path out) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("ARG=") && eq > 0 && !line.startsWith("PWD=")) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    /** A logger that keeps every line as {@code LEVEL message}. */
    static final class LogLines extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;
        final List<String> lines = new CopyOnWriteArrayList<>();

        LogLines() {
            this.name = "test";
        }

        long count(String line) {
            return lines.stream().filter(line::equals).count();
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                                   Throwable throwable) {
            lines.add(level + " " + message);
        }
    }
}
