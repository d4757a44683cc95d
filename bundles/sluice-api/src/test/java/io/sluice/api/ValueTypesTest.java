package io.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.auth.AuthRequest;
import io.sluice.api.auth.AuthResult;
import io.sluice.api.cert.CheckResult;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.event.TunnelEvent;
import io.sluice.api.event.TunnelEventType;
import io.sluice.api.pool.AddressRange;
import io.sluice.api.pool.PoolSpec;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API's value types are immutable and refuse values that make no sense. */
class ValueTypesTest {

    @Test
    void cipherSpecNormalisesNameAndTiesTagToAead() {
        CipherSpec gcm = new CipherSpec("aes-256-gcm", CipherMode.AEAD, 32, 12, 1, 16);
        assertEquals("AES-256-GCM", gcm.name());
        assertFalse(gcm.needsHmac());
        assertTrue(new CipherSpec("BF-CBC", CipherMode.CBC, 16, 8, 8, 0).needsHmac());
        assertThrows(IllegalArgumentException.class, () -> new CipherSpec("X", CipherMode.AEAD, 32, 12, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CipherSpec("X", CipherMode.CBC, 16, 16, 16, 16));
    }

    @Test
    void tunRequestRejectsBadNamesAndMtus() {
        assertEquals(1500, new TunRequest(Optional.of("tun7"), DeviceType.TUN, 1500).mtu());
        assertThrows(IllegalArgumentException.class, () -> new TunRequest(Optional.of("a/b"), DeviceType.TUN, 1500));
        assertThrows(IllegalArgumentException.class,
                () -> new TunRequest(Optional.of("much-too-long-name"), DeviceType.TUN, 1500));
        assertThrows(IllegalArgumentException.class, () -> new TunRequest(Optional.empty(), DeviceType.TAP, 20));
    }

    @Test
    void addressesAndRoutesCheckPrefixAgainstFamily() throws Exception {
        InetAddress v4 = InetAddress.getByName("10.8.0.1");
        InetAddress v6 = InetAddress.getByName("fd18::1");
        new IfAddress(v6, 64, Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new IfAddress(v4, 33, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new IfAddress(v4, 32, Optional.of(v6)));
        assertThrows(IllegalArgumentException.class, () -> new Route(v4, 40, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class, () -> new Route(v4, 24, Optional.empty(), -1));
    }

    @Test
    void rangeAndPoolValidate() throws Exception {
        AddressRange r = new AddressRange(InetAddress.getByName("10.8.0.2"), InetAddress.getByName("10.8.0.253"));
        assertEquals(BigInteger.valueOf(252), r.size());
        assertThrows(IllegalArgumentException.class,
                () -> new AddressRange(InetAddress.getByName("10.8.0.9"), InetAddress.getByName("10.8.0.1")));
        assertThrows(IllegalArgumentException.class,
                () -> new PoolSpec("p", List.of(r), 2, Optional.empty(), Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class,
                () -> new PoolSpec("p", List.of(), 1, Optional.empty(), Duration.ofMinutes(10)));
    }

    @Test
    void collectionsAreCopiedSoCallersCannotChangeThem() {
        List<String> args = new ArrayList<>(List.of("tun0"));
        Map<String, String> env = new HashMap<>(Map.of("dev", "tun0"));
        TunnelEvent e = new TunnelEvent(TunnelEventType.UP, "server", args, env);
        args.add("1500");
        env.put("x", "y");
        assertEquals(List.of("tun0"), e.arguments());
        assertEquals(Map.of("dev", "tun0"), e.environment());
        assertThrows(UnsupportedOperationException.class, () -> e.arguments().add("z"));
    }

    @Test
    void authRequestNeverPrintsThePassword() {
        AuthRequest req = new AuthRequest("server", "alice", "s3cret", Optional.empty(),
                new InetSocketAddress("198.18.0.2", 1194), Map.of());
        assertFalse(req.toString().contains("s3cret"));
        assertTrue(AuthResult.accept() instanceof AuthResult.Accept);
        assertTrue(AuthResult.reject("nope") instanceof AuthResult.Reject);
    }

    @Test
    void onlyClientConnectCanVetoAndScriptTypesMatchOpenVpn() {
        assertTrue(TunnelEventType.CLIENT_CONNECT.vetoable());
        assertFalse(TunnelEventType.UP.vetoable());
        assertEquals("learn-address", TunnelEventType.LEARN_ADDRESS.scriptType());
        assertThrows(IllegalArgumentException.class, () -> CheckResult.reject(" "));
    }
}
