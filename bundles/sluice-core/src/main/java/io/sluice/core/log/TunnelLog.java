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
    private final Mute mute;

    private TunnelLog(Logger logger, int verb, String prefix, Mute mute) {
        this.logger = logger;
        this.verb = Math.max(0, Math.min(Verb.MAX, verb));
        this.prefix = prefix;
        this.mute = mute;
    }

    /** A log for an instance running at {@code verb}. */
    public static TunnelLog forVerb(int verb) {
        return new TunnelLog(LoggerFactory.getLogger(LOGGER), verb, "", new Mute(0));
    }

    /** A log writing to {@code logger} (tests). */
    public static TunnelLog to(Logger logger, int verb) {
        return new TunnelLog(logger, verb, "", new Mute(0));
    }

    /**
     * The same log with OpenVPN's {@code --mute n}: at most n messages of one {@link LogCategory}
     * in a row, then a note; the count is shared by every log derived from the result.
     */
    public TunnelLog withMute(int n) {
        return new TunnelLog(logger, verb, prefix, new Mute(Math.max(0, n)));
    }

    /** The same log with OpenVPN's per-client prefix in front of every line. */
    public TunnelLog withPrefix(String clientPrefix) {
        return new TunnelLog(logger, verb, clientPrefix.isEmpty() ? "" : clientPrefix + " ", mute);
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

    /** A message of a kind that may repeat without end, subject to {@code --mute}. */
    public void info(int level, LogCategory category, String message) {
        if (enabled(level) && mute.admit(this, category)) {
            logger.info(prefix + message);
        }
    }

    /** A non-fatal problem, shown from verb 1 as OpenVPN's {@code M_WARN}/{@code M_NONFATAL}. */
    public void warn(String message) {
        if (enabled(Verb.INFO)) {
            logger.warn(prefix + message);
        }
    }

    /** A non-fatal problem of a kind that may repeat without end, subject to {@code --mute}. */
    public void warn(LogCategory category, String message) {
        if (enabled(Verb.INFO) && mute.admit(this, category)) {
            logger.warn(prefix + message);
        }
    }

    /** A fatal problem: always shown. */
    public void error(String message) {
        logger.error(prefix + message);
    }

    /**
     * OpenVPN's mute state (error.c): the category of the last categorised message and how many
     * of it came in a row. Shared by an instance's logs; messages without a category do not
     * break a run, as in OpenVPN, where they have mute level 0.
     */
    private static final class Mute {
        private final int cutoff;
        private LogCategory current;
        private int count;

        Mute(int cutoff) {
            this.cutoff = cutoff;
        }

        synchronized boolean admit(TunnelLog log, LogCategory category) {
            if (cutoff == 0) {
                return true;
            }
            if (category == current) {
                count++;
                if (count == cutoff + 1) {
                    log.logger.info("NOTE: --mute triggered...");
                }
                return count <= cutoff;
            }
            int suppressed = count - cutoff;
            if (suppressed > 0) {
                log.logger.info(suppressed + " variation(s) on previous " + cutoff
                        + " message(s) suppressed by --mute");
            }
            current = category;
            count = 1;
            return true;
        }
    }
}
