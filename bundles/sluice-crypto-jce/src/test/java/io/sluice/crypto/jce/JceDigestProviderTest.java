package io.sluice.crypto.jce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The digest component, activated without a framework, advertises and serves what the JDK runs. */
class JceDigestProviderTest {

    private static final String[] ALL_NAMES = {"MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512"};

    @Test
    void activationRegistersADigestProviderListingEveryDigestThisJdkRuns() {
        JceDigestProvider component = new JceDigestProvider();
        FakeBundleContext framework = new FakeBundleContext();

        component.activate(framework.context, Map.of("service.ranking", 5, ".private", 1));

        FakeBundleContext.Registration registration = framework.only();
        assertSame(DigestProvider.class, registration.type);
        assertSame(component, registration.service);
        assertArrayEquals(ALL_NAMES, (String[]) registration.properties.get(DigestProvider.DIGESTS));
        assertEquals(5, registration.properties.get("service.ranking"));
        assertFalse(registration.properties.containsKey(".private"));
        assertEquals(List.of(ALL_NAMES), List.copyOf(component.digests()));
    }

    @Test
    void standaloneOffersTheSameWithoutRegisteringAnything() {
        assertEquals(Providers.digests().digests(), JceDigestProvider.standalone().digests());
    }

    @Test
    void specsCarryOpenVpnsNamesAndOutputLengths() {
        DigestProvider provider = Providers.digests();

        assertEquals(new DigestSpec("MD5", 16), provider.spec("MD5").orElseThrow());
        assertEquals(new DigestSpec("SHA1", 20), provider.spec("SHA1").orElseThrow());
        assertEquals(new DigestSpec("SHA224", 28), provider.spec("SHA224").orElseThrow());
        assertEquals(new DigestSpec("SHA256", 32), provider.spec("SHA256").orElseThrow());
        assertEquals(new DigestSpec("SHA384", 48), provider.spec("SHA384").orElseThrow());
        assertEquals(new DigestSpec("SHA512", 64), provider.spec("SHA512").orElseThrow());
    }

    @Test
    void namesAreLookedUpWhateverTheirCase() throws Exception {
        DigestProvider provider = Providers.digests();

        assertEquals("SHA256", provider.spec("sha256").orElseThrow().name());
        try (var hmac = provider.createHmac("Sha512", new byte[64])) {
            assertEquals("SHA512", hmac.spec().name());
        }
    }

    @Test
    void aDigestItDoesNotOfferHasNoSpecAndNoHmac() {
        DigestProvider provider = Providers.digests();

        for (String name : new String[] {"SHA3-256", "SHA512-256", "MD5-SHA1", "SHA-256", "none"}) {
            assertEquals(Optional.empty(), provider.spec(name), name);
            assertThrows(NoSuchAlgorithmException.class, () -> provider.createHmac(name, new byte[16]), name);
        }
    }

    @Test
    void aDigestTheJdkCannotRunIsNeitherAdvertisedNorServed() {
        JceDigestProvider component = new JceDigestProvider(
                digest -> digest.spec().name().equals("MD5") ? Optional.of("FIPS mode") : Optional.empty());
        FakeBundleContext framework = new FakeBundleContext();

        component.activate(framework.context, Map.of());

        assertFalse(List.of((String[]) framework.only().properties.get(DigestProvider.DIGESTS)).contains("MD5"));
        assertEquals(Optional.empty(), component.spec("MD5"));
        assertThrows(NoSuchAlgorithmException.class, () -> component.createHmac("MD5", new byte[16]));
    }

    @Test
    void nothingIsRegisteredWhenTheJdkRunsNoDigest() {
        JceDigestProvider component = new JceDigestProvider(digest -> Optional.of("broken"));
        FakeBundleContext framework = new FakeBundleContext();

        component.activate(framework.context, Map.of());

        assertTrue(framework.registrations.isEmpty());
    }

    @Test
    void deactivationUnregistersTheServiceAndStopsOffering() {
        JceDigestProvider component = new JceDigestProvider();
        FakeBundleContext framework = new FakeBundleContext();
        component.activate(framework.context, Map.of());

        component.deactivate();

        assertTrue(framework.only().unregistered);
        assertEquals(Set.of(), component.digests());
    }

    @Test
    void theProbeRejectsADigestTheJdkDoesNotHave() {
        assertTrue(JdkSupport.problem(new JceDigest(new DigestSpec("WHIRLPOOL", 64), "HmacWhirlpool")).isPresent());
        for (JceDigest known : JceDigest.ALL) {
            assertEquals(Optional.empty(), JdkSupport.problem(known), known.spec().name());
        }
    }
}
