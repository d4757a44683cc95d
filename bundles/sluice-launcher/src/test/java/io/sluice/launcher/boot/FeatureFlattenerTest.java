package io.sluice.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureFlattenerTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FeatureFlattenerTest.class.getResource("/features/" + name).toURI());
    }

    private static FeatureFlattener flattener() throws Exception {
        return FeatureFlattener.read(List.of(resource("base.xml"), resource("app.xml")), 80);
    }

    @Test
    void nestedFeaturesComeFirstAndEachBundleOnceAtItsLowestStartLevel() throws Exception {
        List<BootBundle> bundles = flattener().flatten(List.of("framework", "app-impl"), Set.of());
        assertEquals(List.of(
                new BootBundle("mvn:org.example/resolver/1.0", 5),
                new BootBundle("mvn:org.example/logging/1.0", 8),
                new BootBundle("mvn:org.example/promise/1.0", 9),
                new BootBundle("mvn:org.example/scr/1.0", 30),
                new BootBundle("mvn:org.example/api/1.0", 70),
                new BootBundle("mvn:org.example/impl/1.0", 75),
                new BootBundle("mvn:org.example/extra/1.0/jar/tests", 75)), bundles);
    }

    @Test
    void conditionalBundlesAreLeftOut() throws Exception {
        List<BootBundle> bundles = flattener().flatten(List.of("scr"), Set.of());
        assertTrue(bundles.stream().noneMatch(b -> b.location().contains("scr-management")), bundles.toString());
    }

    @Test
    void excludedArtifactsAreLeftOut() throws Exception {
        List<BootBundle> bundles = flattener().flatten(List.of("framework"), Set.of("resolver"));
        assertEquals(List.of("logging", "promise"), bundles.stream().map(BootBundle::artifactId).toList());
    }

    @Test
    void aBundleWithoutStartLevelTakesTheDefault() throws Exception {
        assertEquals(List.of(new BootBundle("mvn:org.example/plain/1.0", 80)),
                flattener().flatten(List.of("plain"), Set.of()));
    }

    @Test
    void anUnknownFeatureIsAnErrorNamingIt() throws Exception {
        IOException e = assertThrows(IOException.class, () -> flattener().flatten(List.of("app"), Set.of()));
        assertTrue(e.getMessage().contains("missing-on-purpose-not-used"), e.getMessage());
    }

    @Test
    void mavenLocationsMapToTheRepositoryLayout() {
        Path repo = Path.of("/sys");
        assertEquals(Path.of("/sys/org/example/api/1.0/api-1.0.jar"), MavenPaths.resolve(repo, "mvn:org.example/api/1.0"));
        assertEquals(Path.of("/sys/org/apache/karaf/features/standard/4.4.10/standard-4.4.10-features.xml"),
                MavenPaths.resolve(repo, "mvn:org.apache.karaf.features/standard/4.4.10/xml/features"));
        assertThrows(IllegalArgumentException.class, () -> MavenPaths.resolve(repo, "file:/x.jar"));
        assertThrows(IllegalArgumentException.class, () -> MavenPaths.resolve(repo, "mvn:only/two"));
    }
}
