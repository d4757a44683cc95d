package io.sluice.core.tls;

/**
 * A PEM file (or inline block) that does not hold what the option naming it needs; the
 * message names the source and what is wrong, ready for the log.
 */
public final class PemException extends Exception {

    private static final long serialVersionUID = 1L;

    PemException(String message) {
        super(message);
    }

    PemException(String message, Throwable cause) {
        super(message, cause);
    }
}
