package io.sluice.core.keys;

import java.util.Objects;

/**
 * What the two peers contribute to a PRF key expansion: the randoms each sends in its key
 * method 2 message and the control-channel session ids (ssl_common.h {@code struct key_source};
 * ssl.c {@code key_method_2_write}).
 *
 * <p>Only the client sends a pre-master secret. Arrays are copied in and out, so a holder can
 * be zeroed with {@link #destroy()} once the keys are derived.
 *
 * @param preMaster       the client's 48-byte pre-master secret
 * @param clientRandom1   the client's 32-byte random for the master secret
 * @param clientRandom2   the client's 32-byte random for the key expansion
 * @param serverRandom1   the server's 32-byte random for the master secret
 * @param serverRandom2   the server's 32-byte random for the key expansion
 * @param clientSessionId the client's 8-byte control-channel session id
 * @param serverSessionId the server's 8-byte control-channel session id
 */
public record PrfKeySource(byte[] preMaster,
                           byte[] clientRandom1, byte[] clientRandom2,
                           byte[] serverRandom1, byte[] serverRandom2,
                           byte[] clientSessionId, byte[] serverSessionId) {

    /** ssl_common.h {@code key_source.pre_master[48]}. */
    public static final int PRE_MASTER_LENGTH = 48;
    /** ssl_common.h {@code key_source.random1[32]} and {@code random2[32]}. */
    public static final int RANDOM_LENGTH = 32;
    /** session_id.h {@code SID_SIZE}: a control-channel session id is 8 bytes. */
    public static final int SESSION_ID_LENGTH = 8;

    public PrfKeySource {
        preMaster = copy(preMaster, PRE_MASTER_LENGTH, "preMaster");
        clientRandom1 = copy(clientRandom1, RANDOM_LENGTH, "clientRandom1");
        clientRandom2 = copy(clientRandom2, RANDOM_LENGTH, "clientRandom2");
        serverRandom1 = copy(serverRandom1, RANDOM_LENGTH, "serverRandom1");
        serverRandom2 = copy(serverRandom2, RANDOM_LENGTH, "serverRandom2");
        clientSessionId = copy(clientSessionId, SESSION_ID_LENGTH, "clientSessionId");
        serverSessionId = copy(serverSessionId, SESSION_ID_LENGTH, "serverSessionId");
    }

    @Override
    public byte[] preMaster() {
        return preMaster.clone();
    }

    @Override
    public byte[] clientRandom1() {
        return clientRandom1.clone();
    }

    @Override
    public byte[] clientRandom2() {
        return clientRandom2.clone();
    }

    @Override
    public byte[] serverRandom1() {
        return serverRandom1.clone();
    }

    @Override
    public byte[] serverRandom2() {
        return serverRandom2.clone();
    }

    @Override
    public byte[] clientSessionId() {
        return clientSessionId.clone();
    }

    @Override
    public byte[] serverSessionId() {
        return serverSessionId.clone();
    }

    /** Zeroes the secrets held here. */
    public void destroy() {
        java.util.Arrays.fill(preMaster, (byte) 0);
        java.util.Arrays.fill(clientRandom1, (byte) 0);
        java.util.Arrays.fill(clientRandom2, (byte) 0);
        java.util.Arrays.fill(serverRandom1, (byte) 0);
        java.util.Arrays.fill(serverRandom2, (byte) 0);
    }

    @Override
    public String toString() {
        // Never print key material.
        return "PrfKeySource[secret]";
    }

    private static byte[] copy(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, not " + value.length);
        }
        return value.clone();
    }
}
