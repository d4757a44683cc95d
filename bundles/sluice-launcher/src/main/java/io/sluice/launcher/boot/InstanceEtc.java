package io.sluice.launcher.boot;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;

/**
 * Builds one instance's container configuration ({@code karaf.etc}) in its state directory:
 * the framework settings of the distribution's {@code etc/}, the launcher's overrides from
 * {@code etc-sluice/}, and a {@code startup.properties} that starts the launcher's boot
 * features directly (see {@link FeatureFlattener}).
 */
final class InstanceEtc {

    /** Files taken unchanged from the distribution's {@code etc/}. */
    static final List<String> FROM_DISTRIBUTION = List.of(
            "config.properties", "jre.properties", "system.properties", "java.util.logging.properties",
            "org.apache.felix.fileinstall-deploy.cfg");

    /** The launcher's own settings in {@code etc-sluice/}; not copied into the instance. */
    static final String LAUNCHER_PROPERTIES = "launcher.properties";

    private InstanceEtc() {
    }

    /** Writes {@code stateDir/etc} and returns it. */
    static Path create(Path karafHome, Path stateDir) throws IOException {
        Path dist = karafHome.resolve("etc");
        Path overlay = karafHome.resolve("etc-sluice");
        Path etc = stateDir.resolve("etc");
        Files.createDirectories(etc);
        for (String name : FROM_DISTRIBUTION) {
            Path src = dist.resolve(name);
            if (Files.exists(src)) {
                Files.copy(src, etc.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(overlay, Files::isRegularFile)) {
            for (Path f : files) {
                if (!f.getFileName().toString().equals(LAUNCHER_PROPERTIES)) {
                    Files.copy(f, etc.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Properties launcher = load(overlay.resolve(LAUNCHER_PROPERTIES));
        List<Path> repositories = new ArrayList<>();
        Path system = karafHome.resolve("system");
        for (String repo : list(load(dist.resolve("org.apache.karaf.features.cfg")).getProperty("featuresRepositories"))) {
            repositories.add(MavenPaths.resolve(system, repo));
        }
        int defaultLevel = Integer.parseInt(launcher.getProperty("default.start.level", "80").trim());
        List<BootBundle> bundles = FeatureFlattener.read(repositories, defaultLevel).flatten(
                list(launcher.getProperty("boot.features")),
                new LinkedHashSet<>(list(launcher.getProperty("exclude.artifacts"))));
        writeStartup(etc.resolve("startup.properties"), bundles);
        return etc;
    }

    static void writeStartup(Path file, List<BootBundle> bundles) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Written by bin/sluice for this instance: bundles to start, with start level\n");
            for (BootBundle b : bundles) {
                w.write(b.location().replace(":", "\\:") + " = " + b.startLevel() + "\n");
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** A comma-separated property value as a list; Karaf writes versions after a slash, dropped here. */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String item : value.split(",")) {
            String s = item.trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
