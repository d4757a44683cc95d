package io.sluice.core.control;

import io.sluice.core.input.Outcome;

/**
 * The outcome of parsing what a peer sent: a value, or the {@link ControlReject} reason it was
 * not one. Parsers return this instead of throwing because bad input from a peer is an
 * expected event to count and act on, not a bug. Rejections are shared constants.
 *
 * @param <T> what a successful parse produces
 */
public final class Parsed<T> extends Outcome<T, ControlReject> {

    private static final Parsed<?>[] REJECTED = refusals(ControlReject.class, r -> new Parsed<>(null, r), Parsed<?>[]::new);

    private Parsed(T value, ControlReject reject) {
        super(value, reject);
    }

    /** A successful parse. */
    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(java.util.Objects.requireNonNull(value, "value"), null);
    }

    /** A failed parse. */
    @SuppressWarnings("unchecked")
    public static <T> Parsed<T> rejected(ControlReject reason) {
        return (Parsed<T>) REJECTED[reason.ordinal()];
    }
}
