package io.sluice.crypto.jce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cipher component, activated without a framework, advertises and serves what the JDK runs. */
class JceCipherProviderTest {

    private static final String[] ALL_NAMES = {
        "AES-128-GCM", "AES-192-GCM", "AES-256-GCM", "CHACHA20-POLY1305", "AES-128-CBC", "AES-192-CBC", "AES-256-CBC"
    };

    @Test
    void activationRegistersACipherProviderListingEveryCipherThisJdkRuns() {
        // JDK 17 and later run all of them.
        JceCipherProvider component = new JceCipherProvider();
        FakeBundleContext framework = new FakeBundleContext();

        component.activate(framework.context, Map.of());

        FakeBundleContext.Registration registration = framework.only();
        assertSame(CipherProvider.class, registration.type);
        assertSame(component, registration.service);
        assertArrayEquals(ALL_NAMES, (String[]) registration.properties.get(CipherProvider.CIPHERS));
        assertEquals(List.of(ALL_NAMES), List.copyOf(component.ciphers()));
    }

    @Test
    void standaloneOffersTheSameWithoutRegisteringAnything() throws Exception {
        JceCipherProvider standalone = JceCipherProvider.standalone();

        assertEquals(List.of(ALL_NAMES), List.copyOf(standalone.ciphers()));
        assertTrue(standalone.create("AES-256-GCM", new byte[32], true).encrypting());
    }

    @Test
    void specsCarryOpenVpnsNamesAndLengths() {
        CipherProvider provider = Providers.ciphers();

        assertEquals(new CipherSpec("AES-128-GCM", CipherMode.AEAD, 16, 12, 1, 16), provider.spec("AES-128-GCM").orElseThrow());
        assertEquals(new CipherSpec("AES-192-GCM", CipherMode.AEAD, 24, 12, 1, 16), provider.spec("AES-192-GCM").orElseThrow());
        assertEquals(new CipherSpec("AES-256-GCM", CipherMode.AEAD, 32, 12, 1, 16), provider.spec("AES-256-GCM").orElseThrow());
        assertEquals(new CipherSpec("CHACHA20-POLY1305", CipherMode.AEAD, 32, 12, 1, 16),
                provider.spec("CHACHA20-POLY1305").orElseThrow());
        assertEquals(new CipherSpec("AES-128-CBC", CipherMode.CBC, 16, 16, 16, 0), provider.spec("AES-128-CBC").orElseThrow());
        assertEquals(new CipherSpec("AES-192-CBC", CipherMode.CBC, 24, 16, 16, 0), provider.spec("AES-192-CBC").orElseThrow());
        assertEquals(new CipherSpec("AES-256-CBC", CipherMode.CBC, 32, 16, 16, 0), provider.spec("AES-256-CBC").orElseThrow());
    }

    @Test
    void namesAreLookedUpWhateverTheirCase() throws Exception {
        CipherProvider provider = Providers.ciphers();

        assertEquals("AES-256-GCM", provider.spec("aes-256-gcm").orElseThrow().name());
        assertEquals("CHACHA20-POLY1305", provider.spec("ChaCha20-Poly1305").orElseThrow().name());
        try (var context = provider.create("aes-128-cbc", new byte[16], true)) {
            assertEquals("AES-128-CBC", context.spec().name());
        }
    }

    @Test
    void aCipherItDoesNotOfferHasNoSpecAndNoContext() {
        CipherProvider provider = Providers.ciphers();

        for (String name : new String[] {"BF-CBC", "AES-128-CFB", "ARIA-128-GCM", "none", ""}) {
            assertEquals(Optional.empty(), provider.spec(name), name);
            assertThrows(NoSuchAlgorithmException.class, () -> provider.create(name, new byte[16], true), name);
        }
    }

    @Test
    void aCipherTheJdkCannotRunIsNeitherAdvertisedNorServed() {
        JceCipherProvider component = new JceCipherProvider(
                cipher -> cipher.spec().name().equals("CHACHA20-POLY1305") ? Optional.of("not in this JDK") : Optional.empty());
        FakeBundleContext framework = new FakeBundleContext();

        component.activate(framework.context, Map.of());

        List<String> advertised = List.of((String[]) framework.only().properties.get(CipherProvider.CIPHERS));
        assertFalse(advertised.contains("CHACHA20-POLY1305"));
        assertEquals(6, advertised.size());
        assertFalse(component.ciphers().contains("CHACHA20-POLY1305"));
        assertEquals(Optional.empty(), component.spec("CHACHA20-POLY1305"));
        assertThrows(NoSuchAlgorithmException.class, () -> component.create("CHACHA20-POLY1305", new byte[32], true));
    }

    @Test
    void nothingIsRegisteredWhenTheJdkRunsNoCipher() {
        JceCipherProvider component = new JceCipherProvider(cipher -> Optional.of("FIPS mode"));
        FakeBundleContext framework = new FakeBundleContext();

        component.activate(framework.context, Map.of());

        assertTrue(framework.registrations.isEmpty());
        assertEquals(Set.of(), component.ciphers());
    }

    @Test
    void componentPropertiesBecomeServicePropertiesExceptPrivateOnes() {
        FakeBundleContext framework = new FakeBundleContext();

        new JceCipherProvider().activate(framework.context,
                Map.of("service.ranking", 10, "component.name", "io.sluice.crypto.jce.JceCipherProvider", ".secret", "x"));

        Map<String, Object> properties = framework.only().properties;
        assertEquals(10, properties.get("service.ranking"));
        assertEquals("io.sluice.crypto.jce.JceCipherProvider", properties.get("component.name"));
        assertFalse(properties.containsKey(".secret"));
    }

    @Test
    void deactivationUnregistersTheServiceAndStopsOffering() throws Exception {
        JceCipherProvider component = new JceCipherProvider();
        FakeBundleContext framework = new FakeBundleContext();
        component.activate(framework.context, Map.of());
        var context = component.create("AES-256-GCM", new byte[32], true);

        component.deactivate();

        assertTrue(framework.only().unregistered);
        assertEquals(Set.of(), component.ciphers());
        assertThrows(NoSuchAlgorithmException.class, () -> component.create("AES-256-GCM", new byte[32], true));
        // Contexts already made keep working: their sessions end on their own schedule.
        Packets.seal(context, new byte[12], null, new byte[20]);
        context.close();
    }

    @Test
    void theProbeRejectsACipherTheJdkDoesNotHave() {
        JceCipher missing = new JceCipher(new CipherSpec("AES-128-XTS", CipherMode.AEAD, 16, 12, 1, 16),
                "AES/XTS/NoPadding", "AES", JceCipher.Construction.GCM);

        assertTrue(JdkSupport.problem(missing).isPresent());
        for (JceCipher known : JceCipher.ALL) {
            assertEquals(Optional.empty(), JdkSupport.problem(known), known.spec().name());
        }
    }
}
