package io.sluice.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed OpenVPN configuration: every option line in processing order (command line and included
 * files flattened, {@code config} lines kept as markers), warnings to log, and a typed view of what
 * the engine needs, with OpenVPN's helpers expanded. Immutable.
 *
 * <p>Obtain one from {@link ConfigParser}; the public constructor exists for the parser's internal
 * package and for tests.
 *
 * <p><b>Single- versus multi-valued options.</b> Lines are kept in the order OpenVPN processes
 * them. For single-valued options the last occurrence wins ({@link #last}); multi-valued options
 * ({@code remote}, {@code route}, {@code push}, ...) accumulate ({@link #all}). Lines inside
 * {@code <connection>} blocks are not in {@link #lines()}; see {@link #connectionBlocks()}.
 */
public final class OpenVpnConfig {

    /** OpenVPN's default verbosity. */
    public static final int DEFAULT_VERB = 1;

    private final List<OptionLine> lines;
    private final List<ConnectionBlock> connectionBlocks;
    private final List<String> warnings;
    private final Path workingDirectory;
    private final Mode mode;
    private final Device device;
    private final Transport transport;
    private final Pki pki;
    private final ControlChannel controlChannel;
    private final DataChannel dataChannel;
    private final Network network;
    private final ServerOptions server;
    private final Liveness liveness;
    private final ClientOptions client;
    private final Renegotiation renegotiation;
    private final Scripts scripts;
    private final ProcessOptions process;

    /** Assembles a configuration; use {@link ConfigParser} rather than calling this. */
    public OpenVpnConfig(List<OptionLine> lines, List<ConnectionBlock> connectionBlocks, List<String> warnings,
                         Path workingDirectory, Mode mode, Device device, Transport transport, Pki pki,
                         ControlChannel controlChannel, DataChannel dataChannel, Network network,
                         ServerOptions server, Liveness liveness, ClientOptions client,
                         Renegotiation renegotiation, Scripts scripts, ProcessOptions process) {
        this.lines = List.copyOf(lines);
        this.connectionBlocks = List.copyOf(connectionBlocks);
        this.warnings = List.copyOf(warnings);
        this.workingDirectory = Objects.requireNonNull(workingDirectory);
        this.mode = Objects.requireNonNull(mode);
        this.device = Objects.requireNonNull(device);
        this.transport = Objects.requireNonNull(transport);
        this.pki = Objects.requireNonNull(pki);
        this.controlChannel = Objects.requireNonNull(controlChannel);
        this.dataChannel = Objects.requireNonNull(dataChannel);
        this.network = Objects.requireNonNull(network);
        this.server = Objects.requireNonNull(server);
        this.liveness = Objects.requireNonNull(liveness);
        this.client = Objects.requireNonNull(client);
        this.renegotiation = Objects.requireNonNull(renegotiation);
        this.scripts = Objects.requireNonNull(scripts);
        this.process = Objects.requireNonNull(process);
    }

    /** Every option line in processing order (connection block contents excluded). */
    public List<OptionLine> lines() {
        return lines;
    }

    /** The {@code <connection>} blocks with their parsed contents, in order. */
    public List<ConnectionBlock> connectionBlocks() {
        return connectionBlocks;
    }

    /** Things to log: deprecated options, options ignored via ignore-unknown-option or setenv opt. */
    public List<String> warnings() {
        return warnings;
    }

    /** The working directory after the last {@code cd}; relative paths resolve against it. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The last line of an option, i.e. the effective one for a single-valued option. */
    public Optional<OptionLine> last(String name) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).name().equals(name)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every line of an option, in order. */
    public List<OptionLine> all(String name) {
        List<OptionLine> out = new ArrayList<>();
        for (OptionLine l : lines) {
            if (l.name().equals(name)) {
                out.add(l);
            }
        }
        return List.copyOf(out);
    }

    /** Whether an option is present at all. */
    public boolean has(String name) {
        return last(name).isPresent();
    }

    /** {@code verb}; OpenVPN's default is 1. */
    public int verb() {
        return last("verb").map(l -> Integer.parseInt(l.args().get(0))).orElse(DEFAULT_VERB);
    }

    public Mode mode() {
        return mode;
    }

    public Device device() {
        return device;
    }

    public Transport transport() {
        return transport;
    }

    public Pki pki() {
        return pki;
    }

    public ControlChannel controlChannel() {
        return controlChannel;
    }

    public DataChannel dataChannel() {
        return dataChannel;
    }

    public Network network() {
        return network;
    }

    public ServerOptions server() {
        return server;
    }

    public Liveness liveness() {
        return liveness;
    }

    public ClientOptions client() {
        return client;
    }

    public Renegotiation renegotiation() {
        return renegotiation;
    }

    public Scripts scripts() {
        return scripts;
    }

    public ProcessOptions process() {
        return process;
    }

    /** Whether two configurations mean the same to the engine: equal typed models and verbosity. */
    public boolean sameModelAs(OpenVpnConfig o) {
        return mode == o.mode && device.equals(o.device) && transport.equals(o.transport) && pki.equals(o.pki)
                && controlChannel.equals(o.controlChannel) && dataChannel.equals(o.dataChannel)
                && network.equals(o.network) && server.equals(o.server) && liveness.equals(o.liveness)
                && client.equals(o.client) && renegotiation.equals(o.renegotiation) && scripts.equals(o.scripts)
                && process.equals(o.process) && verb() == o.verb()
                && workingDirectory.equals(o.workingDirectory);
    }
}
