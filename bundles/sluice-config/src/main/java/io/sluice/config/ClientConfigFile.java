package io.sluice.config;

import io.sluice.config.internal.Addresses;
import io.sluice.config.internal.CcdReader;
import io.sluice.config.internal.ConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One {@code client-config-dir} file: the options a server applies to one client, read the way
 * OpenVPN 2.6 reads them (multi.c {@code multi_client_connect_source_ccd}, options.c) and typed.
 *
 * <p><b>Which file.</b> {@link #read(Path, String)} looks for the file named after the client's
 * common name ({@link #fileNameFor}), and when there is none for {@value #DEFAULT_FILE}; a client
 * with neither gets {@link Optional#empty()} (with {@code ccd-exclusive} the server then refuses
 * it). An empty file is a file: it counts as found. With {@code ccd-exclusive} only the client's
 * own file admits it: OpenVPN (ssl_verify.c) refuses a client whose own file is missing even when
 * {@value #DEFAULT_FILE} exists, and a client whose common name is {@value #DEFAULT_FILE}; so
 * admit exactly when {@code read} returns a file that is not {@link #isDefaultFile()}.
 *
 * <p><b>What it may say.</b> {@code ifconfig-push}, {@code ifconfig-ipv6-push}, {@code iroute},
 * {@code iroute-ipv6}, {@code push}, {@code push-reset}, {@code push-remove} and {@code disable}.
 * Other options OpenVPN allows in these files are reported by name as not supported by Sluice
 * yet (or dropped with a warning when written {@code setenv opt NAME ...}); options OpenVPN does
 * not allow there, inline blocks and {@code config} are refused. Addresses must be literal:
 * unlike OpenVPN, Sluice does not resolve host names here (parsing never touches the network).
 * Every error is one line, {@code ccd/alice:3: option 'iroute': what is wrong}; OpenVPN would
 * log it and ignore the line, Sluice refuses the file, so the client is never admitted with half
 * of its settings.
 *
 * <p><b>How options combine.</b> {@code ifconfig-push} and {@code ifconfig-ipv6-push}: the last
 * one counts. {@code iroute}/{@code iroute-ipv6}: all of them, in order. {@code push},
 * {@code push-reset} and {@code push-remove} edit the list the server would push, in file order
 * ({@link #pushEdits()}). {@code disable}: the client is refused.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientConfigFile {

    /** The file OpenVPN reads for a client that has no file of its own. */
    public static final String DEFAULT_FILE = "DEFAULT";

    /**
     * {@code ifconfig-push local remote-netmask [alias]}: the client's fixed IPv4 address and, by
     * topology, the netmask ({@code subnet}) or the server-side peer address ({@code net30},
     * {@code p2p}); {@code alias} is the client's own view of {@code local} behind NAT.
     */
    public record IfconfigPush(Inet4Address local, Inet4Address remoteOrNetmask, Optional<Inet4Address> alias,
                               OptionLine line) {
        public IfconfigPush {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remoteOrNetmask, "remoteOrNetmask");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(line, "line");
        }

        /**
         * What is wrong with these addresses under the server's topology, if anything: with
         * {@code subnet} the second must be a netmask and {@code local} a host of that subnet;
         * with {@code net30} both must be the two host addresses of one /30 (as Windows clients
         * require); with {@code p2p} they must differ. Report it with
         * {@link ConfigException#at(OptionLine, String)} on {@link #line()}.
         */
        public Optional<String> problemFor(Topology topology) {
            long a = value(local);
            long b = value(remoteOrNetmask);
            switch (topology) {
                case SUBNET -> {
                    OptionalInt bits = Addresses.netmaskBits(b);
                    if (bits.isEmpty() || bits.getAsInt() == 0 || bits.getAsInt() > 30) {
                        return Optional.of("with topology subnet the second address must be a netmask from /1 to"
                                + " /30, not " + text(remoteOrNetmask));
                    }
                    long host = a & ~b & 0xffffffffL;
                    if (host == 0 || host == (~b & 0xffffffffL)) {
                        return Optional.of(text(local) + " is the network or broadcast address of its /"
                                + bits.getAsInt());
                    }
                    return Optional.empty();
                }
                case NET30 -> {
                    boolean sameBlock = (a & ~3L) == (b & ~3L);
                    boolean hosts = (a & 3) != 0 && (a & 3) != 3 && (b & 3) != 0 && (b & 3) != 3;
                    if (!sameBlock || !hosts || a == b) {
                        return Optional.of("with topology net30 the two addresses must be the two host addresses"
                                + " of one /30 (such as 10.8.0.5 10.8.0.6), not " + text(local) + " "
                                + text(remoteOrNetmask));
                    }
                    return Optional.empty();
                }
                default -> {
                    return a == b ? Optional.of("the local and remote addresses are the same") : Optional.empty();
                }
            }
        }
    }

    /**
     * {@code ifconfig-ipv6-push address/bits [remote]}: the client's fixed IPv6 address with its
     * prefix length (/64 when not written, as OpenVPN reads it) and the server-side address; when
     * {@code remote} is absent the server uses its own {@code ifconfig-ipv6} address, and must
     * refuse the client if it has none (as OpenVPN does).
     */
    public record IfconfigIpv6Push(Inet6Address local, int prefixLength, Optional<Inet6Address> remote,
                                   OptionLine line) {
        public IfconfigIpv6Push {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(line, "line");
        }
    }

    /** {@code iroute network [netmask]}: an IPv4 subnet behind the client (host route without netmask). */
    public record Iroute(Inet4Address network, int prefixLength, OptionLine line) {
        public Iroute {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(line, "line");
        }
    }

    /** {@code iroute-ipv6 network/bits}: an IPv6 subnet behind the client (/64 when not written). */
    public record IrouteIpv6(Inet6Address network, int prefixLength, OptionLine line) {
        public IrouteIpv6 {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * One change to the options the server pushes to this client, applied in order to the
     * server's own push list (push.c):
     * <ul>
     *   <li>{@link Kind#PUSH}: {@code argument} is appended;</li>
     *   <li>{@link Kind#RESET}: the list is emptied (the server's pushes and earlier ones here);</li>
     *   <li>{@link Kind#REMOVE}: every option starting with {@code argument} is dropped, except
     *       that {@code ifconfig} and {@code ifconfig-ipv6} exactly stop the client's address from
     *       being pushed instead.</li>
     * </ul>
     */
    public record PushEdit(Kind kind, String argument, OptionLine line) {

        /** What the edit does. */
        public enum Kind { PUSH, RESET, REMOVE }

        public PushEdit {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(line, "line");
        }
    }

    private final String fileName;
    private final boolean defaultFile;
    private final List<OptionLine> lines;
    private final List<String> warnings;
    private final boolean disabled;
    private final Optional<IfconfigPush> ifconfigPush;
    private final Optional<IfconfigIpv6Push> ifconfigIpv6Push;
    private final List<Iroute> iroutes;
    private final List<IrouteIpv6> iroutesIpv6;
    private final List<PushEdit> pushEdits;

    private ClientConfigFile(String fileName, boolean defaultFile, List<OptionLine> lines, List<String> warnings, boolean disabled,
            Optional<IfconfigPush> ifconfigPush, Optional<IfconfigIpv6Push> ifconfigIpv6Push, List<Iroute> iroutes,
            List<IrouteIpv6> iroutesIpv6, List<PushEdit> pushEdits) {
        this.fileName = fileName;
        this.defaultFile = defaultFile;
        this.lines = List.copyOf(lines);
        this.warnings = List.copyOf(warnings);
        this.disabled = disabled;
        this.ifconfigPush = ifconfigPush;
        this.ifconfigIpv6Push = ifconfigIpv6Push;
        this.iroutes = List.copyOf(iroutes);
        this.iroutesIpv6 = List.copyOf(iroutesIpv6);
        this.pushEdits = List.copyOf(pushEdits);
    }

    /**
     * Parses a client's file.
     *
     * @param text     the file's content
     * @param fileName the file as messages name it, e.g. {@code ccd/alice}
     * @throws ConfigException for the first line that OpenVPN would refuse or Sluice cannot apply
     */
    public static ClientConfigFile parse(String text, String fileName) throws ConfigException {
        return parse(text, fileName, false);
    }

    private static ClientConfigFile parse(String text, String fileName, boolean defaultFile) throws ConfigException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fileName, "fileName");
        CcdReader.Lines read = CcdReader.read(text, fileName);
        List<String> warnings = new ArrayList<>(read.warnings());
        boolean disabled = false;
        Optional<IfconfigPush> v4 = Optional.empty();
        Optional<IfconfigIpv6Push> v6 = Optional.empty();
        List<Iroute> iroutes = new ArrayList<>();
        List<IrouteIpv6> iroutes6 = new ArrayList<>();
        List<PushEdit> edits = new ArrayList<>();
        for (OptionLine l : read.options()) {
            switch (l.name()) {
                case "disable" -> disabled = true;
                case "ifconfig-push" -> v4 = Optional.of(ifconfigPush(l));
                case "ifconfig-ipv6-push" -> {
                    v6 = Optional.of(ifconfigIpv6Push(l));
                    // options.c: ifconfig-ipv6-push clears an earlier 'push-remove ifconfig-ipv6'.
                    edits.removeIf(e -> e.kind() == PushEdit.Kind.REMOVE && e.argument().equals("ifconfig-ipv6"));
                }
                case "iroute" -> iroutes.add(iroute(l, warnings));
                case "iroute-ipv6" -> iroutes6.add(irouteIpv6(l, warnings));
                case "push" -> edits.add(new PushEdit(PushEdit.Kind.PUSH, pushed(l), l));
                case "push-reset" -> edits.add(new PushEdit(PushEdit.Kind.RESET, "", l));
                case "push-remove" -> edits.add(new PushEdit(PushEdit.Kind.REMOVE, l.args().get(0), l));
                default -> throw new IllegalStateException("CcdReader passed an option it does not support: "
                        + l.name());
            }
        }
        return new ClientConfigFile(fileName, defaultFile, read.options(), warnings, disabled, v4, v6, iroutes, iroutes6, edits);
    }

    /**
     * The file name OpenVPN 2.6 looks for a common name under (platform.c
     * {@code platform_gen_path}): each byte of the name's UTF-8 form that is not printable ASCII,
     * and each {@code /}, becomes {@code _}. Empty for {@code .} and {@code ..}, which name no
     * client's file.
     */
    public static Optional<String> fileNameFor(String commonName) {
        byte[] bytes = commonName.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(bytes.length);
        for (byte x : bytes) {
            b.append(x >= 0x20 && x <= 0x7e && x != '/' ? (char) x : '_');
        }
        String name = b.toString();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? Optional.empty() : Optional.of(name);
    }

    /**
     * Reads the client's file from {@code directory} (the {@code client-config-dir}, resolved by
     * the caller): the file for {@code commonName}, else {@value #DEFAULT_FILE}, else empty.
     * Messages name the file as {@code directory.resolve(name)}.
     *
     * @throws ConfigException when the file exists but cannot be read, is not a regular file, is
     *     larger than OpenVPN-sized configuration files may be, or does not parse
     */
    public static Optional<ClientConfigFile> read(Path directory, String commonName) throws ConfigException {
        Optional<String> own = fileNameFor(commonName);
        for (String name : own.isPresent() ? List.of(own.get(), DEFAULT_FILE) : List.of(DEFAULT_FILE)) {
            Path file = directory.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            String shown = file.toString();
            if (!Files.isRegularFile(file)) {
                throw ConfigException.forFile(shown, "not a regular file");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(ConfigReader.MAX_FILE_BYTES + 1);
            } catch (NoSuchFileException e) {
                continue; // removed between the check and the read: as if never there
            } catch (IOException e) {
                throw ConfigException.forFile(shown, "cannot read: " + e.getMessage());
            }
            if (bytes.length > ConfigReader.MAX_FILE_BYTES) {
                throw ConfigException.forFile(shown, "larger than " + ConfigReader.MAX_FILE_BYTES + " bytes");
            }
            return Optional.of(parse(decode(bytes), shown, name.equals(DEFAULT_FILE)));
        }
        return Optional.empty();
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    private static IfconfigPush ifconfigPush(OptionLine l) throws ConfigException {
        Inet4Address local = usableIpv4(l, l.args().get(0));
        Inet4Address remote = usableIpv4(l, l.args().get(1));
        Optional<Inet4Address> alias = l.argCount() > 2 ? Optional.of(usableIpv4(l, l.args().get(2)))
                : Optional.empty();
        return new IfconfigPush(local, remote, alias, l);
    }

    private static IfconfigIpv6Push ifconfigIpv6Push(OptionLine l) throws ConfigException {
        Addresses.Ipv6Net net = Addresses.parseIpv6Net(l.args().get(0));
        int bits = net.bits() < 0 ? 64 : net.bits();
        if (bits < 64 || bits > 124) {
            // The client refuses a pushed 'ifconfig-ipv6' outside /64../124 (options.c).
            throw ConfigException.at(l, "/bits must be between 64 and 124 (OpenVPN clients refuse other prefix"
                    + " lengths), not /" + bits);
        }
        Optional<Inet6Address> remote = l.argCount() > 1
                ? Optional.of(ipv6(Addresses.parseIpv6(l.args().get(1)))) : Optional.empty();
        return new IfconfigIpv6Push(ipv6(net.address()), bits, remote, l);
    }

    private static Iroute iroute(OptionLine l, List<String> warnings) throws ConfigException {
        OptionalLong network = Addresses.parseIpv4(l.args().get(0));
        if (network.isEmpty()) {
            throw ConfigException.at(l, "'" + l.args().get(0) + "' is not an IPv4 network address");
        }
        int bits = 32;
        if (l.argCount() > 1) {
            OptionalInt maskBits = Addresses.netmaskBits(Addresses.parseIpv4(l.args().get(1)).getAsLong());
            if (maskBits.isEmpty()) {
                throw ConfigException.at(l, "'" + l.args().get(1) + "' is not a netmask (its one bits must be"
                        + " contiguous)");
            }
            bits = maskBits.getAsInt();
        }
        long masked = network.getAsLong() & Addresses.maskOf(bits);
        if (masked != network.getAsLong()) {
            warnings.add(ConfigException.at(l, l.args().get(0) + "/" + bits + " has host bits set; routing "
                    + Addresses.formatIpv4(masked) + "/" + bits).getMessage());
        }
        return new Iroute(ipv4(masked), bits, l);
    }

    private static IrouteIpv6 irouteIpv6(OptionLine l, List<String> warnings) {
        Addresses.Ipv6Net net = Addresses.parseIpv6Net(l.args().get(0));
        int bits = net.bits() < 0 ? 64 : net.bits();
        byte[] masked = net.address().clone();
        for (int i = 0; i < 16; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            masked[i] &= (byte) (0xff00 >> keep);
        }
        if (!java.util.Arrays.equals(masked, net.address())) {
            warnings.add(ConfigException.at(l, l.args().get(0) + (net.bits() < 0 ? "/64" : "")
                    + " has host bits set; routing " + Addresses.formatIpv6(masked) + "/" + bits).getMessage());
        }
        return new IrouteIpv6(ipv6(masked), bits, l);
    }

    /**
     * A pushed option as it will travel in PUSH_REPLY: commas separate options there (push.c
     * refuses them: "illegal comma (',') in string"), and control characters cannot be sent.
     */
    private static String pushed(OptionLine l) throws ConfigException {
        String option = l.args().get(0);
        if (option.isBlank()) {
            throw ConfigException.at(l, "nothing to push");
        }
        if (option.indexOf(',') >= 0) {
            throw ConfigException.at(l, "a pushed option cannot contain a comma (commas separate the options of"
                    + " a push reply)");
        }
        for (int i = 0; i < option.length(); i++) {
            if (Character.isISOControl(option.charAt(i))) {
                throw ConfigException.at(l, "a pushed option cannot contain control characters");
            }
        }
        return option;
    }

    private static Inet4Address usableIpv4(OptionLine l, String text) throws ConfigException {
        OptionalLong v = Addresses.parseIpv4(text);
        if (v.isEmpty()) {
            throw ConfigException.at(l, "'" + text + "' is not an IPv4 address (Sluice does not resolve host names"
                    + " in client-config-dir files)");
        }
        if (v.getAsLong() == 0) {
            throw ConfigException.at(l, "0.0.0.0 is not a usable address");
        }
        return ipv4(v.getAsLong());
    }

    private static Inet4Address ipv4(long value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Inet6Address ipv6(byte[] bytes) {
        try {
            // Inet6Address.getByAddress keeps IPv4-mapped addresses IPv6 (InetAddress's would not).
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("sixteen bytes are always an IPv6 address", e);
        }
    }

    private static long value(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    private static String text(Inet4Address a) {
        return a.getHostAddress();
    }

    /** The file as messages name it. */
    public String fileName() {
        return fileName;
    }

    /**
     * Whether {@link #read} found {@value #DEFAULT_FILE} (the client has no file of its own, or is
     * named {@value #DEFAULT_FILE}); never for {@link #parse}. With {@code ccd-exclusive} such a
     * client is refused.
     */
    public boolean isDefaultFile() {
        return defaultFile;
    }

    /** The options applied, in file order (those dropped under {@code setenv opt} are not here). */
    public List<OptionLine> lines() {
        return lines;
    }

    /** What was dropped or adjusted, one line each, in the format of {@link ConfigException} messages. */
    public List<String> warnings() {
        return warnings;
    }

    /** {@code disable}: the server must refuse this client. */
    public boolean disabled() {
        return disabled;
    }

    /** The last {@code ifconfig-push}, if any. */
    public Optional<IfconfigPush> ifconfigPush() {
        return ifconfigPush;
    }

    /** The last {@code ifconfig-ipv6-push}, if any. */
    public Optional<IfconfigIpv6Push> ifconfigIpv6Push() {
        return ifconfigIpv6Push;
    }

    /** Every {@code iroute}, in order, host bits cleared. */
    public List<Iroute> iroutes() {
        return iroutes;
    }

    /** Every {@code iroute-ipv6}, in order, host bits cleared. */
    public List<IrouteIpv6> iroutesIpv6() {
        return iroutesIpv6;
    }

    /**
     * The {@code push}, {@code push-reset} and {@code push-remove} lines as edits, in file order
     * (a {@code push-remove ifconfig-ipv6} before an {@code ifconfig-ipv6-push} is left out, as
     * OpenVPN lets the later address lift that block).
     */
    public List<PushEdit> pushEdits() {
        return pushEdits;
    }

    @Override
    public String toString() {
        return "ClientConfigFile[" + fileName + ", " + lines.size() + " options]";
    }
}
