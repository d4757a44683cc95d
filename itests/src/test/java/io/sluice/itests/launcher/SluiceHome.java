package io.sluice.itests.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The distribution `mvn install` unpacked (karaf-assembly/target/assembly), handed in by failsafe. */
public final class SluiceHome {

    private SluiceHome() {
    }

    public static Path dir() {
        String home = System.getProperty("sluice.home");
        if (home == null) {
            throw new AssertionError("system property sluice.home is not set (run through mvn verify)");
        }
        Path dir = Path.of(home).toAbsolutePath().normalize();
        if (!Files.isExecutable(dir.resolve("bin/sluice"))) {
            throw new AssertionError("no executable bin/sluice in " + dir + ": build the distribution first");
        }
        return dir;
    }

    /** The launcher script. */
    public static String binSluice() {
        return dir().resolve("bin/sluice").toString();
    }
}
