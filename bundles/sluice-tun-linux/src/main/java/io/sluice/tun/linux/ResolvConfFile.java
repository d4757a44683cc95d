package io.sluice.tun.linux;

import io.sluice.api.dns.ResolverChange;
import io.sluice.api.dns.ResolverSettings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tunnel's DNS in {@code /etc/resolv.conf} itself (one file; {@link ResolvConfText} says what is
 * written), with the file from before kept in a backup until it is back.
 *
 * <p>Order of events, so that the previous file is never lost:
 * <ol>
 *   <li>first change: the previous file is copied to {@code <file>.sluice-<pid>} (written to a
 *       temporary file and renamed, so the backup is whole or absent);</li>
 *   <li>the new file is written to a temporary file next to the target and renamed onto it, so
 *       readers see the old file or the new one, never a part. Where the target is a mount point
 *       ({@code ip netns exec} bind-mounts {@code /etc/netns/<ns>/resolv.conf} there) a rename fails
 *       with EBUSY, and the file is rewritten in place instead (open, write, truncate, fsync): a
 *       reader may then see a mix for an instant;</li>
 *   <li>the last revert writes the previous file back the same way, byte for byte, and only then
 *       deletes the backup.</li>
 * </ol>
 * Permissions and owner of the file are kept.
 *
 * <p>Several changes may be active (reconnects): the newest is in the file; reverting it writes the
 * one before, reverting an older one changes nothing on disk. If another program rewrote the file
 * meanwhile (NetworkManager, a DHCP client, an administrator), it is left alone: a further apply
 * fails, a revert only warns, and the backup is kept for whoever wants it.
 *
 * <p>After a crash the file still names the dead process and its backup in its first line. The
 * next first change finds that (the process is gone) and takes the backup as the previous file, so
 * the revert after it restores what was there before the crash. Another Sluice process that is
 * still running owns the file: apply fails rather than stacking two processes' changes.
 */
final class ResolvConfFile {

    private static final Logger LOG = LoggerFactory.getLogger(ResolvConfFile.class);

    /** Where the file is written and its previous content kept, decided when the first change begins. */
    record Plan(Path target, Path backup, boolean inPlace) {
        String describe() {
            return "resolv.conf " + target + (inPlace ? " (a mount point: rewritten in place)" : "")
                    + ", the previous file kept in " + backup;
        }
    }

    private final ResolverHost host;
    private final List<Change> active = new ArrayList<>(); // the last one is in the file
    private Plan plan;
    private boolean inPlace;
    private byte[] previous;
    private byte[] written;

    ResolvConfFile(ResolverHost host) {
        this.host = host;
    }

    /**
     * Where a first change to the file {@code configured} points to would go: the target is its real
     * path (a symbolic link is followed, not replaced). The backup goes next to it, except when the
     * target is a bind mount of {@code <netnsEtc>/<ns>/resolv.conf}: then next to that file, which is
     * this namespace's own (the directory of the mount point is the host's).
     */
    static Plan plan(Path configured, ResolverHost host) throws IOException {
        Path real = configured.toRealPath();
        boolean mount = host.files().isMountPoint(real);
        Path dir = real.getParent();
        if (mount) {
            dir = netnsSource(real, host.netnsEtc()).map(Path::getParent).orElse(dir);
        }
        return new Plan(real, dir.resolve(real.getFileName() + ".sluice-" + host.pid()), mount);
    }

