package io.sluice.launcher.boot;

import java.nio.file.Path;

/** Maps {@code mvn:} locations to files of a Maven-layout repository such as Karaf's {@code system/}. */
final class MavenPaths {

    private MavenPaths() {
    }

    /**
     * {@code mvn:group/artifact/version[/type[/classifier]]} to
     * {@code repo/group-as-dirs/artifact/version/artifact-version[-classifier].type}.
     */
    static Path resolve(Path repo, String location) {
        if (!location.startsWith("mvn:")) {
            throw new IllegalArgumentException("not a mvn: location: " + location);
        }
        String[] p = location.substring(4).split("/");
        if (p.length < 3 || p.length > 5) {
            throw new IllegalArgumentException("malformed mvn: location: " + location);
        }
        String type = p.length > 3 && !p[3].isEmpty() ? p[3] : "jar";
        String classifier = p.length > 4 && !p[4].isEmpty() ? "-" + p[4] : "";
        return repo.resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2])
                .resolve(p[1] + "-" + p[2] + classifier + "." + type);
    }
}
