package io.sluice.crypto.jce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;

/**
 * What one provider component offers and its service registration, shared by the cipher and
 * the digest component: at activation, every algorithm is probed against the running JDK, the
 * usable ones are offered under their OpenVPN names, and the service is registered with those
 * names as its property (which is why the components register it themselves: DS fixes service
 * properties before activation, when the names are not yet known).
 *
 * @param <T> an algorithm of the table ({@link JceCipher}, {@link JceDigest})
 */
final class ProbedOffer<T> {

    private final String kind;
    private final Logger log;
    /** Upper-case OpenVPN name to algorithm, in table order; empty until activated. */
    private volatile Map<String, T> offered = Map.of();
    private ServiceRegistration<?> registration;

    /** @param kind what the algorithms are, for log lines ("Cipher", "Digest") */
    ProbedOffer(String kind, Logger log) {
        this.kind = kind;
        this.log = log;
    }

    /**
     * Probes {@code all}, keeps what works and registers {@code service} under {@code type} with
     * the names in {@code property} (unless nothing works, which is logged instead).
     *
     * @param name    an algorithm's OpenVPN name
     * @param probe   why the JDK cannot provide an algorithm, or empty when it can
     * @param jdkName the JDK's name of an algorithm, for the log
     */
    <S> void activate(BundleContext context, Map<String, Object> properties, Class<S> type, S service,
                      String property, List<T> all, Function<T, String> name, Function<T, Optional<String>> probe,
                      Function<T, String> jdkName) {
        probe(all, name, probe, jdkName);
        Map<String, T> usable = offered;
        if (usable.isEmpty()) {
            log.warn("No {} works through this JDK's providers; not registering {}", kind.toLowerCase(Locale.ROOT),
                    type.getSimpleName());
            return;
        }
        String[] names = usable.keySet().toArray(String[]::new);
        registration = context.registerService(type, service, ServiceProperties.of(properties, property, names));
        log.debug("Offering {} {}", kind.toLowerCase(Locale.ROOT), usable.keySet());
    }

    /**
     * Probes {@code all} and offers what works, registering nothing: what {@link #activate} does
     * first, and all a provider used outside a container (a benchmark) needs.
     */
    void probe(List<T> all, Function<T, String> name, Function<T, Optional<String>> probe,
               Function<T, String> jdkName) {
        Map<String, T> usable = new LinkedHashMap<>();
        for (T algorithm : all) {
            Optional<String> problem = probe.apply(algorithm);
            if (problem.isEmpty()) {
                usable.put(name.apply(algorithm), algorithm);
            } else {
                log.info("{} {} not offered: this JDK cannot provide {}: {}", kind, name.apply(algorithm),
                        jdkName.apply(algorithm), problem.get());
            }
        }
        offered = Collections.unmodifiableMap(usable);
    }

    void deactivate() {
        ServiceRegistration<?> current = registration;
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

    /** The offered algorithm with this name (any case), if any. */
    Optional<T> get(String name) {
        return Optional.ofNullable(offered.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The offered names, upper case, in table order. */
    java.util.Set<String> names() {
        return offered.keySet();
    }
}
