package io.sluice.tun.linux;

import java.nio.ByteBuffer;

/**
 * The length an IP packet says it has, from its own header: how a TUN read notices that the buffer
 * was too small. The kernel copies what fits and returns that count (drivers/net/tun.c,
 * tun_put_user), so a truncated packet looks like a short one; only its header tells.
 */
final class IpLength {

    private IpLength() {
    }

    /**
     * The length claimed by the IPv4 or IPv6 header starting at {@code from}, of which {@code n} bytes
     * are present; -1 if the header is incomplete or not IP (then nothing can be said).
     */
    static int claimed(ByteBuffer b, int from, int n) {
        if (n < 1) {
            return -1;
        }
        int version = (b.get(from) & 0xf0) >>> 4;
        if (version == 4 && n >= 4) {
            return Short.toUnsignedInt(b.getShort(from + 2)); // total length, header included (RFC 791)
        }
        if (version == 6 && n >= 6) {
            return 40 + Short.toUnsignedInt(b.getShort(from + 4)); // fixed header + payload length (RFC 8200)
        }
        return -1;
    }

    /** True if the IP header at {@code from} claims more than the {@code n} bytes read. */
    static boolean truncated(ByteBuffer b, int from, int n) {
        return claimed(b, from, n) > n;
    }
}
