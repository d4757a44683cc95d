package io.sluice.core.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's log: OpenVPN's {@code --verb} filter and, per client, OpenVPN's prefix
 * ({@code alice/198.18.0.2:40000}). Messages go to the {@code sluice} SLF4J logger at INFO
 * (WARN and ERROR for problems); the container's log configuration writes them with
 * OpenVPN's timestamp. Immutable and thread-safe.
 */
public final class TunnelLog {

    /** The logger every OpenVPN-style line goes to. */
    public static final String LOGGER = "sluice";

    private final Logger logger;
    private final int verb;
    private final String prefix;

    private TunnelLog(Logger logger, int verb, String prefix) {
        this.logger = logger;
        this.verb = Math.max(0, Math.min(Verb.MAX, verb));
        this.prefix = prefix;
    }

    /** A log for an instance running at {@code verb}. */
    public static TunnelLog forVerb(int verb) {
        return new TunnelLog(LoggerFactory.getLogger(LOGGER), verb, "");
    }

    /** A log writing to {@code logger} (tests). */
    public static TunnelLog to(Logger logger, int verb) {
        return new TunnelLog(logger, verb, "");
    }

    /** The same log with OpenVPN's per-client prefix in front of every line. */
    public TunnelLog withPrefix(String clientPrefix) {
        return new TunnelLog(logger, verb, clientPrefix.isEmpty() ? "" : clientPrefix + " ");
    }

    public int verb() {
        return verb;
    }

    /** Whether a message of this level would be written; check before building costly text. */
    public boolean enabled(int level) {
        return level <= verb;
    }

    public void info(int level, String message) {
        if (enabled(level)) {
            logger.info(prefix + message);
        }
    }

    /** A non-fatal problem, shown from verb 1 as OpenVPN's {@code M_WARN}/{@code M_NONFATAL}. */
    public void warn(String message) {
        if (enabled(Verb.INFO)) {
            logger.warn(prefix + message);
        }
    }

    /** A fatal problem: always shown. */
    public void error(String message) {
        logger.error(prefix + message);
    }
}
