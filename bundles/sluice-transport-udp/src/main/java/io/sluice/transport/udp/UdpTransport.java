package io.sluice.transport.udp;

import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP transport service. Each {@link #bind} is an independent link with its own socket
 * and I/O thread; the service only remembers open links so that stopping the bundle closes
 * them instead of leaving threads running code of an uninstalled bundle.
 */
@Component(service = DatagramTransport.class, property = DatagramTransport.NAME + "=udp")
public final class UdpTransport implements DatagramTransport {

    /** How long stopping waits for each link's I/O thread; the thread only has to notice its closed socket. */
    private static final long STOP_WAIT_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

    private final Set<UdpLink> links = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * Binds {@code local} and starts its I/O thread.
     *
     * @throws UnsupportedOperationException when {@code options} asks for {@code mark} or
     *                                       {@code bind-dev}, which this transport cannot set
     * @throws IOException                   when the address cannot be bound
     */
    @Override
    public PacketLink bind(InetSocketAddress local, LinkOptions options, PacketReceiver receiver) throws IOException {
        if (stopped) {
            throw new IOException("UDP transport stopped");
        }
        UdpLink link = UdpLink.open(local, options, receiver, links::remove);
        links.add(link);
        link.start();
        if (stopped) {
            // Lost a race with deactivate(): do not leave this one behind.
            link.close();
            throw new IOException("UDP transport stopped");
        }
        return link;
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        List<UdpLink> open = List.copyOf(links);
        open.forEach(UdpLink::close);
        for (UdpLink link : open) {
            try {
                if (!link.awaitStopped(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("{}: I/O thread still running after {} s", link, STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Links bound and not yet stopped. */
    int openLinks() {
        return links.size();
    }
}
