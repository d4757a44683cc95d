package io.sluice.core.control;

import java.util.Objects;

/**
 * The outcome of parsing what a peer sent: a value, or the {@link ControlReject} reason it was
 * not one. Parsers return this instead of throwing because bad input from a peer is an
 * expected event to count and act on, not a bug. Rejections are shared constants.
 *
 * @param <T> what a successful parse produces
 */
public final class Parsed<T> {

    private static final Parsed<?>[] REJECTED;

    static {
        ControlReject[] reasons = ControlReject.values();
        REJECTED = new Parsed<?>[reasons.length];
        for (ControlReject r : reasons) {
            REJECTED[r.ordinal()] = new Parsed<>(null, r);
        }
    }

    private final T value;
    private final ControlReject reject;

    private Parsed(T value, ControlReject reject) {
        this.value = value;
        this.reject = reject;
    }

    /** A successful parse. */
    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Objects.requireNonNull(value, "value"), null);
    }

    /** A failed parse. */
    @SuppressWarnings("unchecked")
    public static <T> Parsed<T> rejected(ControlReject reason) {
        return (Parsed<T>) REJECTED[reason.ordinal()];
    }

    public boolean isOk() {
        return reject == null;
    }

    /** The parsed value. */
    public T value() {
        if (reject != null) {
            throw new IllegalStateException("rejected: " + reject);
        }
        return value;
    }

    /** Why parsing failed, or {@code null} if it did not. */
    public ControlReject reject() {
        return reject;
    }

    @Override
    public String toString() {
        return reject == null ? "Parsed[" + value + "]" : "Rejected[" + reject + "]";
    }
}
