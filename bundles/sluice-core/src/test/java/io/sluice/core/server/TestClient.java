package io.sluice.core.server;

import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.ControlText;
import io.sluice.core.control.ControlTextParser;
import io.sluice.core.control.KeyMethod2Message;
import io.sluice.core.control.Parsed;
import io.sluice.core.control.PullFilters;
import io.sluice.core.control.PushReplyAssembler;
import io.sluice.core.data.DataFraming;
import io.sluice.core.data.EncryptStatus;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.session.ControlSession;
import io.sluice.core.session.KeyState;
import io.sluice.core.session.SessionRole;
import io.sluice.core.session.SessionSettings;
import io.sluice.core.time.Clock;
import io.sluice.core.testing.TestCrypto;
import io.sluice.core.tls.TestPki;
import io.sluice.core.tls.TlsEndpointFactory;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.tunnel.DataKeys;
import io.sluice.core.tunnel.KeyInstaller;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.OuterHeader;
import io.sluice.core.wire.RejectCounters;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The least an OpenVPN 2.6 client does, built from the engine's own pieces, for testing the
 * server in memory: hard reset, TLS, key method 2 with a 2.6 client's peer info, PUSH_REPLY,
 * keys from the pushed cipher and peer id, data packets. Everything runs on one thread.
 */
final class TestClient implements ControlSession.Listener, AutoCloseable {

    /** Where the client talks from; a test can move it (NAT rebinding). */
    volatile InetSocketAddress address;
    final List<String> texts = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<byte[]> tunnel = new LinkedBlockingQueue<>();
    volatile List<String> pushed;
    volatile boolean keysInstalled;

    private final MemoryUdp udp;
    private final String peerInfo;
    private final CryptoProviders crypto;
    private final Clock clock = Clock.system();
    private final ExecutorService thread;
    private final ControlCodec codec = ControlCodec.plain(new RejectCounters());
    private final DataKeys keys = new DataKeys();
    private final OuterHeader header = new OuterHeader();
    private final ControlTextParser parser = new ControlTextParser(new ControlRejectCounters());
    private final PushReplyAssembler assembler = new PushReplyAssembler(PullFilters.NONE, new ControlRejectCounters());
    private final SessionSettings settings;
    private ControlSession session;
    private volatile boolean running = true;
    /** Work for the client's thread, run between datagrams (its session is not thread-safe). */
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();

    TestClient(int port, MemoryUdp udp, TestPki.Issued cert, TestPki.Authority ca, String ivCiphers,
               CryptoProviders crypto) {
        this.address = new InetSocketAddress("198.18.0.2", port);
        this.udp = udp;
        this.crypto = crypto;
        this.peerInfo = "IV_VER=2.6.14\nIV_PLAT=linux\nIV_TCPNL=1\nIV_MTU=1600\nIV_NCP=2\nIV_CIPHERS=" + ivCiphers
                + "\nIV_PROTO=990\n";
        this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-client-" + port));
        SecureRandom random = new SecureRandom();
        TlsSettings tls = TlsSettings.builder("client").trustAnchors(List.of(ca.certificate()))
                .credentials(cert.chain(), cert.key()).build();
        this.settings = SessionSettings.defaults(SessionRole.CLIENT,
                TlsEndpointFactory.client(tls, java.time.Clock.fixed(TestPki.NOW, ZoneOffset.UTC), random), random);
    }

    TestClient start() {
        thread.execute(() -> session = ControlSession.client(settings, codec, this, new ControlRejectCounters(),
                clock.nanos()));
        thread.execute(this::loop);
        return this;
    }

