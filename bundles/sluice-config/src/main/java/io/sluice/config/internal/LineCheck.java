package io.sluice.config.internal;

import java.util.List;

/**
 * A check on an option's arguments taken together, for options whose rules a per-argument type
 * cannot express (e.g. {@code server-bridge} takes 0, 1 or 4 arguments).
 */
@FunctionalInterface
public interface LineCheck {

    /** What is wrong with {@code args}, or {@code null}. */
    String problem(List<String> args);
}
