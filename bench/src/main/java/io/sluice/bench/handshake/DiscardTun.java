package io.sluice.bench.handshake;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunDevice;
import io.sluice.api.tun.TunDriver;
import io.sluice.api.tun.TunRequest;
import java.nio.ByteBuffer;

/**
 * A TUN driver whose devices take whatever the engine configures and writes and never produce a
 * packet: a handshake needs a device to apply the pushed set-up to, not a kernel one, and a
 * thousand sessions in one process could not each have a kernel one.
 */
final class DiscardTun implements TunDriver {

    @Override
    public boolean supports(DeviceType type) {
        return type == DeviceType.TUN;
    }

    @Override
    public TunDevice open(TunRequest request) {
        return new Device();
    }

    private static final class Device implements TunDevice {

        private volatile int mtu = 1500;

        @Override
        public String name() {
            return "discard";
        }

        @Override
        public DeviceType type() {
            return DeviceType.TUN;
        }

        @Override
        public int mtu() {
            return mtu;
        }

        /**
         * End of stream at once: the engine's TUN reader thread ends quietly, so a session costs
         * the generator no thread for a device that never has a packet (10,000 sessions in one
         * process would otherwise need 10,000 more threads than the system's pid limit allows).
         */
        @Override
        public int read(ByteBuffer dst) {
            return -1;
        }

        @Override
        public void write(ByteBuffer packet) {
            packet.position(packet.limit());
        }

        @Override
        public void setMtu(int mtu) {
            this.mtu = mtu;
        }

        @Override
        public void addAddress(IfAddress address) {
        }

        @Override
        public void removeAddress(IfAddress address) {
        }

        @Override
        public void setUp(boolean up) {
        }

        @Override
        public void addRoute(Route route) {
        }

        @Override
        public void removeRoute(Route route) {
        }

        @Override
        public void close() {
        }
    }
}
