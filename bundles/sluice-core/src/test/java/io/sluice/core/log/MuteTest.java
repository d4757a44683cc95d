package io.sluice.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/** OpenVPN's {@code --mute n}: at most n messages of one kind in a row. */
class MuteTest {

    /** Collects what would be written. */
    private static final class Lines extends LegacyAbstractLogger {
        final List<String> lines = new ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String msg, Object[] args,
                                                   Throwable t) {
            lines.add(msg);
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
    }

    @Test
    void aRunOfOneKindIsCutAfterNAndTheSuppressedCountIsReportedWhenAnotherKindComes() {
        Lines out = new Lines();
        TunnelLog log = TunnelLog.to(out, 3).withMute(2);
        TunnelLog alice = log.withPrefix("alice/198.18.0.2:40000");
        for (int i = 1; i <= 5; i++) {
            alice.info(Verb.INFO, LogCategory.LINK_ERRORS, "write failed " + i);
        }
        log.info(Verb.INFO, "uncategorised lines are always written and do not end a run");
        log.warn(LogCategory.PACKET_DROPS, "bad packet");
        assertEquals(List.of(
                "alice/198.18.0.2:40000 write failed 1",
                "alice/198.18.0.2:40000 write failed 2",
                "NOTE: --mute triggered...",
                "uncategorised lines are always written and do not end a run",
                "3 variation(s) on previous 2 message(s) suppressed by --mute",
                "bad packet"), out.lines);
    }

    @Test
    void withoutMuteEverythingIsWritten() {
        Lines out = new Lines();
        TunnelLog log = TunnelLog.to(out, 3);
        for (int i = 0; i < 50; i++) {
            log.info(Verb.INFO, LogCategory.LINK_ERRORS, "again");
        }
        assertEquals(50, out.lines.size());
    }
}
