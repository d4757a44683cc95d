package io.sluice.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes client profiles: owner-only (0600, since a profile holds the client's private key) from
 * the moment the file exists, and complete or not at all ({@link AtomicFiles}).
 *
 * <p>{@link #writeIfAbsent} is what a server start uses: a profile already there may have been
 * edited by its user (another remote, a route) and is never overwritten; the outcome says whether
 * it matches what would be written now, so the server can log that a stale one is left alone.
 */
public final class ClientProfileWriter {

    /** What {@link #writeIfAbsent} did. */
    public enum Outcome {
        /** There was no profile; it has been written. */
        WRITTEN,
        /** The profile there already has exactly this text. */
        UNCHANGED,
        /** A profile with other text is there and has been left as it is. */
        KEPT_DIFFERENT
    }

    private final AtomicFiles atomicFiles;

    public ClientProfileWriter() {
        this(new AtomicFiles());
    }

    ClientProfileWriter(AtomicFiles atomicFiles) {
        this.atomicFiles = Objects.requireNonNull(atomicFiles, "atomicFiles");
    }

    /** Writes the profile, replacing whatever is at {@code file} in one rename. */
    public void write(Path file, ClientProfile profile) throws PkiException {
        byte[] bytes = profile.text().getBytes(StandardCharsets.US_ASCII);
        try {
            atomicFiles.replace(file, bytes, AtomicFiles.OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException e) {
            throw new PkiException(file + ": cannot write the client profile: " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Writes the profile unless a file is already at {@code file}; never replaces one. */
    public Outcome writeIfAbsent(Path file, ClientProfile profile) throws PkiException {
        byte[] bytes = profile.text().getBytes(StandardCharsets.US_ASCII);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    atomicFiles.createNew(file, bytes, AtomicFiles.OWNER_ONLY);
                    return Outcome.WRITTEN;
                } catch (FileAlreadyExistsException e) {
                    // appeared meanwhile: compare below
                }
            }
            byte[] existing = Files.readAllBytes(file);
            try {
                return Arrays.equals(existing, bytes) ? Outcome.UNCHANGED : Outcome.KEPT_DIFFERENT;
            } finally {
                Arrays.fill(existing, (byte) 0);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new PkiException(file + ": cannot write the client profile: " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
