package io.sluice.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes sure a state directory holds a PKI: on first start a CA, a server certificate and one
 * client certificate ({@link PkiFiles} names them), and, when asked, a {@code tls-crypt} key;
 * on every later start the same files, checked and reused.
 *
 * <p>Rules, in the order {@link #ensure} applies them (holding a lock on the directory, so two
 * instances started together cannot both generate):
 * <ol>
 *   <li>The directory is created (0700) if missing; an existing one is used as it is.</li>
 *   <li>A generation interrupted by a crash is finished or discarded: the six files are first
 *       written to a staging subdirectory, which is marked complete before any of them is moved
 *       into place. A complete staging directory is published (its files moved in, none
 *       replacing an existing file); an incomplete one is deleted, having never been visible.</li>
 *   <li>All six files present: checked ({@link PkiCheck}) and reused; nothing is written.
 *       None present: a new PKI is generated and published. Some present: refused with
 *       {@link PkiException} naming what is missing. The bootstrap never creates a CA next to
 *       an existing certificate or key, since clients holding the old ones would silently stop
 *       working.</li>
 *   <li>With {@code tlsCrypt}, {@value PkiFiles#TLS_CRYPT_KEY} is reused (checked) if present,
 *       else created. Without it an existing key file is left alone and not reported.</li>
 * </ol>
 * Keys are written 0600 and certificates 0644, each complete before it gets its name
 * ({@link AtomicFiles}). The client profile is separate: {@link ClientProfileWriter}.
 *
 * <p>Instances hold no state besides their random source and clock and may be shared.
 */
public final class PkiBootstrap {

    /** The staging subdirectory a new PKI is written to before it is published. */
    static final String STAGING = ".pki-staging";
    /** Written last into the staging directory: its files are complete and may be published. */
    static final String COMPLETE = "complete";

    /**
     * What {@link #ensure} found or did.
     *
     * @param files              where everything is
     * @param generated          whether this call created the PKI (or finished publishing one a crash
     *                           interrupted), rather than reusing it
     * @param tlsCryptGenerated  whether this call created the tls-crypt key
     */
    public record Result(PkiFiles files, boolean generated, boolean tlsCryptGenerated) {
        public Result {
            Objects.requireNonNull(files, "files");
        }
    }

    private final SecureRandom random;
    private final Clock clock;
    private final AtomicFiles atomicFiles;

    /**
     * @param random the source of keys and serials (a {@code new SecureRandom()} in production)
     * @param clock  what certificate validity starts from
     */
    public PkiBootstrap(SecureRandom random, Clock clock) {
        this(random, clock, new AtomicFiles());
    }

    PkiBootstrap(SecureRandom random, Clock clock, AtomicFiles atomicFiles) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.atomicFiles = Objects.requireNonNull(atomicFiles, "atomicFiles");
    }

    /**
     * Creates or reuses the PKI in {@code directory}; see the class description.
     *
     * @param tlsCrypt whether a {@code tls-crypt} key is wanted
     * @throws PkiException when the directory holds part of a PKI, a file does not check out, or
     *                      the file system refuses; the message names the file
     */
    public Result ensure(Path directory, boolean tlsCrypt) throws PkiException {
        Path dir = directory.toAbsolutePath().normalize();
        prepareDirectory(dir);
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            PkiFiles files = PkiFiles.in(dir, tlsCrypt);
            boolean generated = finishInterrupted(dir);
            List<String> present = new ArrayList<>();
            for (String name : PkiFiles.PKI_FILE_NAMES) {
                if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    present.add(name);
                }
            }
            if (present.isEmpty()) {
                generate(dir);
                generated = true;
            } else if (present.size() < PkiFiles.PKI_FILE_NAMES.size()) {
                List<String> missing = new ArrayList<>(PkiFiles.PKI_FILE_NAMES);
                missing.removeAll(present);
                throw new PkiException(dir + ": incomplete PKI: missing " + String.join(", ", missing)
                        + " (present: " + String.join(", ", present) + "); Sluice generates a PKI only in a"
                        + " directory without one and never replaces part of one: restore the missing files,"
                        + " or move the present ones away to start afresh");
            }
            PkiCheck.verify(files, random);
            boolean tlsCryptGenerated = tlsCrypt && ensureTlsCryptKey(files.tlsCryptKey().orElseThrow());
            return new Result(files, generated, tlsCryptGenerated);
        }
    }

    private static void prepareDirectory(Path dir) throws PkiException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PkiException(dir + ": not a directory");
        }
        try {
            AtomicFiles.createPrivateDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new PkiException(dir + ": not a directory", e);
            }
            // created by another instance just now: fine, the lock orders the rest
        } catch (IOException | UnsupportedOperationException e) {
            throw new PkiException(dir + ": cannot create the directory: " + e.getMessage(), e);
        }
    }

    /** Generates the six files into the staging directory, marks it complete, publishes it. */
    private void generate(Path dir) throws PkiException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        try {
            CertificateIssuer issuer = new CertificateIssuer(random, clock);
            CertificateIssuer.Issued ca = issuer.newCa(PkiFiles.CA_NAME);
            CertificateIssuer.Issued server = issuer.issue(ca, PkiFiles.SERVER_NAME, CertificateIssuer.Purpose.SERVER);
            CertificateIssuer.Issued client = issuer.issue(ca, PkiFiles.CLIENT_NAME, CertificateIssuer.Purpose.CLIENT);
            content.put(PkiFiles.CA_CERT, ascii(PemText.certificate(ca.certificate())));
            content.put(PkiFiles.SERVER_CERT, ascii(PemText.certificate(server.certificate())));
            content.put(PkiFiles.CLIENT_CERT, ascii(PemText.certificate(client.certificate())));
            content.put(PkiFiles.SERVER_KEY, PemText.privateKey(server.privateKey()));
            content.put(PkiFiles.CLIENT_KEY, PemText.privateKey(client.privateKey()));
            content.put(PkiFiles.CA_KEY, PemText.privateKey(ca.privateKey()));
        } catch (GeneralSecurityException e) {
            throw new PkiException(dir + ": cannot generate the PKI: " + e.getMessage(), e);
        }
        Path staging = dir.resolve(STAGING);
        try {
            AtomicFiles.createPrivateDirectory(staging);
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                AtomicFiles.writeNew(staging.resolve(e.getKey()), e.getValue(), permissionsOf(e.getKey()));
            }
            AtomicFiles.syncDirectory(staging);
            AtomicFiles.writeNew(staging.resolve(COMPLETE), new byte[0], AtomicFiles.OWNER_ONLY);
            AtomicFiles.syncDirectory(staging);
        } catch (IOException | UnsupportedOperationException e) {
            throw new PkiException(staging + ": cannot write the new PKI: " + e.getMessage(), e);
        } finally {
            content.values().forEach(bytes -> Arrays.fill(bytes, (byte) 0));
        }
        publish(dir, staging);
    }

    /**
     * Deals with a staging directory left by a crash: publishes it if it was complete (returning
     * true), deletes it if not.
     */
    private boolean finishInterrupted(Path dir) throws PkiException {
        Path staging = dir.resolve(STAGING);
        if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
            throw new PkiException(staging + ": not a directory (Sluice stages a new PKI there)");
        }
        if (Files.exists(staging.resolve(COMPLETE), LinkOption.NOFOLLOW_LINKS)) {
            publish(dir, staging);
            return true;
        }
        deleteStaging(staging);
        return false;
    }

    /**
     * Moves each staged file into place. A file already in place with the same bytes was moved
     * before a crash (or linked without the staged name being removed); different bytes mean
     * someone else's file is in the way, which is never replaced: that is checked for every file
     * before any is moved, so a conflict leaves the directory as it was.
     */
    private void publish(Path dir, Path staging) throws PkiException {
        List<String> toMove = new ArrayList<>();
        for (String name : PkiFiles.PKI_FILE_NAMES) {
            Path staged = staging.resolve(name);
            Path target = dir.resolve(name);
            try {
                if (!Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    toMove.add(name);
                } else if (Files.mismatch(staged, target) != -1L) {
                    throw new PkiException(target + ": exists and differs from the generated " + staged
                            + "; not replaced: move one of them away");
                }
            } catch (IOException e) {
                throw new PkiException(target + ": cannot compare with " + staged + ": " + e.getMessage(), e);
            }
        }
        for (String name : toMove) {
            try {
                atomicFiles.publish(staging.resolve(name), dir.resolve(name));
            } catch (IOException e) {
                throw new PkiException(dir.resolve(name) + ": cannot publish the new PKI: " + e.getMessage(), e);
            }
        }
        AtomicFiles.syncDirectory(dir);
        deleteStaging(staging);
    }

    /** Removes the staging directory: only files this class writes there are expected. */
    private static void deleteStaging(Path staging) throws PkiException {
        try {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
                for (Path p : entries) {
                    Files.delete(p);
                }
            }
            Files.delete(staging);
            AtomicFiles.syncDirectory(staging.getParent());
        } catch (IOException e) {
            throw new PkiException(staging + ": cannot remove the staging directory: " + e.getMessage(), e);
        }
    }

    /** Reuses (after checking) or creates the tls-crypt key; true if created. */
    private boolean ensureTlsCryptKey(Path file) throws PkiException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            PkiCheck.verifyStaticKey(file);
            return false;
        }
        byte[] key = StaticKeyText.generate(random);
        try {
            atomicFiles.createNew(file, key, AtomicFiles.OWNER_ONLY);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            throw new PkiException(file + ": cannot write the tls-crypt key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Set<PosixFilePermission> permissionsOf(String name) {
        return name.endsWith(".key") ? AtomicFiles.OWNER_ONLY : AtomicFiles.PUBLIC;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
