package io.sluice.crypto.jce;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

/**
 * The properties a component registers its service with, as DS would have: every component
 * property except the private ones, whose names start with a full stop (OSGi Compendium
 * 112.6). That keeps {@code service.ranking} and the like configurable through Configuration
 * Admin although the components register their service themselves.
 */
final class ServiceProperties {

    private ServiceProperties() {
    }

    static Dictionary<String, Object> of(Map<String, Object> componentProperties, String namesKey, String[] names) {
        Hashtable<String, Object> properties = new Hashtable<>();
        componentProperties.forEach((key, value) -> {
            if (!key.startsWith(".")) {
                properties.put(key, value);
            }
        });
        properties.put(namesKey, names);
        return properties;
    }
}
