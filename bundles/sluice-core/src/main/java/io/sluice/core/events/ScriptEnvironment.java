package io.sluice.core.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The variables scripts see, as OpenVPN keeps them (env_set.c): a set that grows as things
 * happen, so each script sees everything set before it ({@code up} still sees
 * {@code trusted_ip} from the {@code ipchange} before it). An instance has one; on a server each
 * client starts from a copy of the instance's ({@link #copy()}), as OpenVPN's
 * {@code inherit_context_child} does.
 *
 * <p>Names and values are cleaned as {@code setenv_str} cleans them: a name keeps only letters,
 * digits and {@code _}; a value loses its control characters. A name set again replaces the
 * old value. Thread-safe.
 */
public final class ScriptEnvironment {

    private final Map<String, String> variables;

    /** An empty set. */
    public ScriptEnvironment() {
        this.variables = new LinkedHashMap<>();
    }

    /** A set holding {@code initial}. */
    public ScriptEnvironment(Map<String, String> initial) {
        this();
        setAll(initial);
    }

    /** Sets one variable. */
    public synchronized void set(String name, String value) {
        String n = cleanName(name);
        if (n.isEmpty()) {
            return;
        }
        variables.remove(n); // keep the order of setting, as OpenVPN's list does
        variables.put(n, cleanValue(value));
    }

    /** Sets every variable of {@code values}, in its order. */
    public synchronized void setAll(Map<String, String> values) {
        values.forEach(this::set);
    }

    /** Removes a variable ({@code setenv_del}). */
    public synchronized void remove(String name) {
        variables.remove(cleanName(name));
    }

    /** Removes every variable whose name matches. */
    public synchronized void removeIf(Predicate<String> name) {
        variables.keySet().removeIf(name);
    }

    /** The value of a variable, or {@code null}. */
    public synchronized String get(String name) {
        return variables.get(name);
    }

    /** The variables now, in the order they were set; an unmodifiable copy. */
    public synchronized Map<String, String> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** An independent set starting with the same variables. */
    public synchronized ScriptEnvironment copy() {
        return new ScriptEnvironment(variables);
    }

    /** Replaces everything with {@code values}. */
    public synchronized void reset(Map<String, String> values) {
        variables.clear();
        setAll(values);
    }

    /** env_set.c {@code setenv_str}: {@code CC_NAME}, letters, digits and underscore; the rest dropped. */
    static String cleanName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** env_set.c {@code setenv_str}: {@code CC_PRINT}, control characters and DEL dropped. */
    static String cleanValue(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 32 && c != 127) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
