package io.sluice.api.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1:1194",
        "::, [::]:1194",
        "::1, [::1]:1194",
        "2001:db8:0:0:0:0:0:1, [2001:db8::1]:1194",
        "2001:db8:0:0:1:0:0:1, [2001:db8::1:0:0:1]:1194",
        "2001:0:0:1:0:0:0:1, [2001:0:0:1::1]:1194",
        "2001:db8:0:1:1:1:1:1, [2001:db8:0:1:1:1:1:1]:1194",
        "1:0:0:0:0:0:0:0, [1::]:1194",
        "FD18:0:0:0:0:0:0:AB, [fd18::ab]:1194",
    })
    void writesAddressesInTheirShortestUsualForm(String ip, String expected) throws Exception {
        assertEquals(expected, SocketAddresses.format(new InetSocketAddress(InetAddress.getByName(ip), 1194)));
    }
}
