package io.sluice.crypto.jce;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
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

    private final ProbedOffer<JceDigest> offer = new ProbedOffer<>("Digest", log);

    public JceDigestProvider() {
        this(JdkSupport::problem);
    }

    /** @param probe why the JDK cannot provide a digest, or empty when it can */
    JceDigestProvider(Function<JceDigest, Optional<String>> probe) {
        this.probe = probe;
    }

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        offer.activate(context, properties, DigestProvider.class, this, DIGESTS, JceDigest.ALL, a -> a.spec().name(), probe,
                JceDigest::macAlgorithm);
    }

    /**
     * A provider probed and ready without a framework, registered nowhere: for code that uses the
     * data path outside a container (the JMH benchmarks in bench/).
     */
    public static JceDigestProvider standalone() {
        JceDigestProvider provider = new JceDigestProvider();
        provider.offer.probe(JceDigest.ALL, a -> a.spec().name(), provider.probe, JceDigest::macAlgorithm);
        return provider;
    }

    @Deactivate
    void deactivate() {
        offer.deactivate();
    }

    @Override
    public Set<String> digests() {
        return offer.names();
    }

    @Override
    public Optional<DigestSpec> spec(String name) {
        return offer.get(name).map(JceDigest::spec);
    }

    @Override
    public HmacContext createHmac(String name, byte[] key) throws GeneralSecurityException {
        JceDigest digest = offer.get(name).orElseThrow(
                () -> new NoSuchAlgorithmException("digest " + name + " is not offered by " + getClass().getSimpleName()));
        return digest.newHmac(Objects.requireNonNull(key, "key"));
    }

}
