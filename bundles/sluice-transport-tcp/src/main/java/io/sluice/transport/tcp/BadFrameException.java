package io.sluice.transport.tcp;

import java.io.IOException;

/** The cause a receiver is given when its connection was closed for a bad packet length. */
final class BadFrameException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient CloseReason reason;

    BadFrameException(CloseReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    CloseReason reason() {
        return reason;
    }
}
