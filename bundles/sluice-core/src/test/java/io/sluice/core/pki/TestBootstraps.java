package io.sluice.core.pki;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Bootstraps for tests: a fixed clock, the real random source and file system. */
final class TestBootstraps {

    private TestBootstraps() {
    }

    static PkiBootstrap fixedClock(Instant now) {
        return new PkiBootstrap(new SecureRandom(), Clock.fixed(now, ZoneOffset.UTC));
    }

    static PkiBootstrap now() {
        return new PkiBootstrap(new SecureRandom(), Clock.systemUTC());
    }

    static PkiBootstrap withPublisher(AtomicFiles.Publisher publisher) {
        return new PkiBootstrap(new SecureRandom(), Clock.systemUTC(), new AtomicFiles(publisher));
    }
}
