package io.sluice.core.data;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;

/**
 * Toy contexts that allocate nothing (and protect nothing): they let a test see whether the
 * engine's own code allocates per packet, which the JDK's Cipher would hide.
 */
final class AllocationFreeCrypto {

    static final CipherSpec TOY_AEAD = new CipherSpec("TOY-AEAD", CipherMode.AEAD, 16, 12, 1, 16);
    static final CipherSpec TOY_CBC = new CipherSpec("TOY-CBC", CipherMode.CBC, 16, 16, 16, 0);
    static final DigestSpec TOY_DIGEST = new DigestSpec("TOY", 32);

    private AllocationFreeCrypto() {
    }

    /** XORs each byte with the nonce's last byte; the tag is a running sum over aad and plaintext. */
    static CipherContext aead(boolean encrypt) {
        return new CipherContext() {
            private final byte[] expected = new byte[16];

            @Override
            public CipherSpec spec() {
                return TOY_AEAD;
            }

            @Override
            public boolean encrypting() {
                return encrypt;
            }

            @Override
            public int encrypt(byte[] iv, ByteBuffer aad, ByteBuffer plaintext, ByteBuffer out, ByteBuffer tag) {
                int sum = sum(aad);
                int n = plaintext.remaining();
                while (plaintext.hasRemaining()) {
                    byte b = plaintext.get();
                    sum += b;
                    out.put((byte) (b ^ iv[iv.length - 1]));
                }
                for (int i = 0; i < 16; i++) {
                    tag.put((byte) (sum + i));
                }
                return n;
            }

            @Override
            public int decrypt(byte[] iv, ByteBuffer aad, ByteBuffer ciphertext, ByteBuffer tag, ByteBuffer out)
                    throws AEADBadTagException {
                int sum = sum(aad);
                int n = ciphertext.remaining();
                int at = out.position();
                while (ciphertext.hasRemaining()) {
                    byte b = (byte) (ciphertext.get() ^ iv[iv.length - 1]);
                    sum += b;
                    out.put(b);
                }
                for (int i = 0; i < 16; i++) {
                    expected[i] = (byte) (sum + i);
                }
                for (int i = 0; i < 16; i++) {
                    if (tag.get() != expected[i]) {
                        out.position(at);
                        throw BAD_TAG;
                    }
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Copies with PKCS#7 padding, XORed with the IV's first byte. */
    static CipherContext cbc(boolean encrypt) {
        return new CipherContext() {
            @Override
            public CipherSpec spec() {
                return TOY_CBC;
            }

            @Override
            public boolean encrypting() {
                return encrypt;
            }

            @Override
            public int encrypt(byte[] iv, ByteBuffer aad, ByteBuffer plaintext, ByteBuffer out, ByteBuffer tag) {
                int n = plaintext.remaining();
                int pad = 16 - n % 16;
                while (plaintext.hasRemaining()) {
                    out.put((byte) (plaintext.get() ^ iv[0]));
                }
                for (int i = 0; i < pad; i++) {
                    out.put((byte) (pad ^ iv[0]));
                }
                return n + pad;
            }

            @Override
            public int decrypt(byte[] iv, ByteBuffer aad, ByteBuffer ciphertext, ByteBuffer tag, ByteBuffer out)
                    throws BadPaddingException {
                int at = out.position();
                while (ciphertext.hasRemaining()) {
                    out.put((byte) (ciphertext.get() ^ iv[0]));
                }
                int pad = out.get(out.position() - 1);
                if (pad < 1 || pad > 16) {
                    throw BAD_PADDING;
                }
                out.position(out.position() - pad);
                return out.position() - at;
            }

            @Override
            public void close() {
            }
        };
    }

    /** A 32-byte running checksum. */
    static HmacContext hmac() {
        return new HmacContext() {
            private int sum;

            @Override
            public DigestSpec spec() {
                return TOY_DIGEST;
            }

            @Override
            public void update(ByteBuffer data) {
                while (data.hasRemaining()) {
                    sum = sum * 31 + data.get();
                }
            }

            @Override
            public void update(byte[] data, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    sum = sum * 31 + data[offset + i];
                }
            }

            @Override
            public void finish(byte[] out, int offset) {
                for (int i = 0; i < 32; i++) {
                    out[offset + i] = (byte) (sum >>> (i % 4 * 8));
                }
                sum = 0;
            }

            @Override
            public void close() {
            }
        };
    }

    // Preallocated: a toy that allocated its exceptions would defeat the point.
    private static final AEADBadTagException BAD_TAG = new AEADBadTagException("toy tag mismatch");
    private static final BadPaddingException BAD_PADDING = new BadPaddingException("toy padding");

    private static int sum(ByteBuffer aad) {
        int sum = 0;
        while (aad.hasRemaining()) {
            sum += aad.get();
        }
        return sum;
    }
}