    /** The {@code <netnsEtc>/<ns>/<name>} that is the same file as {@code real}, if any. */
    private static Optional<Path> netnsSource(Path real, Path netnsEtc) {
        if (!Files.isDirectory(netnsEtc)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> namespaces = Files.newDirectoryStream(netnsEtc)) {
            for (Path ns : namespaces) {
                Path candidate = ns.resolve(real.getFileName().toString());
                if (Files.isRegularFile(candidate) && Files.isSameFile(candidate, real)) {
                    return Optional.of(candidate);
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot look through {}: {}", netnsEtc, e.toString());
        }
        return Optional.empty();
    }

    synchronized boolean idle() {
        return active.isEmpty();
    }

    synchronized List<Change> active() {
        return List.copyOf(active);
    }

    /** Applies {@code settings}; {@code firstPlan} is used if no change is active. */
    synchronized ResolverChange apply(ResolverSettings settings, Plan firstPlan) throws IOException {
        if (active.isEmpty()) {
            return first(settings, firstPlan);
        }
        requireOurs("not applying " + settings.summary() + " for " + settings.device());
        ResolvConfText.Rendered r = render(settings);
        replace(r.content());
        written = r.content();
        return push(settings, r);
    }

    private ResolverChange first(ResolverSettings settings, Plan p) throws IOException {
        byte[] current = Files.readAllBytes(p.target());
        Path leftover = null;
        byte[] before = current;
        Optional<ResolvConfText.Marker> marker = ResolvConfText.marker(current);
        if (marker.isPresent()) {
            ResolvConfText.Marker m = marker.get();
            if (m.pid() != host.pid() && host.sluiceAlive().test(m.pid())) {
                throw new IOException(p.target() + " holds the DNS settings of Sluice process " + m.pid() + " for "
                        + m.device() + ", which is still running: not changing it as well");
            }
            Path b = Path.of(m.backup());
            if (!Files.isRegularFile(b, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(p.target() + " holds the DNS settings of Sluice process " + m.pid() + " for "
                        + m.device() + ", which has ended without restoring it, and the previous file " + b
                        + " is gone: restore " + p.target() + " by hand");
            }
            before = Files.readAllBytes(b);
            leftover = b;
            LOG.warn("{} holds the DNS settings of Sluice process {} for {}, which ended without restoring it; the"
                    + " file from before, {}, is taken as the previous file", p.target(), m.pid(), m.device(), b);
        }
        this.plan = p;
        this.inPlace = p.inPlace();
        this.previous = before;
        ResolvConfText.Rendered r;
        try {
            r = render(settings);
        } catch (IOException | RuntimeException e) {
            reset();
            throw e;
        }
        if (Files.exists(p.backup(), LinkOption.NOFOLLOW_LINKS) && !p.backup().equals(leftover)) {
            LOG.warn("Replacing {}, an old backup that {} no longer refers to", p.backup(), p.target());
        }
        try {
            writeAtomically(p.backup(), before, p.target());
        } catch (IOException | RuntimeException e) {
            reset();
            throw new IOException("cannot keep the previous " + p.target() + " in " + p.backup() + ": " + e.getMessage(), e);
        }
        try {
            replace(r.content());
        } catch (IOException | RuntimeException e) {
            if (!p.backup().equals(leftover)) {
                Files.deleteIfExists(p.backup()); // the target was not changed
            }
            reset();
            throw e;
        }
        written = r.content();
        if (leftover != null && !leftover.equals(p.backup())) {
            Files.deleteIfExists(leftover); // its content is in our backup now
        }
        return push(settings, r);
    }

    private ResolvConfText.Rendered render(ResolverSettings settings) throws IOException {
        return ResolvConfText.render(previous, settings,
                ResolvConfText.marker(host.pid(), settings.device(), plan.backup().toString()));
    }

    private ResolverChange push(ResolverSettings settings, ResolvConfText.Rendered r) {
        StringBuilder d = new StringBuilder("resolv.conf ").append(plan.target()).append(": ")
                .append(r.servers().size()).append(r.servers().size() == 1 ? " server " : " servers ")
                .append(ResolvConfText.join(r.servers()));
        if (!r.search().isEmpty()) {
            d.append(", search ").append(String.join(" ", r.search()));
        }
        for (String note : r.notes()) {
            d.append("; ").append(note);
        }
        if (inPlace) {
            d.append("; rewritten in place (a mount point)");
        }
        d.append("; previous file kept in ").append(plan.backup());
        Change c = new Change(settings, d.toString());
        active.add(c);
        LOG.info("DNS for {}: {}", settings.device(), c.describe());
        return c;
    }

    synchronized void revert(Change change) throws IOException {
        int i = active.indexOf(change);
        if (i < 0) {
            return;
        }
        if (i < active.size() - 1) {
            active.remove(i); // not in the file
            return;
        }
        if (!ours()) {
            active.remove(i);
            LOG.warn("Not restoring {} for {}: another program has rewritten it since; left as it is, and the file"
                    + " from before the tunnel is kept in {}", plan.target(), change.settings.device(), plan.backup());
            if (active.isEmpty()) {
                reset();
            }
            return;
        }
        if (i > 0) {
            ResolvConfText.Rendered r = render(active.get(i - 1).settings);
            replace(r.content());
            written = r.content();
            active.remove(i);
            LOG.info("DNS for {} reverted; {} is back in effect", change.settings.device(),
                    active.get(i - 1).settings.device());
            return;
        }
        replace(previous);
        Files.deleteIfExists(plan.backup());
        active.remove(i);
        LOG.info("DNS for {} reverted: {} restored", change.settings.device(), plan.target());
        reset();
    }

    private void reset() {
        plan = null;
        previous = null;
        written = null;
    }

    private boolean ours() throws IOException {
        try {
            return Arrays.equals(Files.readAllBytes(plan.target()), written);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private void requireOurs(String what) throws IOException {
        if (!ours()) {
            throw new IOException(what + ": " + plan.target() + " has been rewritten by another program since Sluice"
                    + " changed it (the file from before is kept in " + plan.backup() + ")");
        }
    }

    /** Writes {@code content} to the target: by rename, or in place where the target is a mount point. */
    private void replace(byte[] content) throws IOException {
        if (!inPlace) {
            try {
                writeAtomically(plan.target(), content, plan.target());
                return;
            } catch (IOException e) {
                if (!host.files().busy(e, plan.target())) {
                    throw e;
                }
                LOG.info("{} cannot be replaced ({}): it is a mount point, as ip netns exec makes it; rewriting it in"
                        + " place", plan.target(), e.getMessage());
                inPlace = true;
            }
        }
        try (FileChannel ch = FileChannel.open(plan.target(), StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b, b.position());
            }
            ch.truncate(content.length);
            ch.force(true);
        }
    }

    /**
     * Writes {@code content} to a temporary file in {@code file}'s directory with the permissions and
     * owner of {@code like}, flushes it to disk and renames it onto {@code file}.
     */
    private void writeAtomically(Path file, byte[] content, Path like) throws IOException {
        Path dir = file.getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            copyOwnership(like, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            if (file.equals(plan.target())) {
                host.files().rename(tmp, file);
            } else {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            tmp = null;
            syncDirectory(dir);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void copyOwnership(Path from, Path to) throws IOException {
        PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        view.setPermissions(a.permissions());
        try {
            PosixFileAttributes mine = view.readAttributes();
            if (!mine.owner().equals(a.owner())) {
                view.setOwner(a.owner());
            }
            if (!mine.group().equals(a.group())) {
                view.setGroup(a.group());
            }
        } catch (IOException e) {
            LOG.debug("Cannot give {} the owner of {}: {}", to, from, e.toString());
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot sync directory {}: {}", dir, e.toString());
        }
    }

    /** One applied change. */
    final class Change implements ResolverChange {
        private final ResolverSettings settings;
        private final String description;

        private Change(ResolverSettings settings, String description) {
            this.settings = settings;
            this.description = description;
        }

        @Override
        public void revert() throws IOException {
            ResolvConfFile.this.revert(this);
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
