package io.sluice.tun.linux;

import io.sluice.api.dns.HostResolver;
import io.sluice.api.dns.ResolverChange;
import io.sluice.api.dns.ResolverSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HostResolver} of Linux, choosing the method as OpenVPN 2.7's {@code dns-updown} does,
 * afresh for each first change:
 *
 * <ul>
 *   <li><b>systemd-resolved</b> when {@code /etc/resolv.conf} is a symbolic link into systemd's files
 *       (the stub or the uplink file, {@code dns-updown}'s own test): per-link settings on the tunnel
 *       device with {@code resolvectl} (see {@link ResolvedLinks}). Not if that file is a mount point
 *       (a namespace's own resolv.conf bind-mounted over it by {@code ip netns exec}), and refused if
 *       this process is in another network namespace than the one resolved serves, or if
 *       {@code resolvectl} is not installed ({@code /usr/bin}, {@code /bin}): writing into resolved's
 *       file would be wrong in both cases.</li>
 *   <li>otherwise <b>{@code /etc/resolv.conf}</b> itself, with a backup of the previous file (see
 *       {@link ResolvConfFile}); a symbolic link is followed, the file it points to is written.</li>
 * </ul>
 * OpenVPN's script also tries Debian's {@code resolvconf} program in between; Sluice does not.
 *
 * <p>Changes still active when the component deactivates are reverted then.
 */
@Component(service = HostResolver.class, property = HostResolver.OS + "=linux")
public final class LinuxHostResolver implements HostResolver {

    private static final Logger LOG = LoggerFactory.getLogger(LinuxHostResolver.class);

    private final ResolverHost host;
    private final ResolvedLinks resolved;
    private final Map<Path, ResolvConfFile> files = new HashMap<>();

    /** DS calls this: the real {@code /etc/resolv.conf}, {@code resolvectl} and {@code /etc/netns}. */
    public LinuxHostResolver() {
        this(ResolverHost.system());
    }

    LinuxHostResolver(ResolverHost host) {
        this.host = Objects.requireNonNull(host, "host");
        this.resolved = new ResolvedLinks(host);
    }

    /** What the next first change would do, one line: "systemd-resolved via X" or the resolv.conf plan. */
    public String plan() throws IOException {
        Optional<Path> tool = resolvectl();
        return tool.isPresent() ? "systemd-resolved via " + tool.get()
                : ResolvConfFile.plan(host.resolvConf(), host).describe();
    }

    @Override
    public ResolverChange apply(ResolverSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Optional<Path> tool = resolvectl();
        if (tool.isPresent()) {
            return resolved.apply(tool.get(), settings);
        }
        ResolvConfFile.Plan plan = ResolvConfFile.plan(host.resolvConf(), host);
        ResolvConfFile file;
        synchronized (files) {
            file = files.computeIfAbsent(plan.target(), t -> new ResolvConfFile(host));
        }
        return file.apply(settings, plan);
    }

    /**
     * The {@code resolvectl} to use if systemd-resolved is the resolver here, else empty.
     *
     * @throws IOException if resolved manages the file but cannot be used from here
     */
    private Optional<Path> resolvectl() throws IOException {
        Path rc = host.resolvConf();
        if (!Files.isSymbolicLink(rc)) {
            return Optional.empty();
        }
        String link = Files.readSymbolicLink(rc).toString();
        if (!link.contains("systemd")) {
            return Optional.empty();
        }
        Path real;
        try {
            real = rc.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException(rc + " points to " + link + ", which does not exist: is systemd-resolved running?", e);
        }
        if (host.files().isMountPoint(real)) {
            return Optional.empty(); // this namespace's own file, bind-mounted over resolved's
        }
        if (!host.initNetns().getAsBoolean()) {
            throw new IOException(rc + " is systemd-resolved's (" + link + "), which serves another network namespace"
                    + " than this process's; give this namespace a resolv.conf of its own (/etc/netns/<name>/resolv.conf"
                    + " for ip netns exec)");
        }
        return Optional.of(host.findResolvectl().orElseThrow(() -> new IOException(rc + " is systemd-resolved's ("
                + link + "), but resolvectl is not installed (looked for " + host.resolvectl() + ")")));
    }

    /**
     * Reverts what is still applied, oldest first: changes that are not in effect go without touching
     * anything, and the last one brings back the host's own settings in one step.
     */
    @Deactivate
    void deactivate() {
        List<ResolverChange> left = new ArrayList<>();
        synchronized (files) {
            files.values().forEach(f -> left.addAll(f.active()));
        }
        left.addAll(resolved.active());
        for (ResolverChange c : left) {
            LOG.warn("Reverting DNS settings still applied when the resolver service stopped: {}", c.describe());
            try {
                c.revert();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not revert {}: {}", c.describe(), e.getMessage());
            }
        }
    }

    /** Whether no change is active. */
    boolean idle() {
        synchronized (files) {
            return resolved.idle() && files.values().stream().allMatch(ResolvConfFile::idle);
        }
    }
}
