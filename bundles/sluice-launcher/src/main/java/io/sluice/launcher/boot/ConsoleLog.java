package io.sluice.launcher.boot;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Log lines before the container's logging exists, in the form OpenVPN writes to a
 * terminal: {@code 2026-11-22 01:41:04 message}.
 */
public final class ConsoleLog {

    /** The timestamp format OpenVPN prefixes its lines with. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintStream out;

    public ConsoleLog(PrintStream out) {
        this.out = out;
    }

    public void line(String message) {
        out.println(TIMESTAMP.format(LocalDateTime.now()) + " " + message);
        out.flush();
    }
}
