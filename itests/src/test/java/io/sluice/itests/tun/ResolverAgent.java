package io.sluice.itests.tun;

import io.sluice.api.dns.HostResolver;
import io.sluice.api.dns.NameServer;
import io.sluice.api.dns.ResolverChange;
import io.sluice.api.dns.ResolverSettings;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The child JVM a {@link ResolverIT} runs inside a test namespace (never in the root namespace, and
 * always through {@code ip netns exec}, so that its {@code /etc/resolv.conf} is the namespace's own
 * file bind-mounted over the host's): it drives the Linux {@link HostResolver} and plays DNS servers,
 * on commands read line by line from a FIFO, printing results and then {@code OK <command>} or
 * {@code ERR <command>: <exception>}.
 *
 * <p>Usage: {@code ResolverAgent <control-fifo>}. Commands:
 * <ul>
 * <li>{@code pid}: prints {@code PID <pid>};</li>
 * <li>{@code plan}: prints {@code PLAN <what the next first change would do>}, changing nothing;</li>
 * <li>{@code apply DEV SERVERS SEARCH RESOLVE}: comma-separated lists, {@code -} for none; applies
 *     them as OpenVPN 2.7 would ({@link ResolverSettings#of}) and prints {@code CHANGE <n> <describe>};</li>
 * <li>{@code revert N}: reverts change N;</li>
 * <li>{@code show}: prints {@code FILE <base64 of /etc/resolv.conf as this process sees it>};</li>
 * <li>{@code dns ADDRESS ANSWER}: answers DNS queries on ADDRESS port 53 (UDP): every A query with
 *     ANSWER, others with no data; prints {@code QUERY ADDRESS TYPE NAME} for each;</li>
 * <li>{@code resolve NAME}: looks NAME up as every program does (getaddrinfo through the JDK) and
 *     prints {@code RESOLVED NAME ADDRESS};</li>
 * <li>{@code exit}.</li>
 * </ul>
 */
public final class ResolverAgent {

    /** Loaded by name so the implementation stays behind the API, as in OSGi. */
    static final String RESOLVER_CLASS = "io.sluice.tun.linux.LinuxHostResolver";

    private final HostResolver resolver;
    private final List<ResolverChange> changes = new ArrayList<>();

    private ResolverAgent(HostResolver resolver) {
        this.resolver = resolver;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.out.println("usage: ResolverAgent <control-fifo>");
            System.exit(64);
        }
        HostResolver resolver = (HostResolver) Class.forName(RESOLVER_CLASS).getConstructor().newInstance();
        new ResolverAgent(resolver).serve(args[0]);
    }

    private void serve(String fifo) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new FileInputStream(fifo), StandardCharsets.UTF_8))) {
            System.out.println("READY");
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.equals("exit")) {
                    System.out.println("OK exit");
                    System.exit(0);
                }
                try {
                    execute(line);
                    System.out.println("OK " + line);
                } catch (Exception e) {
                    System.out.println("ERR " + line + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private void execute(String line) throws Exception {
        List<String> w = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        String cmd = w.remove(0);
        switch (cmd) {
            case "pid" -> System.out.println("PID " + ProcessHandle.current().pid());
            case "plan" -> System.out.println("PLAN " + resolver.getClass().getMethod("plan").invoke(resolver));
            case "apply" -> {
                List<NameServer> servers = new ArrayList<>();
                for (String s : list(w.get(1))) {
                    servers.add(NameServer.of(literal(s)));
                }
                ResolverChange c = resolver.apply(ResolverSettings.of(w.get(0), servers, list(w.get(2)), list(w.get(3))));
                changes.add(c);
                System.out.println("CHANGE " + (changes.size() - 1) + " " + c.describe());
            }
            case "revert" -> changes.get(Integer.parseInt(w.get(0))).revert();
            case "show" -> System.out.println("FILE " + Base64.getEncoder().encodeToString(
                    Files.readAllBytes(Path.of("/etc/resolv.conf"))));
            case "dns" -> serveDns(literal(w.get(0)), literal(w.get(1)));
            case "resolve" -> System.out.println("RESOLVED " + w.get(0) + " "
                    + InetAddress.getByName(w.get(0)).getHostAddress());
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        }
    }

    private static List<String> list(String s) {
        return s.equals("-") ? List.of() : List.of(s.split(","));
    }

    private static InetAddress literal(String s) throws IOException {
        if (!s.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + s); // never resolve names here
        }
        return InetAddress.getByName(s);
    }

    /** A minimal authoritative DNS server (RFC 1035) for one address, on a daemon thread. */
    private static void serveDns(InetAddress address, InetAddress answer) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 53));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[512];
            while (true) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] reply = reply(Arrays.copyOf(p.getData(), p.getLength()), answer, address.getHostAddress());
                    if (reply != null) {
                        socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (IOException | RuntimeException e) {
                    System.out.println("DNSERROR " + address.getHostAddress() + " " + e);
                }
            }
        }, "dns-" + address.getHostAddress());
        t.setDaemon(true);
        t.start();
    }

    /** The answer to one query: A with {@code answer} for A/IN, no data otherwise; null for garbage. */
    static byte[] reply(byte[] query, InetAddress answer, String server) {
        if (query.length < 12 || (query[2] & 0x80) != 0 || ((query[4] & 0xff) << 8 | (query[5] & 0xff)) != 1) {
            return null;
        }
        int i = 12;
        StringBuilder name = new StringBuilder();
        while (i < query.length && query[i] != 0) {
            int len = query[i] & 0xff;
            if (len > 63 || i + 1 + len > query.length) {
                return null;
            }
            name.append(name.length() == 0 ? "" : ".").append(new String(query, i + 1, len, StandardCharsets.US_ASCII));
            i += 1 + len;
        }
        if (i + 5 > query.length) {
            return null;
        }
        int type = (query[i + 1] & 0xff) << 8 | (query[i + 2] & 0xff);
        int cls = (query[i + 3] & 0xff) << 8 | (query[i + 4] & 0xff);
        int questionEnd = i + 5;
        boolean a = type == 1 && cls == 1;
        System.out.println("QUERY " + server + " " + (type == 1 ? "A" : type == 28 ? "AAAA" : "TYPE" + type) + " " + name);
        ByteBuffer out = ByteBuffer.allocate(questionEnd + (a ? 16 : 0));
        out.put(query, 0, 2);                                   // id
        out.put((byte) (0x84 | (query[2] & 0x01)));             // QR, AA, RD as asked
        out.put((byte) 0x80);                                   // RA, NOERROR
        out.putShort((short) 1).putShort((short) (a ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        out.put(query, 12, questionEnd - 12);
        if (a) {
            out.putShort((short) 0xc00c).putShort((short) 1).putShort((short) 1).putInt(0).putShort((short) 4);
            out.put(answer.getAddress());
        }
        return out.array();
    }
}
