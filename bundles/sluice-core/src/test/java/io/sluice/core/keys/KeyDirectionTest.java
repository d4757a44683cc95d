package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyDirectionTest {

    @Test
    void tlsClientSendsWithKey0AndServerWithKey1() {
        assertEquals(0, KeyDirection.forTls(false).sendKey());
        assertEquals(1, KeyDirection.forTls(false).receiveKey());
        assertEquals(1, KeyDirection.forTls(true).sendKey());
        assertEquals(0, KeyDirection.forTls(true).receiveKey());
    }

    @Test
    void staticKeyDirectionsMapAsOpenVpnReadsThem() {
        assertEquals(KeyDirection.BIDIRECTIONAL, KeyDirection.forStaticKey(null));
        assertEquals(KeyDirection.NORMAL, KeyDirection.forStaticKey("0"));
        assertEquals(KeyDirection.INVERSE, KeyDirection.forStaticKey("1"));
        assertEquals(0, KeyDirection.BIDIRECTIONAL.sendKey());
        assertEquals(0, KeyDirection.BIDIRECTIONAL.receiveKey());
    }

    @Test
    void anyOtherStaticKeyDirectionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyDirection.forStaticKey("2"));
        assertThrows(IllegalArgumentException.class, () -> KeyDirection.forStaticKey(""));
    }
}
