package io.sluice.crypto.jce;

import io.sluice.api.crypto.CipherContext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** One packet through a context on heap buffers, for tests that compare bytes. */
final class Packets {

    /** Ciphertext and (AEAD only) tag. */
    record Sealed(byte[] ciphertext, byte[] tag) {
    }

    private Packets() {
    }

    static Sealed seal(CipherContext context, byte[] iv, byte[] aad, byte[] plaintext) throws GeneralSecurityException {
        int tagLength = context.spec().tagLength();
        ByteBuffer out = ByteBuffer.allocate(plaintext.length + context.spec().blockSize());
        ByteBuffer tag = tagLength > 0 ? ByteBuffer.allocate(tagLength) : null;
        int n = context.encrypt(iv, aad == null ? null : ByteBuffer.wrap(aad), ByteBuffer.wrap(plaintext), out, tag);
        return new Sealed(Arrays.copyOf(out.array(), n), tag == null ? null : tag.array());
    }

    static byte[] open(CipherContext context, byte[] iv, byte[] aad, Sealed sealed) throws GeneralSecurityException {
        ByteBuffer out = ByteBuffer.allocate(sealed.ciphertext().length);
        int n = context.decrypt(iv, aad == null ? null : ByteBuffer.wrap(aad), ByteBuffer.wrap(sealed.ciphertext()),
                sealed.tag() == null ? null : ByteBuffer.wrap(sealed.tag()), out);
        return Arrays.copyOf(out.array(), n);
    }

    /** A distinct, recognisable nonce or IV per packet number. */
    static byte[] iv(int length, int packet) {
        byte[] iv = new byte[length];
        for (int i = 0; i < length; i++) {
            iv[i] = (byte) (0xA0 + i);
        }
        iv[0] = (byte) (packet >>> 24);
        iv[1] = (byte) (packet >>> 16);
        iv[2] = (byte) (packet >>> 8);
        iv[3] = (byte) packet;
        return iv;
    }

    /** Recognisable bytes: byte i is i + seed. */
    static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i + seed);
        }
        return bytes;
    }
}
