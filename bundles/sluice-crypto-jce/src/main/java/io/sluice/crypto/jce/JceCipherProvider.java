package io.sluice.crypto.jce;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
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

    private final ProbedOffer<JceCipher> offer = new ProbedOffer<>("Cipher", log);

    public JceCipherProvider() {
        this(JdkSupport::problem);
    }

    /** @param probe why the JDK cannot provide a cipher, or empty when it can */
    JceCipherProvider(Function<JceCipher, Optional<String>> probe) {
        this.probe = probe;
    }

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        offer.activate(context, properties, CipherProvider.class, this, CIPHERS, JceCipher.ALL, a -> a.spec().name(), probe,
                JceCipher::transformation);
    }

    /**
     * A provider probed and ready without a framework, registered nowhere: for code that uses the
     * data path outside a container (the JMH benchmarks in bench/).
     */
    public static JceCipherProvider standalone() {
        JceCipherProvider provider = new JceCipherProvider();
        provider.offer.probe(JceCipher.ALL, a -> a.spec().name(), provider.probe, JceCipher::transformation);
        return provider;
    }

    @Deactivate
    void deactivate() {
        offer.deactivate();
    }

    @Override
    public Set<String> ciphers() {
        return offer.names();
    }

    @Override
    public Optional<CipherSpec> spec(String name) {
        return offer.get(name).map(JceCipher::spec);
    }

    @Override
    public CipherContext create(String name, byte[] key, boolean encrypt) throws GeneralSecurityException {
        JceCipher cipher = offer.get(name).orElseThrow(
                () -> new NoSuchAlgorithmException("cipher " + name + " is not offered by " + getClass().getSimpleName()));
        return cipher.newContext(Objects.requireNonNull(key, "key"), encrypt);
    }

}
