package io.sluice.core.runtime;

import io.sluice.config.ClientConfigFile;
import io.sluice.config.ConfigException;
import io.sluice.config.Topology;
import io.sluice.core.server.ClientAddresses;
import io.sluice.core.server.ClientConfigSource;
import io.sluice.core.server.ClientDirectives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code client-config-dir}: a client's directives from the file named after its common name
 * (or {@code DEFAULT}), read when it connects, so edits take effect on the next connection as
 * with OpenVPN; and the same language from a {@code client-connect} script, with or without a
 * directory.
 */
final class ClientConfigDirectory implements ClientConfigSource {

    private final Optional<Path> directory;
    private final Topology topology;
    private final boolean exclusive;

    /** @param exclusive {@code ccd-exclusive}: only a client with a file of its own (not DEFAULT) may connect */
    ClientConfigDirectory(Optional<Path> directory, Topology topology, boolean exclusive) {
        this.directory = directory;
        this.topology = topology;
        this.exclusive = exclusive;
    }

    @Override
    public Optional<ClientDirectives> read(String commonName) throws IOException {
        Optional<ClientConfigFile> file;
        try {
            if (directory.isEmpty()) {
                return Optional.empty();
            }
            file = ClientConfigFile.read(directory.get(), commonName);
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (exclusive && file.get().isDefaultFile()) {
            // OpenVPN admits a ccd-exclusive client only on a file named after it.
            throw new IOException("MULTI: client-config-dir authentication failed for common name '" + commonName
                    + "': ccd-exclusive and only " + ClientConfigFile.DEFAULT_FILE + " matches");
        }
        return Optional.of(directives(file.get()));
    }

    @Override
    public ClientDirectives parse(String text, String source) throws IOException {
        try {
            return directives(ClientConfigFile.parse(text, source));
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private ClientDirectives directives(ClientConfigFile f) throws IOException {
        Optional<ClientAddresses> fixed = Optional.empty();
        if (f.ifconfigPush().isPresent()) {
            ClientConfigFile.IfconfigPush push = f.ifconfigPush().get();
            Optional<String> problem = push.problemFor(topology);
            if (problem.isPresent()) {
                throw new IOException(ConfigException.at(push.line(), problem.get()).getMessage());
            }
            fixed = Optional.of(new ClientAddresses(Optional.of(push.local()), Optional.of(push.remoteOrNetmask()),
                    f.ifconfigIpv6Push().map(ClientConfigFile.IfconfigIpv6Push::local), true));
        }
        List<ClientDirectives.Subnet> iroutes = new ArrayList<>();
        f.iroutes().forEach(r -> iroutes.add(new ClientDirectives.Subnet(r.network(), r.prefixLength())));
        f.iroutesIpv6().forEach(r -> iroutes.add(new ClientDirectives.Subnet(r.network(), r.prefixLength())));
        boolean reset = false;
        List<String> push = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (ClientConfigFile.PushEdit edit : f.pushEdits()) {
            switch (edit.kind()) {
                case RESET -> {
                    // push-reset drops the server's pushes and whatever this file pushed before it.
                    reset = true;
                    push.clear();
                }
                case REMOVE -> {
                    remove.add(edit.argument());
                    push.removeIf(p -> p.startsWith(edit.argument()));
                }
                case PUSH -> push.add(edit.argument());
            }
        }
        return new ClientDirectives(f.disabled(), fixed,
                f.ifconfigIpv6Push().map(p -> (java.net.InetAddress) p.local()), iroutes, reset, remove, push);
    }
}
