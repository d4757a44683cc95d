package io.sluice.launcher.boot;

import java.util.Objects;

/**
 * One bundle of the launcher's static start list: a {@code mvn:} location, resolved by
 * Karaf's {@code Main} against the distribution's {@code system/} repository, and its start level.
 */
record BootBundle(String location, int startLevel) {

    BootBundle {
        Objects.requireNonNull(location, "location");
        if (startLevel < 1) {
            throw new IllegalArgumentException("start level must be positive: " + location);
        }
    }

    /** The artifact id of a {@code mvn:group/artifact/version[/type[/classifier]]} location. */
    String artifactId() {
        String[] parts = location.substring(location.indexOf(':') + 1).split("/");
        return parts.length > 1 ? parts[1] : location;
    }
}
