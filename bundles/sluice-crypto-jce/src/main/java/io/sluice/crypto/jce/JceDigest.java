package io.sluice.crypto.jce;

import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;

/**
 * A digest this bundle can offer for HMACs: its OpenVPN name and output length, and the JCE
 * {@link Mac} algorithm.
 */
record JceDigest(DigestSpec spec, String macAlgorithm) {

    /**
     * Every digest this bundle knows, in the order they are advertised. Names as
     * {@code openvpn --show-digests} prints them; lengths from RFC 1321 (MD5), FIPS 180-4 (SHA).
     */
    static final List<JceDigest> ALL = List.of(
            new JceDigest(new DigestSpec("MD5", 16), "HmacMD5"),
            new JceDigest(new DigestSpec("SHA1", 20), "HmacSHA1"),
            new JceDigest(new DigestSpec("SHA224", 28), "HmacSHA224"),
            new JceDigest(new DigestSpec("SHA256", 32), "HmacSHA256"),
            new JceDigest(new DigestSpec("SHA384", 48), "HmacSHA384"),
            new JceDigest(new DigestSpec("SHA512", 64), "HmacSHA512"));

    /** An HMAC keyed with a copy of {@code key}; any length, as RFC 2104 allows. */
    HmacContext newHmac(byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(macAlgorithm);
        WipeableKey wipeable = new WipeableKey(key, macAlgorithm);
        mac.init(wipeable);
        return new MacContext(spec, mac, wipeable);
    }
}
