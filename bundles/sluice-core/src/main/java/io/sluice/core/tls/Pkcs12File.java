package io.sluice.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RC2Parameters;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;

/**
 * A PKCS#12 file ({@code pkcs12}): our certificate, its private key and the CA certificates
 * that came with it, as {@code openssl pkcs12 -export} writes them.
 *
 * <p>Read the way OpenVPN (OpenSSL's {@code PKCS12_parse}) reads it: the first private key in
 * the file; as certificate the first one whose public key belongs to that key; every other
 * certificate is a CA certificate. Opening follows OpenVPN too: first with the empty password
 * ({@link #openWithoutPassword()}), and only if that fails with a password the user gives.
 *
 * <p>The decryption is done here with Bouncy Castle's lightweight primitives rather than its
 * JCA provider, because a PKCS#12 password is encoded in two ways (BMPString for the PKCS#12
 * key derivation, the password's own bytes for PBKDF2) and OpenSSL's empty password is the
 * two zero bytes of an empty BMPString, which no JCA password object can express. Supported:
 * MACs with SHA-1 and SHA-2; PBES2 (PBKDF2 with HMAC-SHA-1/SHA-2) with AES-CBC, DES-EDE3-CBC
 * or DES-CBC, as OpenSSL 3 writes by default; and PKCS#12's own PBE schemes with 3DES, RC2 and
 * RC4, as OpenSSL 1.1 and {@code -legacy} write them.
 */
public final class Pkcs12File {

    /** What a PKCS#12 file holds. */
    public record Contents(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> caCertificates) {
        public Contents {
            caCertificates = List.copyOf(caCertificates);
        }
    }

    private static final ASN1ObjectIdentifier X509_CERTIFICATE = PKCSObjectIdentifiers.x509Certificate;

    private final String source;
    private final Pfx pfx;
    private final byte[] authSafe;

    private Pkcs12File(String source, Pfx pfx, byte[] authSafe) {
        this.source = source;
        this.pfx = pfx;
        this.authSafe = authSafe;
    }

    /** A PKCS#12 file on disk (DER, as OpenSSL writes it). */
    public static Pkcs12File read(Path file) throws PemException {
        byte[] der;
        try {
            der = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PemException(file + ": cannot read: " + e, e);
        }
        return parse(file.toString(), der);
    }

    /**
     * A PKCS#12 file given inline, base64-encoded as OpenVPN expects in a {@code <pkcs12>}
     * block ({@code openssl base64} output; line breaks and surrounding blanks are ignored).
     */
    public static Pkcs12File parseBase64(String source, String base64) throws PemException {
        String compact = base64.replaceAll("\\s+", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new PemException(source + ": not base64-encoded PKCS#12: " + e.getMessage(), e);
        }
        return parse(source, der);
    }

    /**
     * The file's structure, before anything is decrypted.
     *
     * @param source what to call the file in messages
     */
    public static Pkcs12File parse(String source, byte[] der) throws PemException {
        if (der.length == 0) {
            throw new PemException(source + ": empty file, not PKCS#12");
        }
        try {
            Pfx pfx = Pfx.getInstance(ASN1Primitive.fromByteArray(der));
            ContentInfo authSafe = pfx.getAuthSafe();
            if (!PKCSObjectIdentifiers.data.equals(authSafe.getContentType())) {
                throw new PemException(source + ": unsupported PKCS#12 file (content type "
                        + authSafe.getContentType().getId() + "; only password integrity is supported)");
            }
            return new Pkcs12File(source, pfx, ASN1OctetString.getInstance(authSafe.getContent()).getOctets());
        } catch (IOException | RuntimeException e) {
            throw new PemException(source + ": not a PKCS#12 file: " + message(e), e);
        }
    }

    /**
     * The contents if the file opens with the empty password, as OpenVPN tries it first
     * (OpenSSL's {@code PKCS12_parse} with {@code ""}: either encoding of an empty password).
     */
    public Optional<Contents> openWithoutPassword() throws PemException {
        try {
            return Optional.of(openWith(""));
        } catch (WrongPassword e) {
            return Optional.empty();
        }
    }

    /**
     * The contents, decrypted with {@code password}.
     *
     * @throws PemException the password is wrong (the message says so), or the file is broken
     *                      or uses what Sluice cannot decrypt
     */
    public Contents open(String password) throws PemException {
        try {
            return openWith(password);
        } catch (WrongPassword e) {
            throw new PemException(e.getMessage(), e);
        }
    }

