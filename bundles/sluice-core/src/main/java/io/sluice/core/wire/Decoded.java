package io.sluice.core.wire;

import java.util.Objects;

/**
 * The outcome of decoding untrusted bytes: a value, or the {@link Reject} reason it was not
 * one. Decoders return this instead of throwing because bad input is an expected event
 * that the caller must count and drop, not a bug.
 *
 * <p>Rejections are shared constants, so rejecting a packet allocates nothing.
 *
 * @param <T> what a successful decode produces
 */
public final class Decoded<T> {

    private static final Decoded<?>[] REJECTED;

    static {
        Reject[] reasons = Reject.values();
        REJECTED = new Decoded<?>[reasons.length];
        for (Reject r : reasons) {
            REJECTED[r.ordinal()] = new Decoded<>(null, r);
        }
    }

    private final T value;
    private final Reject reject;

    private Decoded(T value, Reject reject) {
        this.value = value;
        this.reject = reject;
    }

    /** A successful decode. */
    public static <T> Decoded<T> ok(T value) {
        return new Decoded<>(Objects.requireNonNull(value, "value"), null);
    }

    /** A failed decode. */
    @SuppressWarnings("unchecked")
    public static <T> Decoded<T> rejected(Reject reason) {
        return (Decoded<T>) REJECTED[reason.ordinal()];
    }

    public boolean isOk() {
        return reject == null;
    }

    /** The decoded value. */
    public T value() {
        if (reject != null) {
            throw new IllegalStateException("rejected: " + reject);
        }
        return value;
    }

    /** Why decoding failed, or {@code null} if it did not. */
    public Reject reject() {
        return reject;
    }

    @Override
    public String toString() {
        return reject == null ? "Decoded[" + value + "]" : "Rejected[" + reject + "]";
    }
}
