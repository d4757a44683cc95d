package io.sluice.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * New OpenVPN static keys ({@code --genkey secret|tls-auth|tls-crypt}), in the file format
 * OpenVPN writes and reads.
 */
public final class StaticKeys {

    private StaticKeys() {
    }

    /**
     * Creates {@code target} holding a new key, owner read/write only, complete or not at all;
     * an existing file is never replaced (it may be a key peers still use).
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
     */
    public static void create(Path target, SecureRandom random) throws IOException {
        byte[] text = StaticKeyText.generate(random);
        try {
            new AtomicFiles().createNew(target, text, AtomicFiles.OWNER_ONLY);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    /** A new key's text, for standard output. */
    public static String text(SecureRandom random) {
        byte[] text = StaticKeyText.generate(random);
        try {
            return new String(text, StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
