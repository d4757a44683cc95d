package io.sluice.transport.tcp;

import java.time.Duration;

/**
 * The TCP transport's validated settings; see {@link TcpTransportConfig} for what each is.
 */
record TcpSettings(int ioThreads, int maxPacketLength, int queuePackets, int queueBytes,
                   Duration connectTimeout, int backlog, boolean tcpNoDelay) {

    /** The smallest write queue: one frame of the largest packet the prefix can carry. */
    static final int MIN_QUEUE_BYTES = FrameDecoder.PREFIX_LENGTH + FrameDecoder.MAX_WIRE_LENGTH;

    TcpSettings {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("io.threads must be at least 1");
        }
        if (maxPacketLength < 1 || maxPacketLength > FrameDecoder.MAX_WIRE_LENGTH) {
            throw new IllegalArgumentException("max.packet.length must be 1 to " + FrameDecoder.MAX_WIRE_LENGTH);
        }
        if (queuePackets < 1) {
            throw new IllegalArgumentException("tcp.queue.limit must be at least 1");
        }
        if (queueBytes < MIN_QUEUE_BYTES) {
            throw new IllegalArgumentException("write.queue.bytes must be at least " + MIN_QUEUE_BYTES);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect.timeout must be positive");
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("listen.backlog must be at least 1");
        }
    }

    /** The defaults of {@link TcpTransportConfig}, with {@code ioThreads} I/O threads. */
    static TcpSettings defaults(int ioThreads) {
        return new TcpSettings(ioThreads, FrameDecoder.MAX_WIRE_LENGTH, 64, 131_072, Duration.ofSeconds(120), 32, true);
    }

    static TcpSettings from(TcpTransportConfig config) {
        int threads = config.io_threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.io_threads();
        return new TcpSettings(threads, config.max_packet_length(), config.tcp_queue_limit(),
                config.write_queue_bytes(), Duration.ofSeconds(config.connect_timeout()),
                config.listen_backlog(), config.tcp_nodelay());
    }

    TcpSettings withMaxPacketLength(int length) {
        return new TcpSettings(ioThreads, length, queuePackets, queueBytes, connectTimeout, backlog, tcpNoDelay);
    }

    TcpSettings withConnectTimeout(Duration timeout) {
        return new TcpSettings(ioThreads, maxPacketLength, queuePackets, queueBytes, timeout, backlog, tcpNoDelay);
    }
}
