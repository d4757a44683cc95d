package io.sluice.core.pushed;

/**
 * {@code inactive seconds [bytes]}: end the tunnel after {@code seconds} in which fewer than
 * {@code minimumBytes} went through it (options.c; a negative byte count reads as 0).
 */
public record Inactivity(int seconds, long minimumBytes) {

    public Inactivity {
        if (seconds < 0 || minimumBytes < 0) {
            throw new IllegalArgumentException("inactive values must be >= 0");
        }
    }
}
