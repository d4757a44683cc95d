package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpSettingsTest {

    /** A configuration as DS builds it: the annotation's defaults, overridden by {@code values}. */
    private static TcpTransportConfig config(Map<String, Object> values) {
        return (TcpTransportConfig) Proxy.newProxyInstance(TcpTransportConfig.class.getClassLoader(),
                new Class<?>[] {TcpTransportConfig.class}, (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void theConfigurationDefaultsAreOpenVpnsDefaults() {
        TcpSettings settings = TcpSettings.from(config(Map.of("io_threads", 3)));
        assertEquals(TcpSettings.defaults(3), settings);
        assertEquals(64, settings.queuePackets(), "--tcp-queue-limit");
        assertEquals(Duration.ofSeconds(120), settings.connectTimeout(), "--connect-timeout");
        assertEquals(32, settings.backlog(), "OpenVPN's listen() backlog");
        assertEquals(65_535, settings.maxPacketLength(), "all the 2-byte prefix can say");
    }

    @Test
    void zeroIoThreadsMeansOnePerProcessor() {
        assertEquals(Runtime.getRuntime().availableProcessors(), TcpSettings.from(config(Map.of())).ioThreads());
    }

    @Test
    void refusesValuesTheTransportCannotWorkWith() {
        assertThrows(IllegalArgumentException.class,
                () -> TcpSettings.from(config(Map.of("max_packet_length", 65_536))));
        assertThrows(IllegalArgumentException.class,
                () -> TcpSettings.from(config(Map.of("max_packet_length", 0))));
        assertThrows(IllegalArgumentException.class,
                () -> TcpSettings.from(config(Map.of("write_queue_bytes", 65_536))));
        assertThrows(IllegalArgumentException.class,
                () -> TcpSettings.from(config(Map.of("tcp_queue_limit", 0))));
        assertThrows(IllegalArgumentException.class,
                () -> TcpSettings.from(config(Map.of("connect_timeout", 0))));
        assertThrows(IllegalArgumentException.class,
                () -> TcpSettings.from(config(Map.of("io_threads", -1))));
    }
}
