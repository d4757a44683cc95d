package io.sluice.core.keys;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only {@link DigestProvider} on the JDK's {@link Mac}, standing in for the real provider
 * bundle. Optionally refuses some digests, to play a FIPS-restricted provider.
 */
public final class TestDigests implements DigestProvider {

    private static final Map<String, String> JCE = Map.of(
            "MD5", "HmacMD5", "SHA1", "HmacSHA1", "SHA256", "HmacSHA256", "SHA512", "HmacSHA512");
    private static final Map<String, Integer> LENGTHS = Map.of("MD5", 16, "SHA1", 20, "SHA256", 32, "SHA512", 64);

    private final Set<String> refused;

    public TestDigests(String... refused) {
        this.refused = Set.of(refused);
    }

    @Override
    public Set<String> digests() {
        return JCE.keySet();
    }

    @Override
    public Optional<DigestSpec> spec(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return Optional.ofNullable(LENGTHS.get(n)).filter(l -> !refused.contains(n)).map(l -> new DigestSpec(n, l));
    }

    /** The spec of a digest this class offers. */
    public static DigestSpec specOf(String name) {
        return new TestDigests().spec(name).orElseThrow();
    }

    @Override
    public HmacContext createHmac(String name, byte[] key) throws GeneralSecurityException {
        DigestSpec spec = spec(name).orElseThrow(() -> new NoSuchAlgorithmException(name + " not offered"));
        Mac mac = Mac.getInstance(JCE.get(spec.name()));
        mac.init(new SecretKeySpec(key.clone(), "HMAC"));
        return new HmacContext() {
            @Override
            public DigestSpec spec() {
                return spec;
            }

            @Override
            public void update(ByteBuffer data) {
                mac.update(data);
            }

            @Override
            public void update(byte[] data, int offset, int length) {
                mac.update(data, offset, length);
            }

            @Override
            public void finish(byte[] out, int offset) {
                try {
                    mac.doFinal(out, offset);
                } catch (javax.crypto.ShortBufferException e) {
                    throw new IllegalArgumentException(e);
                }
            }

            @Override
            public void close() {
                // JCE keeps no handle that needs releasing.
            }
        };
    }
}
