package io.sluice.core.wire;

import io.sluice.core.input.Outcome;

/**
 * The outcome of decoding untrusted bytes: a value, or the {@link Reject} reason it was not
 * one. Decoders return this instead of throwing because bad input is an expected event
 * that the caller must count and drop, not a bug.
 *
 * <p>Rejections are shared constants, so rejecting a packet allocates nothing.
 *
 * @param <T> what a successful decode produces
 */
public final class Decoded<T> extends Outcome<T, Reject> {

    private static final Decoded<?>[] REJECTED = refusals(Reject.class, r -> new Decoded<>(null, r), Decoded<?>[]::new);

    private Decoded(T value, Reject reject) {
        super(value, reject);
    }

    /** A successful decode. */
    public static <T> Decoded<T> ok(T value) {
        return new Decoded<>(java.util.Objects.requireNonNull(value, "value"), null);
    }

    /** A failed decode. */
    @SuppressWarnings("unchecked")
    public static <T> Decoded<T> rejected(Reject reason) {
        return (Decoded<T>) REJECTED[reason.ordinal()];
    }
}
