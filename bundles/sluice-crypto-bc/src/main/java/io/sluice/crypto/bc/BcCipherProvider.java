package io.sluice.crypto.bc;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link CipherProvider} service for the 64-bit-block CBC ciphers the JDK lacks: BF-CBC,
 * DES-EDE3-CBC and CAST5-CBC, through Bouncy Castle's lightweight API.
 *
 * <p>Unlike the JCE provider, nothing needs probing: the ciphers are plain Java inside bcprov,
 * which this bundle imports, so they run wherever the bundle resolves. The names are therefore
 * known at build time and DS registers the service with them itself. Configuration Admin can
 * override {@code service.ranking} (and add properties) under this component's name, as for any
 * DS component.
 */
@Component(service = CipherProvider.class, property = {
        CipherProvider.CIPHERS + "=" + BcCipher.BF_CBC,
        CipherProvider.CIPHERS + "=" + BcCipher.DES_EDE3_CBC,
        CipherProvider.CIPHERS + "=" + BcCipher.CAST5_CBC,
        "service.ranking:Integer=" + BcCipherProvider.RANKING})
public final class BcCipherProvider implements CipherProvider {

    /**
     * Below the JCE provider, which registers without a ranking (0): should the JDK ever run one
     * of these names, its provider is preferred for new keys.
     */
    static final int RANKING = -10;

    private final Map<String, BcCipher> offered;

    public BcCipherProvider() {
        this(BcCipher.ALL);
    }

    /** @param ciphers what to offer, in advertising order */
    BcCipherProvider(List<BcCipher> ciphers) {
        Map<String, BcCipher> byName = new LinkedHashMap<>();
        for (BcCipher cipher : ciphers) {
            byName.put(cipher.spec().name(), cipher);
        }
        this.offered = Collections.unmodifiableMap(byName);
    }

    @Override
    public Set<String> ciphers() {
        return offered.keySet();
    }

    @Override
    public Optional<CipherSpec> spec(String name) {
        return find(name).map(BcCipher::spec);
    }

    @Override
    public CipherContext create(String name, byte[] key, boolean encrypt) throws GeneralSecurityException {
        BcCipher cipher = find(name).orElseThrow(
                () -> new NoSuchAlgorithmException("cipher " + name + " is not offered by " + getClass().getSimpleName()));
        return cipher.newContext(Objects.requireNonNull(key, "key"), encrypt);
    }

    private Optional<BcCipher> find(String name) {
        return Optional.ofNullable(offered.get(name.toUpperCase(Locale.ROOT)));
    }
}