    private void loop() {
        ByteBuffer plain = ByteBuffer.allocate(70000);
        while (running) {
            byte[] datagram;
            try {
                datagram = udp.queueFor(address).poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            Runnable command;
            while ((command = commands.poll()) != null) {
                command.run();
            }
            long now = clock.nanos();
            if (datagram != null) {
                ByteBuffer packet = ByteBuffer.wrap(datagram);
                if (!header.parse(packet)) {
                    continue;
                }
                if (header.opcode().name().startsWith("P_DATA")) {
                    plain.clear();
                    if (keys.decrypt(header.keyId(), packet, plain) == DataKeys.Opened.OK) {
                        byte[] p = new byte[plain.remaining()];
                        plain.get(p);
                        tunnel.add(p);
                    }
                } else {
                    Decoded<ControlMessage> decoded = codec.decode(packet);
                    if (decoded.isOk()) {
                        session.receive(decoded.value(), now);
                    }
                }
            }
            session.tick(now);
        }
    }

    /** Seals a tunnel packet and sends it to the server, on the client's thread. */
    void send(byte[] ipPacket) throws Exception {
        onClientThread(() -> {
            ByteBuffer out = ByteBuffer.allocate(ipPacket.length + 128);
            if (keys.encrypt(ByteBuffer.wrap(ipPacket), out) == EncryptStatus.OK) {
                out.flip();
                byte[] datagram = new byte[out.remaining()];
                out.get(datagram);
                udp.fromClient(address, datagram);
            }
        });
    }

    /** The client's address changes, as behind a NAT that rebinds its port. */
    void moveTo(int port) {
        address = new InetSocketAddress(address.getAddress(), port);
    }

    /** Sends a control-channel text (EXIT, PUSH_REQUEST) on the client's thread. */
    void sendText(String text) throws Exception {
        onClientThread(() -> session.sendText(text, clock.nanos()));
    }

    private void onClientThread(Runnable task) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        commands.add(() -> {
            task.run();
            done.complete(null);
        });
        done.get(5, TimeUnit.SECONDS);
    }

    /** A raw datagram to the server, as if this client sent it (garbage tests). */
    void sendRaw(byte[] datagram) {
        udp.fromClient(address, datagram);
    }

    @Override
    public void transmit(ByteBuffer packet) {
        byte[] copy = new byte[packet.remaining()];
        packet.get(copy);
        udp.fromClient(address, copy);
    }

    @Override
    public ControlSession.LocalKeyMethod localKeyMethod(KeyState key) {
        return new ControlSession.LocalKeyMethod("V4,dev-type tun,link-mtu 1559,tun-mtu 1500,proto UDPv4,cipher "
                + "AES-256-GCM,auth [null-digest],keysize 256,key-method 2,tls-client", Optional.empty(),
                Optional.empty(), Optional.of(peerInfo));
    }

    @Override
    public Optional<String> keyMethodReceived(KeyState key, KeyMethod2Message message) {
        return Optional.empty();
    }

    @Override
    public void keyActive(KeyState key) {
    }

    @Override
    public void keyFailed(KeyState key, String reason) {
        texts.add("KEY FAILED: " + reason);
    }

    @Override
    public void keyRetired(KeyState key) {
        keys.retire(key.keyId());
    }

    @Override
    public void controlText(KeyState key, String text) {
        texts.add(text);
        Parsed<ControlText> parsed = parser.parse(text);
        if (parsed.isOk() && parsed.value() instanceof ControlText.PushReply reply) {
            assembler.accept(reply);
            if (assembler.isComplete()) {
                List<String> options = assembler.result().options();
                pushed = options;
                install(key, options);
            }
        }
    }

    private void install(KeyState key, List<String> options) {
        String cipher = value(options, "cipher").orElse("AES-256-GCM");
        int peerId = value(options, "peer-id").map(Integer::parseInt).orElse(-1);
        boolean ekm = options.stream().anyMatch(o -> o.startsWith("protocol-flags") && o.contains("tls-ekm"))
                || options.contains("key-derivation tls-ekm");
        KeyInstaller installer = new KeyInstaller(cipher, "SHA1", ekm, false, 64, 15);
        DataFraming framing = peerId >= 0 ? DataFraming.v2(key.keyId(), peerId) : DataFraming.v1(key.keyId());
        try {
            installer.install(key, framing, keys, crypto, clock, new SecureRandom());
            keysInstalled = true;
        } catch (Exception e) {
            texts.add("INSTALL FAILED: " + e);
        }
    }

    private static Optional<String> value(List<String> options, String name) {
        return options.stream().filter(o -> o.startsWith(name + " ")).map(o -> o.substring(name.length() + 1))
                .findFirst();
    }

    @Override
    public void close() {
        running = false;
        thread.shutdownNow();
    }

    /** A crypto-provider view over the tests' JCE-backed cipher and digest providers. */
    static CryptoProviders testCrypto() {
        return TestCrypto.providers();
    }
}
