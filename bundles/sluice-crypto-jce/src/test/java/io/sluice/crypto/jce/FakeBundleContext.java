package io.sluice.crypto.jce;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Just enough of a framework to see what a component registers, without one. */
final class FakeBundleContext {

    /** One registerService call. */
    static final class Registration {
        final Class<?> type;
        final Object service;
        final Map<String, Object> properties = new HashMap<>();
        boolean unregistered;

        Registration(Class<?> type, Object service, Dictionary<String, ?> properties) {
            this.type = type;
            this.service = service;
            for (String key : Collections.list(properties.keys())) {
                this.properties.put(key, properties.get(key));
            }
        }
    }

    final List<Registration> registrations = new ArrayList<>();

    final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("registerService") && args.length == 3 && args[0] instanceof Class) {
                    @SuppressWarnings("unchecked")
                    Registration registration = new Registration((Class<?>) args[0], args[1],
                            (Dictionary<String, ?>) args[2]);
                    registrations.add(registration);
                    return registration(registration);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private ServiceRegistration<?> registration(Registration registration) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        if (registration.unregistered) {
                            throw new IllegalStateException("already unregistered");
                        }
                        registration.unregistered = true;
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The only registration made so far. */
    Registration only() {
        if (registrations.size() != 1) {
            throw new AssertionError("expected one registration, got " + registrations.size());
        }
        return registrations.get(0);
    }
}
