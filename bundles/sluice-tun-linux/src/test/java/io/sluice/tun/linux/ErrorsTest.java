package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void messageNamesTheOperationTheErrnoAndTheKernelsText() {
        assertEquals("add route 10.99.0.0/24 dev tun0: File exists (errno 17)",
                Errors.message("add route 10.99.0.0/24 dev tun0", 17, "File exists", ""));
        assertEquals("add route 10.0.0.0/8 via 10.9.9.9 dev tun0: Network is unreachable (errno 101): Nexthop has invalid gateway",
                Errors.message("add route 10.0.0.0/8 via 10.9.9.9 dev tun0", 101, "Network is unreachable",
                        "Nexthop has invalid gateway"));
        assertEquals("x: error (errno 5)", Errors.message("x", 5, null, null));
    }
}
