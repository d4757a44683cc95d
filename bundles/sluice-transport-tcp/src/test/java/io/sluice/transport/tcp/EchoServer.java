package io.sluice.transport.tcp;

import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.StreamTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An acceptor whose connections send every packet straight back, from the I/O thread. */
final class EchoServer implements StreamTransport.Acceptor {

    final BlockingQueue<PacketLink> accepted = new LinkedBlockingQueue<>();
    final Map<PacketLink, RecordingReceiver> receivers = new ConcurrentHashMap<>();

    @Override
    public PacketReceiver accepted(PacketLink connection) {
        RecordingReceiver receiver = new RecordingReceiver() {
            @Override
            public void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
                try {
                    link.send(packet, from);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        receivers.put(connection, receiver);
        accepted.add(connection);
        return receiver;
    }

    PacketLink nextAccepted() throws InterruptedException {
        PacketLink link = accepted.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (link == null) {
            throw new AssertionError("no connection accepted within " + RecordingReceiver.TIMEOUT_SECONDS + " s");
        }
        return link;
    }
}
