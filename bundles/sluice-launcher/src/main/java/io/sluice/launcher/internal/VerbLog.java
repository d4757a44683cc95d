package io.sluice.launcher.internal;

import org.slf4j.Logger;

/**
 * OpenVPN's {@code --verb}: a message has a verbosity level and is written when the
 * instance's verb is at least that level. The container's log configuration passes every
 * message of the {@code sluice} loggers through; the level is decided here, per instance,
 * because two instances in one container may run at different verbs.
 */
final class VerbLog {

    private final Logger logger;
    private final int verb;

    VerbLog(Logger logger, int verb) {
        this.logger = logger;
        this.verb = verb;
    }

    boolean enabled(int level) {
        return level <= verb;
    }

    void info(int level, String message) {
        if (enabled(level)) {
            logger.info(message);
        }
    }
}
