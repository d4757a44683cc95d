package io.sluice.crypto.bc;

import io.sluice.api.crypto.CipherContext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Whole packets through a CBC context as arrays, for tests that compare bytes. */
final class Cbc {

    static final int BLOCK = 8;

    private Cbc() {
    }

    static byte[] encrypt(CipherContext context, byte[] iv, byte[] plaintext) throws GeneralSecurityException {
        ByteBuffer out = ByteBuffer.allocate(paddedLength(plaintext.length));
        context.encrypt(iv, null, ByteBuffer.wrap(plaintext), out, null);
        return Arrays.copyOf(out.array(), out.position());
    }

    static byte[] decrypt(CipherContext context, byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
        ByteBuffer out = ByteBuffer.allocate(ciphertext.length);
        context.decrypt(iv, null, ByteBuffer.wrap(ciphertext), null, out);
        return Arrays.copyOf(out.array(), out.position());
    }

    /** The ciphertext length of a plaintext: the next whole block, a whole block of padding included. */
    static int paddedLength(int plaintextLength) {
        return (plaintextLength / BLOCK + 1) * BLOCK;
    }

    /** Recognisable bytes: byte i is seed + 3 i. */
    static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed + 3 * i);
        }
        return bytes;
    }

    /** A distinct IV per packet number. */
    static byte[] iv(int packet) {
        byte[] iv = bytes(BLOCK, 0x5A);
        iv[0] = (byte) (packet >>> 8);
        iv[1] = (byte) packet;
        return iv;
    }
}
