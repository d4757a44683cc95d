package io.sluice.tun.linux;

import io.sluice.api.dns.NameServer;
import io.sluice.api.dns.ResolverChange;
import io.sluice.api.dns.ResolverSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tunnel's DNS as per-link settings of systemd-resolved on the tunnel's interface, made with
 * {@code resolvectl} as OpenVPN 2.7's {@code dns-updown} makes them:
 *
 * <pre>
 * resolvectl dns tun0 10.8.0.1 [fd00::1]:5353      servers, preferred first, ports as given
 * resolvectl default-route tun0 true|false         whether names outside every domain go here too
 * resolvectl domain tun0 corp.example ~lab.example ~.
 *                                                  search domains as they are; resolve domains (not
 *                                                  already searched) as routing-only "~d"; and "~."
 *                                                  when the tunnel takes all names
 * resolvectl dnssec tun0 false                     as dns-updown for a server without a dnssec or
 * resolvectl dnsovertls tun0 false                 transport setting (the only kind this API carries)
 * </pre>
 *
 * and taken back with {@code resolvectl revert tun0}. The host's other links keep their settings;
 * with {@code ~.} and the default route on the tunnel's link, resolved sends every name outside the
 * other links' own routing domains to the tunnel's servers. resolved also forgets a link's settings
 * when the interface goes away, so a revert after the device was closed has nothing left to do.
 *
 * <p>Several changes on one device (reconnects): the newest is in effect; reverting it applies the
 * one before again, reverting an older one changes nothing.
 */
final class ResolvedLinks {

    private static final Logger LOG = LoggerFactory.getLogger(ResolvedLinks.class);

    private final ResolverHost host;
    private final Map<String, List<Change>> byDevice = new HashMap<>(); // per device, the last one in effect

    ResolvedLinks(ResolverHost host) {
        this.host = host;
    }

    /** The command lines that apply {@code s} with the {@code resolvectl} at {@code tool}. */
    static List<List<String>> applyCommands(Path tool, ResolverSettings s) {
        String rc = tool.toString();
        String dev = s.device();
        List<String> dns = new ArrayList<>(List.of(rc, "dns", dev));
        for (NameServer server : s.servers()) {
            dns.add(server.toString());
        }
        List<String> domain = new ArrayList<>(List.of(rc, "domain", dev));
        domain.addAll(domains(s));
        return List.of(
                dns,
                List.of(rc, "default-route", dev, Boolean.toString(s.defaultRoute())),
                domain,
                List.of(rc, "dnssec", dev, "false"),
                List.of(rc, "dnsovertls", dev, "false"));
    }

    /** The arguments of {@code resolvectl domain}: search domains, {@code ~resolve-domain}s, {@code ~.}. */
    static List<String> domains(ResolverSettings s) {
        List<String> out = new ArrayList<>(s.searchDomains());
        Set<String> searched = new LinkedHashSet<>();
        s.searchDomains().forEach(d -> searched.add(d.toLowerCase(Locale.ROOT)));
        for (String d : s.resolveDomains()) {
            if (!searched.contains(d.toLowerCase(Locale.ROOT))) {
                out.add("~" + d);
            }
        }
        if (s.defaultRoute()) {
            out.add("~.");
        }
        return out;
    }

    static List<String> revertCommand(Path tool, String device) {
        return List.of(tool.toString(), "revert", device);
    }

    synchronized boolean idle() {
        return byDevice.isEmpty();
    }

    synchronized List<Change> active() {
        List<Change> all = new ArrayList<>();
        byDevice.values().forEach(all::addAll);
        return all;
    }

    synchronized ResolverChange apply(Path tool, ResolverSettings s) throws IOException {
        String dev = s.device();
        List<Change> stack = byDevice.computeIfAbsent(dev, d -> new ArrayList<>());
        try {
            runAll(applyCommands(tool, s));
        } catch (IOException e) {
            try {
                if (stack.isEmpty()) {
                    run(revertCommand(tool, dev));
                } else {
                    Change before = stack.get(stack.size() - 1);
                    runAll(applyCommands(before.tool, before.settings));
                }
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            if (stack.isEmpty()) {
                byDevice.remove(dev);
            }
            throw e;
        }
        String description = "systemd-resolved on " + dev + ": " + s.servers().size()
                + (s.servers().size() == 1 ? " server " : " servers ") + ResolvConfText.join(s.servers())
                + ", domains " + String.join(" ", domains(s)) + (s.defaultRoute() ? ", default route" : ", split");
        Change c = new Change(tool, s, description);
        stack.add(c);
        LOG.info("DNS for {}: {}", dev, description);
        return c;
    }

    synchronized void revert(Change c) throws IOException {
        String dev = c.settings.device();
        List<Change> stack = byDevice.get(dev);
        int i = stack == null ? -1 : stack.indexOf(c);
        if (i < 0) {
            return;
        }
        if (i < stack.size() - 1) {
            stack.remove(i);
            return;
        }
        try {
            if (i > 0) {
                Change before = stack.get(i - 1);
                runAll(applyCommands(before.tool, before.settings));
            } else {
                run(revertCommand(c.tool, dev));
            }
        } catch (IOException e) {
            if (host.linkExists().test(dev)) {
                throw e;
            }
            LOG.info("{} is gone, and systemd-resolved with it forgot its DNS settings", dev);
        }
        stack.remove(i);
        if (stack.isEmpty()) {
            byDevice.remove(dev);
        }
        LOG.info("DNS for {} reverted", dev);
    }

    private void runAll(List<List<String>> commands) throws IOException {
        for (List<String> command : commands) {
            run(command);
        }
    }

    private void run(List<String> command) throws IOException {
        CommandRunner.Result r = host.commands().run(command);
        if (!r.ok()) {
            throw new IOException(String.join(" ", command) + ": exit status " + r.exitCode()
                    + (r.output().isEmpty() ? "" : ": " + r.output()));
        }
    }

    /** One applied change. */
    final class Change implements ResolverChange {
        private final Path tool;
        private final ResolverSettings settings;
        private final String description;

        private Change(Path tool, ResolverSettings settings, String description) {
            this.tool = tool;
            this.settings = settings;
            this.description = description;
        }

        @Override
        public void revert() throws IOException {
            ResolvedLinks.this.revert(this);
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
