package io.sluice.config.internal;

/**
 * A check on one argument of an option. Returns {@code null} if the value is acceptable, else a
 * short description of what is wrong (used after {@code option 'name': }).
 */
@FunctionalInterface
public interface ArgType {

    /** What is wrong with {@code value}, or {@code null}. */
    String problem(String value);
}
