package io.sluice.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.sluice.api.crypto.CipherProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The distribution as users get it: bin/karaf's container with the umbrella feature booted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT extends SluiceKarafTestSupport {

    /** Every bundle the umbrella feature installs today. */
    private static final Set<String> SLUICE_BUNDLES = Set.of("sluice-api", "sluice-config", "sluice-core", "sluice-crypto-jce",
            "sluice-crypto-bc", "sluice-tun-linux", "sluice-transport-udp", "sluice-transport-tcp", "sluice-launcher");

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void everySluiceBundleIsActive() {
        Set<String> active = new TreeSet<>();
        for (Bundle b : sluiceBundles()) {
            assertEquals(b.getSymbolicName() + " is not ACTIVE", Bundle.ACTIVE, b.getState());
            active.add(b.getSymbolicName());
        }
        assertTrue("missing Sluice bundles: expected " + SLUICE_BUNDLES + ", found " + active,
                active.containsAll(SLUICE_BUNDLES));
    }

    @Test
    public void everySluiceComponentIsEnabledAndSatisfied() {
        List<String> problems = componentProblems();
        assertTrue(String.join("\n", problems), problems.isEmpty());
        assertFalse("no Sluice components found at all", sluiceComponents().isEmpty());
    }

    @Test
    public void theCipherCapabilityCanBeUninstalledAndInstalledAgainAtRuntime() throws Exception {
        String feature = "sluice-crypto-jce";
        assertTrue(features.isInstalled(features.getFeature(feature)));
        assertTrue("AES-256-GCM offered before", cipherNames().contains("AES-256-GCM"));

        features.uninstallFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        assertFalse(feature + " still installed", features.isInstalled(features.getFeature(feature)));
        assertEquals("sluice-crypto-jce bundle still there after uninstall", null, bundleNamed("sluice-crypto-jce"));
        assertFalse("AES-256-GCM still offered: " + cipherNames(), cipherNames().contains("AES-256-GCM"));
        assertTrue("the other provider's ciphers stay: " + cipherNames(), cipherNames().contains("BF-CBC"));
        // What other capabilities share stays.
        assertEquals(Bundle.ACTIVE, bundleNamed("sluice-api").getState());

        features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue(features.isInstalled(features.getFeature(feature)));
        assertEquals(Bundle.ACTIVE, bundleNamed("sluice-crypto-jce").getState());
        assertTrue("AES-256-GCM offered again", cipherNames().contains("AES-256-GCM"));
        List<String> problems = componentProblems();
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void theLegacyCipherBundleTakesBlowfishAwayAndBringsItBackWithoutARestart() throws Exception {
        String feature = "sluice-crypto-bc";
        assertTrue("BF-CBC (RouterOS blowfish128) offered: " + cipherNames(), cipherNames().contains("BF-CBC"));
        features.uninstallFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        assertEquals(null, bundleNamed("sluice-crypto-bc"));
        assertFalse("BF-CBC gone: " + cipherNames(), cipherNames().contains("BF-CBC"));
        assertTrue("the JDK's ciphers stay", cipherNames().contains("AES-256-GCM"));
        features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        assertEquals(Bundle.ACTIVE, bundleNamed("sluice-crypto-bc").getState());
        assertTrue("BF-CBC back: " + cipherNames(), cipherNames().containsAll(List.of("BF-CBC", "DES-EDE3-CBC",
                "CAST5-CBC")));
        List<String> problems = componentProblems();
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /** Every cipher name the registered CipherProvider services advertise. */
    private Set<String> cipherNames() throws Exception {
        Set<String> names = new TreeSet<>();
        for (ServiceReference<CipherProvider> ref : context.getServiceReferences(CipherProvider.class, null)) {
            Object value = ref.getProperty(CipherProvider.CIPHERS);
            if (value instanceof String[] array) {
                names.addAll(Arrays.asList(array));
            }
        }
        return names;
    }

    private List<Bundle> sluiceBundles() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("sluice-"))
                .collect(Collectors.toList());
    }

    private Bundle bundleNamed(String symbolicName) {
        return sluiceBundles().stream().filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst().orElse(null);
    }

    private List<ComponentDescriptionDTO> sluiceComponents() {
        return scr.getComponentDescriptionDTOs(sluiceBundles().toArray(new Bundle[0])).stream()
                .collect(Collectors.toList());
    }

    /** Components that are disabled or whose configurations are not satisfied, one line each. */
    private List<String> componentProblems() {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO d : sluiceComponents()) {
            if (!scr.isComponentEnabled(d)) {
                problems.add(d.name + ": disabled");
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(d.name + ": state " + c.state + ", unsatisfied references "
                            + Arrays.stream(c.unsatisfiedReferences).map(r -> r.name).collect(Collectors.toList()));
                }
            }
        }
        return problems;
    }
}