    private Contents openWith(String password) throws PemException, WrongPassword {
        List<Password> candidates = Password.candidates(password);
        if (pfx.getMacData() != null) {
            Password verified = null;
            for (Password p : candidates) {
                if (macMatches(pfx.getMacData(), p)) {
                    verified = p;
                    break;
                }
            }
            if (verified == null) {
                throw new WrongPassword(source + ": MAC verification failed: wrong PKCS#12 password"
                        + " (or a corrupted file)");
            }
            candidates = List.of(verified);
        }
        WrongPassword last = null;
        for (Password p : candidates) {
            try {
                return contents(p);
            } catch (WrongPassword e) {
                last = e;
            }
        }
        throw last;
    }

    private Contents contents(Password password) throws PemException, WrongPassword {
        List<Bag> bags = new ArrayList<>();
        try {
            for (ContentInfo ci : AuthenticatedSafe.getInstance(authSafe).getContentInfo()) {
                ASN1ObjectIdentifier type = ci.getContentType();
                if (PKCSObjectIdentifiers.data.equals(type)) {
                    collect(ASN1OctetString.getInstance(ci.getContent()).getOctets(), password, bags);
                } else if (PKCSObjectIdentifiers.encryptedData.equals(type)) {
                    EncryptedData data = EncryptedData.getInstance(ci.getContent());
                    if (data.getContent() == null) {
                        continue;
                    }
                    collect(decrypt(data.getEncryptionAlgorithm(), data.getContent().getOctets(), password),
                            password, bags);
                } else {
                    throw new PemException(source + ": unsupported PKCS#12 content (" + type.getId()
                            + "; public-key encrypted content is not supported)");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PemException(source + ": malformed PKCS#12 file: " + message(e), e);
        }
        return assemble(bags);
    }

    /** One key or certificate of the file, with its {@code localKeyId} if it has one. */
    private record Bag(PrivateKeyInfo key, byte[] certificate, byte[] localKeyId) {
    }

    private void collect(byte[] safeContents, Password password, List<Bag> bags)
            throws PemException, WrongPassword, IOException {
        for (ASN1Encodable e : ASN1Sequence.getInstance(safeContents)) {
            SafeBag bag = SafeBag.getInstance(e);
            ASN1ObjectIdentifier id = bag.getBagId();
            byte[] localKeyId = localKeyId(bag.getBagAttributes());
            if (PKCSObjectIdentifiers.keyBag.equals(id)) {
                bags.add(new Bag(PrivateKeyInfo.getInstance(bag.getBagValue()), null, localKeyId));
            } else if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(id)) {
                EncryptedPrivateKeyInfo encrypted = EncryptedPrivateKeyInfo.getInstance(bag.getBagValue());
                byte[] plain = decrypt(encrypted.getEncryptionAlgorithm(), encrypted.getEncryptedData(), password);
                bags.add(new Bag(PrivateKeyInfo.getInstance(plain), null, localKeyId));
            } else if (PKCSObjectIdentifiers.certBag.equals(id)) {
                CertBag cert = CertBag.getInstance(bag.getBagValue());
                if (X509_CERTIFICATE.equals(cert.getCertId())) {
                    bags.add(new Bag(null, ASN1OctetString.getInstance(cert.getCertValue()).getOctets(), localKeyId));
                }
            } else if (PKCSObjectIdentifiers.safeContentsBag.equals(id)) {
                collect(bag.getBagValue().toASN1Primitive().getEncoded(), password, bags);
            }
            // CRL and secret bags: OpenSSL's PKCS12_parse ignores them too.
        }
    }

    private static byte[] localKeyId(ASN1Set attributes) {
        if (attributes == null) {
            return null;
        }
        for (ASN1Encodable e : attributes) {
            Attribute a = Attribute.getInstance(e);
            if (PKCSObjectIdentifiers.pkcs_9_at_localKeyId.equals(a.getAttrType()) && a.getAttrValues().size() > 0) {
                return ASN1OctetString.getInstance(a.getAttrValues().getObjectAt(0)).getOctets();
            }
        }
        return null;
    }

    private Contents assemble(List<Bag> bags) throws PemException {
        Bag keyBag = bags.stream().filter(b -> b.key() != null).findFirst()
                .orElseThrow(() -> new PemException(source + ": no private key in the PKCS#12 file"));
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(keyBag.key());
        } catch (IOException | RuntimeException e) {
            throw new PemException(source + ": unsupported private key in the PKCS#12 file (algorithm "
                    + keyBag.key().getPrivateKeyAlgorithm().getAlgorithm().getId() + "): " + message(e), e);
        }
        List<X509Certificate> certs = new ArrayList<>();
        List<byte[]> ids = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("every JRE has an X.509 certificate factory", e);
        }
        for (Bag b : bags) {
            if (b.certificate() == null) {
                continue;
            }
            try {
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.certificate())));
                ids.add(b.localKeyId());
            } catch (CertificateException e) {
                throw new PemException(source + ": malformed certificate " + (certs.size() + 1)
                        + " in the PKCS#12 file: " + message(e), e);
            }
        }
        int own = -1;
        if (keyBag.localKeyId() != null) {
            for (int i = 0; i < certs.size() && own < 0; i++) {
                if (ids.get(i) != null && MessageDigest.isEqual(ids.get(i), keyBag.localKeyId())
                        && matches(certs.get(i), key)) {
                    own = i;
                }
            }
        }
        for (int i = 0; i < certs.size() && own < 0; i++) {
            if (matches(certs.get(i), key)) {
                own = i;
            }
        }
        if (own < 0) {
            throw new PemException(source + ": no certificate for the private key in the PKCS#12 file");
        }
        List<X509Certificate> cas = new ArrayList<>(certs);
        X509Certificate certificate = cas.remove(own);
        return new Contents(certificate, key, cas);
    }

    private static boolean matches(X509Certificate certificate, PrivateKey key) {
        try {
            KeyType.of(certificate).requireMatch(certificate, key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- MAC --------------------------------------------------------------------------------

    private boolean macMatches(MacData mac, Password password) throws PemException {
        DigestInfo expected = mac.getMac();
        Digest digest = digest(expected.getAlgorithmId());
        PKCS12ParametersGenerator kdf = new PKCS12ParametersGenerator(digest);
        kdf.init(password.bmp(), mac.getSalt(), iterations(mac.getIterationCount().intValue()));
        CipherParameters key = kdf.generateDerivedMacParameters(digest.getDigestSize() * 8);
        HMac hmac = new HMac(digest(expected.getAlgorithmId()));
        hmac.init(key);
        hmac.update(authSafe, 0, authSafe.length);
        byte[] actual = new byte[hmac.getMacSize()];
        hmac.doFinal(actual, 0);
        return MessageDigest.isEqual(actual, expected.getDigest());
    }

    private Digest digest(AlgorithmIdentifier algorithm) throws PemException {
        try {
            return BcDefaultDigestProvider.INSTANCE.get(algorithm);
        } catch (Exception e) {
            throw new PemException(source + ": unsupported PKCS#12 MAC digest " + algorithm.getAlgorithm().getId(), e);
        }
    }

    private int iterations(int n) throws PemException {
        if (n < 1 || n > 10_000_000) {
            throw new PemException(source + ": implausible PKCS#12 iteration count " + n);
        }
        return n;
    }

    // ---- decryption -------------------------------------------------------------------------

    private byte[] decrypt(AlgorithmIdentifier algorithm, byte[] data, Password password)
            throws PemException, WrongPassword {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        Object cipher;
        CipherParameters params;
        if (PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
            PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
            if (!PKCSObjectIdentifiers.id_PBKDF2.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
                throw new PemException(source + ": unsupported PKCS#12 key derivation "
                        + pbes2.getKeyDerivationFunc().getAlgorithm().getId());
            }
            PBKDF2Params kdfParams = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
            AlgorithmIdentifier scheme = AlgorithmIdentifier.getInstance(pbes2.getEncryptionScheme());
            ASN1ObjectIdentifier enc = scheme.getAlgorithm();
            int keyBytes;
            BlockCipher engine;
            if (enc.equals(NISTObjectIdentifiers.id_aes128_CBC)) {
                keyBytes = 16;
                engine = AESEngine.newInstance();
            } else if (enc.equals(NISTObjectIdentifiers.id_aes192_CBC)) {
                keyBytes = 24;
                engine = AESEngine.newInstance();
            } else if (enc.equals(NISTObjectIdentifiers.id_aes256_CBC)) {
                keyBytes = 32;
                engine = AESEngine.newInstance();
            } else if (enc.equals(PKCSObjectIdentifiers.des_EDE3_CBC)) {
                keyBytes = 24;
                engine = new DESedeEngine();
            } else if (enc.equals(OIWObjectIdentifiers.desCBC)) {
                keyBytes = 8;
                engine = new DESEngine();
            } else {
                throw new PemException(source + ": unsupported PKCS#12 cipher " + enc.getId());
            }
            if (kdfParams.getKeyLength() != null && kdfParams.getKeyLength().intValue() != keyBytes) {
                throw new PemException(source + ": PKCS#12 key length " + kdfParams.getKeyLength()
                        + " does not fit cipher " + enc.getId());
            }
            AlgorithmIdentifier prf = kdfParams.getPrf();
            Digest prfDigest = prfDigest(prf.getAlgorithm());
            PKCS5S2ParametersGenerator kdf = new PKCS5S2ParametersGenerator(prfDigest);
            kdf.init(password.raw(), kdfParams.getSalt(), iterations(kdfParams.getIterationCount().intValue()));
            byte[] iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
            params = new ParametersWithIV(kdf.generateDerivedParameters(keyBytes * 8), iv);
            cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine), new PKCS7Padding());
        } else {
            PKCS12PBEParams pbe = PKCS12PBEParams.getInstance(algorithm.getParameters());
            PKCS12ParametersGenerator kdf = new PKCS12ParametersGenerator(new SHA1Digest());
            kdf.init(password.bmp(), pbe.getIV(), iterations(pbe.getIterations().intValue()));
            if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)) {
                params = kdf.generateDerivedParameters(192, 64);
                cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new DESedeEngine()), new PKCS7Padding());
            } else if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC)) {
                params = kdf.generateDerivedParameters(128, 64);
                cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new DESedeEngine()), new PKCS7Padding());
            } else if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC)
                    || oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC)) {
                int bits = oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC) ? 128 : 40;
                ParametersWithIV derived = (ParametersWithIV) kdf.generateDerivedParameters(bits, 64);
                params = new ParametersWithIV(new RC2Parameters(((KeyParameter) derived.getParameters()).getKey()),
                        derived.getIV());
                cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new RC2Engine()), new PKCS7Padding());
            } else if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC4)
                    || oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC4)) {
                int bits = oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC4) ? 128 : 40;
                params = kdf.generateDerivedParameters(bits);
                cipher = new RC4Engine();
            } else {
                throw new PemException(source + ": unsupported PKCS#12 encryption " + oid.getId());
            }
        }
        try {
            if (cipher instanceof BufferedBlockCipher block) {
                block.init(false, params);
                byte[] out = new byte[block.getOutputSize(data.length)];
                int n = block.processBytes(data, 0, data.length, out, 0);
                n += block.doFinal(out, n);
                return Arrays.copyOf(out, n);
            }
            RC4Engine rc4 = (RC4Engine) cipher;
            rc4.init(false, params);
            byte[] out = new byte[data.length];
            rc4.processBytes(data, 0, data.length, out, 0);
            return out;
        } catch (InvalidCipherTextException | DataLengthException e) {
            throw new WrongPassword(source + ": cannot decrypt the PKCS#12 file: wrong password (" + e.getMessage()
                    + ")");
        }
    }

    private Digest prfDigest(ASN1ObjectIdentifier prf) throws PemException {
        ASN1ObjectIdentifier digest;
        if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA1)) {
            digest = OIWObjectIdentifiers.idSHA1;
        } else if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA224)) {
            digest = NISTObjectIdentifiers.id_sha224;
        } else if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA256)) {
            digest = NISTObjectIdentifiers.id_sha256;
        } else if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA384)) {
            digest = NISTObjectIdentifiers.id_sha384;
        } else if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA512)) {
            digest = NISTObjectIdentifiers.id_sha512;
        } else {
            throw new PemException(source + ": unsupported PKCS#12 PBKDF2 function " + prf.getId());
        }
        return digest(new AlgorithmIdentifier(digest));
    }

    /**
     * A password in the two encodings PKCS#12 uses: a BMPString with its terminating zero for
     * the PKCS#12 key derivation (MAC, PKCS#12 PBE), the UTF-8 bytes for PBKDF2.
     */
    private record Password(byte[] bmp, byte[] raw) {

        /**
         * The encodings to try: the empty password also as an empty byte string, which is how
         * OpenSSL treats an absent password and how some other writers encode the empty one.
         */
        static List<Password> candidates(String password) {
            byte[] raw = password.getBytes(StandardCharsets.UTF_8);
            byte[] utf16 = password.getBytes(StandardCharsets.UTF_16BE);
            Password terminated = new Password(Arrays.copyOf(utf16, utf16.length + 2), raw);
            return password.isEmpty() ? List.of(terminated, new Password(new byte[0], raw)) : List.of(terminated);
        }
    }

    /** The password does not open the file; the message is ready for a {@link PemException}. */
    private static final class WrongPassword extends Exception {
        private static final long serialVersionUID = 1L;

        WrongPassword(String message) {
            super(message, null, false, false);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
