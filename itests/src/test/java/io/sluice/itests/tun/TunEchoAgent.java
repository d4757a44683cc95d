package io.sluice.itests.tun;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunDevice;
import io.sluice.api.tun.TunDriver;
import io.sluice.api.tun.TunRequest;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM a {@link TunDriverIT} runs inside a test namespace (never in the root namespace): it
 * opens one device with the Linux driver, answers ICMP/ICMPv6 echo requests read from it, and
 * executes commands read line by line from a FIFO, printing {@code OK <command>} or
 * {@code ERR <command>: <exception>} for each.
 *
 * <p>Usage: {@code TunEchoAgent <tun|tap> <name|-> <mtu> <control-fifo> [heap]}; {@code -} asks the
 * kernel to pick the name ({@code dev tun}), {@code heap} reads and writes through heap buffers.
 *
 * <p>Commands: {@code mtu N}, {@code up}, {@code down}, {@code addr A/P [peer B]},
 * {@code deladdr A/P [peer B]}, {@code route N/P [via G] [metric M]}, {@code delroute ...},
 * {@code stats}, {@code close} (closes the device and reports how the reader ended, while this JVM
 * keeps running so the test sees that close() alone removed the interface), {@code exit}.
 */
public final class TunEchoAgent {

    /** Loaded by name so the driver stays an implementation detail behind the API, as in OSGi. */
    static final String DRIVER_CLASS = "io.sluice.tun.linux.LinuxTunDriver";

    private final TunDevice device;
    private final boolean heap;
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong others = new AtomicLong();
    private volatile String readerEnd = "running";

    private TunEchoAgent(TunDevice device, boolean heap) {
        this.device = device;
        this.heap = heap;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.out.println("usage: TunEchoAgent <tun|tap> <name|-> <mtu> <control-fifo> [heap]");
            System.exit(64);
        }
        DeviceType type = DeviceType.valueOf(args[0].toUpperCase(Locale.ROOT));
        Optional<String> name = args[1].equals("-") ? Optional.empty() : Optional.of(args[1]);
        int mtu = Integer.parseInt(args[2]);
        boolean heap = args.length > 4 && args[4].equals("heap");

        TunDriver driver = (TunDriver) Class.forName(DRIVER_CLASS).getConstructor().newInstance();
        TunDevice device;
        try {
            device = driver.open(new TunRequest(name, type, mtu));
        } catch (IOException | RuntimeException e) {
            System.out.println("OPEN_FAILED " + e);
            System.exit(2);
            return;
        }
        System.out.println("OPENED name=" + device.name() + " type=" + device.type() + " mtu=" + device.mtu());
        TunEchoAgent agent = new TunEchoAgent(device, heap);
        Thread reader = new Thread(agent::echo, "tun-reader");
        reader.setDaemon(true);
        reader.start();
        agent.serve(args[3], reader);
    }

    /** Reads packets until read returns -1, answering echo requests. */
    private void echo() {
        ByteBuffer buf = heap ? ByteBuffer.allocate(65536) : ByteBuffer.allocateDirect(65536);
        try {
            while (true) {
                buf.clear();
                int n = device.read(buf);
                if (n < 0) {
                    readerEnd = "returned-1";
                    return;
                }
                buf.flip();
                if (IcmpEcho.toReply(buf)) {
                    device.write(buf);
                    replies.incrementAndGet();
                } else {
                    others.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            readerEnd = "failed:" + e;
            System.out.println("READER_ERROR " + e);
        }
    }

    private void serve(String fifo, Thread reader) throws Exception {
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
                    execute(line, reader);
                    System.out.println("OK " + line);
                } catch (Exception e) {
                    System.out.println("ERR " + line + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private void execute(String line, Thread reader) throws Exception {
        List<String> w = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        String cmd = w.remove(0);
        switch (cmd) {
            case "mtu" -> device.setMtu(Integer.parseInt(w.get(0)));
            case "up" -> device.setUp(true);
            case "down" -> device.setUp(false);
            case "addr" -> device.addAddress(address(w));
            case "deladdr" -> device.removeAddress(address(w));
            case "route" -> device.addRoute(route(w));
            case "delroute" -> device.removeRoute(route(w));
            case "stats" -> System.out.println("STATS replies=" + replies.get() + " other=" + others.get()
                    + " mtu=" + device.mtu());
            case "close" -> {
                device.close();
                reader.join(5000);
                String readAfter = Integer.toString(device.read(ByteBuffer.allocateDirect(100)));
                String writeAfter;
                try {
                    device.write(ByteBuffer.allocateDirect(20));
                    writeAfter = "accepted";
                } catch (IOException e) {
                    writeAfter = e.getClass().getSimpleName();
                }
                System.out.println("CLOSED reader=" + readerEnd + " readerAlive=" + reader.isAlive()
                        + " readAfter=" + readAfter + " writeAfter=" + writeAfter);
            }
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        }
    }

    /** {@code 10.9.0.1/24} or {@code 10.9.0.1/32 peer 10.9.0.2}. */
    private static IfAddress address(List<String> w) throws IOException {
        String[] cidr = w.get(0).split("/");
        Optional<InetAddress> peer = Optional.empty();
        if (w.size() >= 3 && w.get(1).equals("peer")) {
            peer = Optional.of(literal(w.get(2)));
        }
        return new IfAddress(literal(cidr[0]), Integer.parseInt(cidr[1]), peer);
    }

    /** {@code 10.99.0.0/24 [via 10.9.0.2] [metric 7]}. */
    private static Route route(List<String> w) throws IOException {
        String[] cidr = w.get(0).split("/");
        Optional<InetAddress> via = Optional.empty();
        int metric = 0;
        for (int i = 1; i + 1 < w.size(); i += 2) {
            switch (w.get(i)) {
                case "via" -> via = Optional.of(literal(w.get(i + 1)));
                case "metric" -> metric = Integer.parseInt(w.get(i + 1));
                default -> throw new IllegalArgumentException("unknown route word " + w.get(i));
            }
        }
        return new Route(literal(cidr[0]), Integer.parseInt(cidr[1]), via, metric);
    }

    private static InetAddress literal(String s) throws IOException {
        if (!s.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + s); // never resolve names
        }
        return InetAddress.getByName(s);
    }
}
