package io.sluice.core.testing;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunDevice;
import io.sluice.api.tun.TunDriver;
import io.sluice.api.tun.TunRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TUN driver whose one device is two queues: what the engine writes reaches the "host"
 * ({@link #toHost}), what the test puts in {@link #fromHost} the engine reads. Opening it again
 * after a close gives the same device, emptied of addresses and routes, as a new kernel device.
 */
public final class MemoryTun implements TunDriver, TunDevice {

    public final LinkedBlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    public final LinkedBlockingQueue<byte[]> fromHost = new LinkedBlockingQueue<>();
    public final List<IfAddress> addresses = new CopyOnWriteArrayList<>();
    public final List<Route> routes = new CopyOnWriteArrayList<>();
    private volatile boolean open;
    private volatile boolean up;
    private volatile int mtu = 1500;

    @Override
    public boolean supports(DeviceType type) {
        return type == DeviceType.TUN;
    }

    @Override
    public TunDevice open(TunRequest request) {
        addresses.clear();
        routes.clear();
        up = false;
        open = true;
        return this;
    }

    @Override
    public String name() {
        return "mem0";
    }

    @Override
    public DeviceType type() {
        return DeviceType.TUN;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public int read(ByteBuffer dst) {
        while (open) {
            try {
                byte[] p = fromHost.poll(50, TimeUnit.MILLISECONDS);
                if (p != null) {
                    dst.put(p);
                    return p.length;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    @Override
    public void write(ByteBuffer packet) {
        byte[] p = new byte[packet.remaining()];
        packet.get(p);
        toHost.add(p);
    }

    @Override
    public void setMtu(int mtu) {
        this.mtu = mtu;
    }

    @Override
    public void addAddress(IfAddress address) {
        addresses.add(address);
    }

    @Override
    public void removeAddress(IfAddress address) {
        addresses.remove(address);
    }

    @Override
    public void setUp(boolean up) {
        this.up = up;
    }

    public boolean isUp() {
        return up;
    }

    @Override
    public void addRoute(Route route) {
        routes.add(route);
    }

    @Override
    public void removeRoute(Route route) {
        routes.remove(route);
    }

    @Override
    public void close() {
        open = false;
    }
}
