package io.sluice.core.input;

import java.util.Objects;

/**
 * A value decoded from untrusted input, or the reason it was refused.
 *
 * @param <T> what a successful decode produces
 * @param <R> the enum of refusal reasons
 */
public class Outcome<T, R extends Enum<R>> {

    private final T value;
    private final R reject;

    protected Outcome(T value, R reject) {
        if ((value == null) == (reject == null)) {
            throw new IllegalArgumentException("exactly one of value and reason");
        }
        this.value = value;
        this.reject = reject;
    }

    public final boolean isOk() {
        return reject == null;
    }

    /** The decoded value. */
    public final T value() {
        if (reject != null) {
            throw new IllegalStateException("rejected: " + reject);
        }
        return value;
    }

    /** Why decoding failed, or {@code null} if it did not. */
    public final R reject() {
        return reject;
    }

    /** One shared refused outcome per reason, built once, so that refusing allocates nothing. */
    protected static <O extends Outcome<?, R>, R extends Enum<R>> O[] refusals(Class<R> reasons,
            java.util.function.Function<R, O> make, java.util.function.IntFunction<O[]> array) {
        R[] all = reasons.getEnumConstants();
        O[] out = array.apply(all.length);
        for (R r : all) {
            out[r.ordinal()] = Objects.requireNonNull(make.apply(r));
        }
        return out;
    }

    @Override
    public String toString() {
        return reject == null ? "Ok[" + value + "]" : "Rejected[" + reject + "]";
    }
}
