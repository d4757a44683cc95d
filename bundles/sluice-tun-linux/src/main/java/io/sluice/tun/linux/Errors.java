package io.sluice.tun.linux;

import com.sun.jna.Native;

import java.io.IOException;

/**
 * Turns a failed system call or netlink request into an {@link IOException} that says what was
 * attempted and why it failed, in the form {@code <what>: <strerror> (errno <n>)[: <kernel text>]}.
 */
final class Errors {

    private Errors() {
    }

    /** The errno of the last failed call on this thread (JNA saves it after every native call). */
    static int lastErrno() {
        return Native.getLastError();
    }

    /** An exception for the last failed call on this thread. */
    static IOException last(LibC libc, String what) {
        return of(libc, what, lastErrno(), null);
    }

    static IOException of(LibC libc, String what, int errno, String kernelText) {
        String text;
        try {
            text = libc.strerror(errno);
        } catch (RuntimeException | LinkageError e) {
            text = null;
        }
        return new IOException(message(what, errno, text, kernelText));
    }

    /** The message text, separated out so its format can be tested without native code. */
    static String message(String what, int errno, String strerror, String kernelText) {
        StringBuilder sb = new StringBuilder(what).append(": ");
        sb.append(strerror == null || strerror.isBlank() ? "error" : strerror).append(" (errno ").append(errno).append(')');
        if (kernelText != null && !kernelText.isBlank()) {
            sb.append(": ").append(kernelText);
        }
        return sb.toString();
    }
}
