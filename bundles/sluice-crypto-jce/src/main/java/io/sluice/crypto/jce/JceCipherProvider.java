package io.sluice.crypto.jce;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CipherProvider} service for AES-GCM, ChaCha20-Poly1305 and AES-CBC through the JDK's
 * JCE providers.
 *
 * <p>It registers the service itself instead of letting DS do it: the {@value CipherProvider#CIPHERS}
 * property must list only what the running JDK provides, which is known only once activation has
 * probed it, while DS service properties are fixed before the component is activated.
 */
// What DS would have declared for a service it registers, so that resolvers (Karaf features)
// see that this bundle provides the service.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.sluice.api.crypto.CipherProvider",
        uses = CipherProvider.class)
@Component(service = {}, immediate = true)
public final class JceCipherProvider implements CipherProvider {

    private final Logger log = LoggerFactory.getLogger(JceCipherProvider.class);
    private final Function<JceCipher, Optional<String>> probe;

    /** Upper-case OpenVPN name to cipher, in {@link JceCipher#ALL} order; empty until activated. */
    private volatile Map<String, JceCipher> offered = Map.of();
    private ServiceRegistration<CipherProvider> registration;

    public JceCipherProvider() {
        this(JdkSupport::problem);
    }

    /** @param probe why the JDK cannot provide a cipher, or empty when it can */
    JceCipherProvider(Function<JceCipher, Optional<String>> probe) {
        this.probe = probe;
    }

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        Map<String, JceCipher> usable = new LinkedHashMap<>();
        for (JceCipher cipher : JceCipher.ALL) {
            String name = cipher.spec().name();
            Optional<String> problem = probe.apply(cipher);
            if (problem.isEmpty()) {
                usable.put(name, cipher);
            } else {
                log.info("Cipher {} not offered: this JDK cannot provide {}: {}", name, cipher.transformation(),
                        problem.get());
            }
        }
        offered = Collections.unmodifiableMap(usable);
        if (usable.isEmpty()) {
            log.warn("No data-channel cipher works through this JDK's providers; not registering a cipher provider");
            return;
        }
        String[] names = usable.keySet().toArray(String[]::new);
        registration = context.registerService(CipherProvider.class, this,
                ServiceProperties.of(properties, CIPHERS, names));
        log.debug("Offering ciphers {}", usable.keySet());
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<CipherProvider> current = registration;
        registration = null;
        offered = Map.of();
        if (current != null) {
            try {
                current.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself.
            }
        }
    }

    @Override
    public Set<String> ciphers() {
        return offered.keySet();
    }

    @Override
    public Optional<CipherSpec> spec(String name) {
        return Optional.ofNullable(offered.get(upper(name))).map(JceCipher::spec);
    }

    @Override
    public CipherContext create(String name, byte[] key, boolean encrypt) throws GeneralSecurityException {
        JceCipher cipher = offered.get(upper(name));
        if (cipher == null) {
            throw new NoSuchAlgorithmException("cipher " + name + " is not offered by " + getClass().getSimpleName());
        }
        return cipher.newContext(Objects.requireNonNull(key, "key"), encrypt);
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
