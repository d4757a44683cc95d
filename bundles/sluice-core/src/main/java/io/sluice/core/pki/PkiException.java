package io.sluice.core.pki;

/**
 * The PKI directory cannot be bootstrapped or reused. The message is one line naming the
 * directory or file and what is wrong, ready for the log; nothing has been overwritten.
 */
public final class PkiException extends Exception {

    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
