package io.sluice.core.data;

/**
 * Fresh random IVs for CBC packets (crypto.c: {@code prng_bytes} for every packet). Injected so
 * that tests can reproduce a captured packet; production passes a {@link java.security.SecureRandom}'s
 * {@code nextBytes}.
 */
@FunctionalInterface
public interface IvGenerator {

    /** Fills {@code iv} with unpredictable bytes. */
    void next(byte[] iv);
}
