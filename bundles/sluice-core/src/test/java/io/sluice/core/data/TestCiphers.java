package io.sluice.core.data;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only {@link CipherProvider} on the JDK's {@link Cipher}, standing in for the real
 * provider bundle. It allocates freely; only the engine's own code is held to no allocation.
 */
public final class TestCiphers implements CipherProvider {

    public static final CipherSpec AES_128_GCM = new CipherSpec("AES-128-GCM", CipherMode.AEAD, 16, 12, 1, 16);
    public static final CipherSpec AES_256_GCM = new CipherSpec("AES-256-GCM", CipherMode.AEAD, 32, 12, 1, 16);
    public static final CipherSpec AES_128_CBC = new CipherSpec("AES-128-CBC", CipherMode.CBC, 16, 16, 16, 0);
    public static final CipherSpec AES_256_CBC = new CipherSpec("AES-256-CBC", CipherMode.CBC, 32, 16, 16, 0);
    public static final CipherSpec CHACHA20_POLY1305 =
            new CipherSpec("CHACHA20-POLY1305", CipherMode.AEAD, 32, 12, 1, 16);

    private static final Map<String, CipherSpec> SPECS = Map.of(
            AES_128_GCM.name(), AES_128_GCM, AES_256_GCM.name(), AES_256_GCM,
            AES_128_CBC.name(), AES_128_CBC, AES_256_CBC.name(), AES_256_CBC,
            CHACHA20_POLY1305.name(), CHACHA20_POLY1305);

    @Override
    public Set<String> ciphers() {
        return SPECS.keySet();
    }

    @Override
    public Optional<CipherSpec> spec(String name) {
        return Optional.ofNullable(SPECS.get(name.toUpperCase(Locale.ROOT)));
    }

    @Override
    public CipherContext create(String name, byte[] key, boolean encrypt) throws GeneralSecurityException {
        CipherSpec spec = spec(name).orElseThrow(() -> new NoSuchAlgorithmException(name));
        if (key.length != spec.keyLength()) {
            throw new java.security.InvalidKeyException("key length " + key.length);
        }
        boolean chacha = spec == CHACHA20_POLY1305;
        return new JceContext(spec, new SecretKeySpec(key.clone(), chacha ? "ChaCha20" : "AES"), encrypt);
    }

    private static final class JceContext implements CipherContext {
        private final CipherSpec spec;
        private final boolean encrypt;
        private SecretKeySpec key;
        private final Cipher cipher;

        JceContext(CipherSpec spec, SecretKeySpec key, boolean encrypt) throws GeneralSecurityException {
            this.spec = spec;
            this.key = key;
            this.encrypt = encrypt;
            this.cipher = Cipher.getInstance(spec == CHACHA20_POLY1305 ? "ChaCha20-Poly1305"
                    : spec.mode() == CipherMode.AEAD ? "AES/GCM/NoPadding" : "AES/CBC/PKCS5Padding");
        }

        @Override
        public CipherSpec spec() {
            return spec;
        }

        @Override
        public boolean encrypting() {
            return encrypt;
        }

        private void init(byte[] iv) throws GeneralSecurityException {
            if (key == null) {
                throw new IllegalStateException("closed");
            }
            int mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
            if (spec == CHACHA20_POLY1305) {
                cipher.init(mode, key, new IvParameterSpec(iv.clone()));
            } else if (spec.mode() == CipherMode.AEAD) {
                cipher.init(mode, key, new GCMParameterSpec(spec.tagLength() * 8, iv.clone()));
            } else {
                cipher.init(mode, key, new IvParameterSpec(iv.clone()));
            }
        }

        @Override
        public int encrypt(byte[] iv, ByteBuffer aad, ByteBuffer plaintext, ByteBuffer out, ByteBuffer tag)
                throws GeneralSecurityException {
            init(iv);
            if (spec.mode() != CipherMode.AEAD) {
                return cipher.doFinal(plaintext, out);
            }
            cipher.updateAAD(aad);
            byte[] in = new byte[plaintext.remaining()];
            plaintext.get(in);
            byte[] sealed = cipher.doFinal(in);
            int n = sealed.length - spec.tagLength();
            out.put(sealed, 0, n);
            tag.put(sealed, n, spec.tagLength());
            return n;
        }

        @Override
        public int decrypt(byte[] iv, ByteBuffer aad, ByteBuffer ciphertext, ByteBuffer tag, ByteBuffer out)
                throws GeneralSecurityException {
            init(iv);
            if (spec.mode() != CipherMode.AEAD) {
                return cipher.doFinal(ciphertext, out);
            }
            cipher.updateAAD(aad);
            byte[] sealed = new byte[ciphertext.remaining() + tag.remaining()];
            int n = ciphertext.remaining();
            ciphertext.get(sealed, 0, n);
            tag.get(sealed, n, spec.tagLength());
            byte[] plain = cipher.doFinal(sealed);
            out.put(plain);
            return plain.length;
        }

        @Override
        public void close() {
            key = null;
        }
    }
}
