package io.sluice.crypto.jce;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
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
 * The {@link DigestProvider} service: HMAC-MD5, HMAC-SHA1 and HMAC-SHA2 through the JDK's JCE
 * providers.
 *
 * <p>It registers the service itself, like {@link JceCipherProvider} and for the same reason: the
 * {@value DigestProvider#DIGESTS} property lists only what activation found the JDK provides.
 */
// What DS would have declared for a service it registers, so that resolvers (Karaf features)
// see that this bundle provides the service.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.sluice.api.crypto.DigestProvider",
        uses = DigestProvider.class)
@Component(service = {}, immediate = true)
public final class JceDigestProvider implements DigestProvider {

    private final Logger log = LoggerFactory.getLogger(JceDigestProvider.class);
    private final Function<JceDigest, Optional<String>> probe;

    /** Upper-case OpenVPN name to digest, in {@link JceDigest#ALL} order; empty until activated. */
    private volatile Map<String, JceDigest> offered = Map.of();
    private ServiceRegistration<DigestProvider> registration;

    public JceDigestProvider() {
        this(JdkSupport::problem);
    }

    /** @param probe why the JDK cannot provide a digest, or empty when it can */
    JceDigestProvider(Function<JceDigest, Optional<String>> probe) {
        this.probe = probe;
    }

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        Map<String, JceDigest> usable = new LinkedHashMap<>();
        for (JceDigest digest : JceDigest.ALL) {
            String name = digest.spec().name();
            Optional<String> problem = probe.apply(digest);
            if (problem.isEmpty()) {
                usable.put(name, digest);
            } else {
                log.info("Digest {} not offered: this JDK cannot provide {}: {}", name, digest.macAlgorithm(),
                        problem.get());
            }
        }
        offered = Collections.unmodifiableMap(usable);
        if (usable.isEmpty()) {
            log.warn("No HMAC digest works through this JDK's providers; not registering a digest provider");
            return;
        }
        String[] names = usable.keySet().toArray(String[]::new);
        registration = context.registerService(DigestProvider.class, this,
                ServiceProperties.of(properties, DIGESTS, names));
        log.debug("Offering digests {}", usable.keySet());
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<DigestProvider> current = registration;
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
    public Set<String> digests() {
        return offered.keySet();
    }

    @Override
    public Optional<DigestSpec> spec(String name) {
        return Optional.ofNullable(offered.get(upper(name))).map(JceDigest::spec);
    }

    @Override
    public HmacContext createHmac(String name, byte[] key) throws GeneralSecurityException {
        JceDigest digest = offered.get(upper(name));
        if (digest == null) {
            throw new NoSuchAlgorithmException("digest " + name + " is not offered by " + getClass().getSimpleName());
        }
        return digest.newHmac(Objects.requireNonNull(key, "key"));
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
