package io.sluice.core.control;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestSpec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The options (OCC) string a TLS peer sends in its key method 2 message and expects from the
 * other side, as OpenVPN 2.6 builds it (options.c {@code options_string}), e.g.
 * {@code V4,dev-type tun,link-mtu 1541,tun-mtu 1500,proto UDPv4,auth SHA1,keysize 128,key-method 2,tls-server}.
 *
 * <p>In 2.6 the string is informational: a mismatch only logs warnings
 * ({@link OptionsStringCheck}); cipher negotiation reads the peer's {@code cipher} from it for
 * clients that do not negotiate. It describes a configuration's client or server side for
 * client/server mode, or a static-key peer ({@link Role#STATIC_KEY}), whose string OpenVPN
 * exchanges in OCC messages on the data channel and which adds {@code tun-ipv6},
 * {@code ifconfig} and {@code secret}, always names the cipher, and has no key method or role.
 *
 * <p>Field order and rules:
 * <ol>
 *   <li>{@code V4}, {@code dev-type}, {@code link-mtu} (see {@link #linkMtu()}), {@code tun-mtu},
 *       {@code proto} ({@link OccProto}); static key: {@code tun-ipv6} and {@code ifconfig}
 *       (tun.c {@code ifconfig_options_string}: the far end's address first);</li>
 *   <li>{@code comp-lzo} for any compression, {@code mtu-dynamic} for fragment;</li>
 *   <li>{@code keydir 0|1} when tls-auth has a key direction (swapped in the remote string);</li>
 *   <li>{@code cipher} only if the cipher is in data-ciphers (OpenVPN announces only what it
 *       will accept), {@code auth} ({@code [null-digest]} for AEAD ciphers), {@code keysize}
 *       in bits (128 for BF-CBC, 0 for none), {@code secret} in static-key mode, {@code no-replay};</li>
 *   <li>{@code tls-auth}, {@code key-method 2}, and the role, swapped in the remote string.</li>
 * </ol>
 * The cipher's default in 2.6 is still BF-CBC, which OpenVPN never resolves here: it counts as
 * no cipher plus 16 bytes of overhead and keysize 128, which is why a default 2.6 peer says
 * {@code link-mtu 1541,...,auth SHA1,keysize 128} with no {@code cipher}.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class OptionsString {

    /** mtu.h {@code TAP_MTU_EXTRA_DEFAULT}: what OpenVPN adds to a tap device's MTU. */
    public static final int TAP_MTU_EXTRA_DEFAULT = 32;
    /** The cipher 2.6 still defaults to, handled without resolving it (mtu.c, options.c). */
    public static final String BF_CBC = "BF-CBC";

    /** Whether this side is the TLS server or client, or a static-key peer ({@code secret}). */
    public enum Role { TLS_SERVER, TLS_CLIENT, STATIC_KEY }

    private final String devType;
    private final int tunMtu;
    private final OptionalInt occTunMtu;
    private final int tapMtuExtra;
    private final OccProto proto;
    private final Role role;
    private final String cipherName;
    private final CipherSpec cipher;
    private final List<String> dataCiphers;
    private final DigestSpec digest;
    private final OccCompression compression;
    private final boolean fragment;
    private final OptionalInt keyDirection;
    private final boolean tlsAuth;
    private final boolean replay;
    private final String ifconfigLocal;
    private final String ifconfigRemote;
    private final boolean tunIpv6;

    private OptionsString(Builder b) {
        this.devType = b.devType;
        this.tunMtu = b.tunMtu;
        this.occTunMtu = b.occTunMtu;
        this.tapMtuExtra = b.tapMtuExtra.orElse("tap".equals(b.devType) ? TAP_MTU_EXTRA_DEFAULT : 0);
        this.proto = b.proto;
        this.role = b.role;
        this.cipherName = b.cipherName;
        this.cipher = b.cipher;
        this.dataCiphers = b.dataCiphers;
        this.digest = b.digest;
        this.compression = b.compression;
        this.fragment = b.fragment;
        this.keyDirection = b.keyDirection;
        this.tlsAuth = b.tlsAuth;
        this.replay = b.replay;
        this.ifconfigLocal = b.ifconfigLocal;
        this.ifconfigRemote = b.ifconfigRemote;
        this.tunIpv6 = b.tunIpv6;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This side's string, as sent in its key method 2 message. */
    public String local() {
        return build(false);
    }

    /** The string this side expects from its peer (OpenVPN's "Expected Remote Options String"). */
    public String expectedRemote() {
        return build(true);
    }

    private boolean isBfCbc() {
        return BF_CBC.equals(cipherName);
    }

    /** The cipher as OpenVPN's key type holds it: none for BF-CBC and for "none". */
    private CipherMode keyTypeMode() {
        return isBfCbc() || cipher == null ? CipherMode.NONE : cipher.mode();
    }

    private String build(boolean remote) {
        StringBuilder b = new StringBuilder(128);
        b.append("V4");
        b.append(",dev-type ").append(devType);
        b.append(",link-mtu ").append(linkMtu());
        b.append(",tun-mtu ").append(occTunMtu.orElse(tunMtu));
        b.append(",proto ").append(proto.occName(remote));
        boolean staticKey = role == Role.STATIC_KEY;
        if (staticKey && tunIpv6) {
            b.append(",tun-ipv6");
        }
        if (staticKey && ifconfigLocal != null) {
            // The far end first: our remote in our own string, our local in what we expect.
            b.append(",ifconfig ").append(remote ? ifconfigLocal : ifconfigRemote).append(' ')
                    .append(remote ? ifconfigRemote : ifconfigLocal);
        }
        if (compression.announced()) {
            b.append(",comp-lzo");
        }
        if (fragment) {
            b.append(",mtu-dynamic");
        }
        if (keyDirection.isPresent()) {
            // crypto.c keydirection2ascii: the peer must use the opposite direction.
            b.append(",keydir ").append(remote ? 1 - keyDirection.getAsInt() : keyDirection.getAsInt());
        }
        String announcedName = isBfCbc() ? BF_CBC : cipher == null ? "[null-cipher]" : cipher.name();
        if (staticKey || dataCiphers.contains(announcedName)) {
            b.append(",cipher ").append(announcedName);
        }
        boolean aead = keyTypeMode() == CipherMode.AEAD;
        b.append(",auth ").append(aead || digest == null ? "[null-digest]" : digest.name());
        int keysize = isBfCbc() ? 128 : cipher == null ? 0 : cipher.keyLength() * 8;
        b.append(",keysize ").append(keysize);
        if (staticKey) {
            b.append(",secret");
        }
        if (!replay) {
            b.append(",no-replay");
        }
        if (staticKey) {
            return b.toString();
        }
        if (tlsAuth) {
            b.append(",tls-auth");
        }
        b.append(",key-method 2");
        boolean server = role == Role.TLS_SERVER;
        b.append(server != remote ? ",tls-server" : ",tls-client");
        return b.toString();
    }

    /**
     * The {@code link-mtu} OpenVPN announces (mtu.c {@code calc_options_string_link_mtu}): the
     * tun MTU plus what the data channel adds, counted the way OpenVPN 2.4 sized its buffers,
     * so AEAD ciphers also count an IV and a block that are not on the wire.
     */
    public int linkMtu() {
        CipherMode mode = keyTypeMode();
        boolean cbc = mode == CipherMode.CBC;
        boolean staticKey = role == Role.STATIC_KEY;
        // Long packet ids (with the time) in static-key mode and for CFB/OFB (mtu.c calc_packet_id_size_dc).
        int packetId = !replay ? 0 : (staticKey || mode == CipherMode.CFB || mode == CipherMode.OFB) ? 8 : 4;
        int payload = tunMtu + tapMtuExtra + compression.header() + (fragment ? 4 : 0) + (cbc ? packetId : 0);
        // Length prefix; opcode (no peer id at start-up), which static-key packets do not have.
        int header = (proto.isTcp() ? 2 : 0) + (staticKey ? 0 : 1);
        if (!cbc) {
            header += packetId;
        }
        if (mode == CipherMode.AEAD) {
            header += cipher.tagLength() + cipher.ivLength() + occBlockSize(cipher);
        } else {
            if (mode != CipherMode.NONE) {
                header += occBlockSize(cipher) + cipher.ivLength();
            }
            if (digest != null) {
                header += digest.length();
            }
        }
        int bfOverhead = isBfCbc() ? 8 + 8 : 0; // BF-CBC's block and IV, added by hand
        return payload + header + bfOverhead;
    }

    /**
     * The block size OpenVPN counts (crypto_openssl.c {@code cipher_kt_block_size}): for a
     * cipher in a stream or AEAD mode, that of the same cipher in CBC mode, if there is one
     * (AES-256-GCM counts 16, CHACHA20-POLY1305 counts 1).
     */
    static int occBlockSize(CipherSpec spec) {
        if (spec.mode() == CipherMode.CBC) {
            return spec.blockSize();
        }
        String name = spec.name().toUpperCase(Locale.ROOT);
        int dash = name.lastIndexOf('-');
        if (dash < 0 || name.length() - dash < 4) {
            return spec.blockSize();
        }
        String family = name.substring(0, dash);
        if (family.matches("(AES|ARIA|CAMELLIA)-(128|192|256)|SEED|SM4")) {
            return 16;
        }
        if (family.matches("BF|CAST5|DES|DES-EDE|DES-EDE3|IDEA|RC2|DESX")) {
            return 8;
        }
        return spec.blockSize();
    }

    @Override
    public String toString() {
        return local();
    }

    /** Settings for an {@link OptionsString}; OpenVPN 2.6's defaults unless set. */
    public static final class Builder {
        private String devType = "tun";
        private int tunMtu = 1500;
        private OptionalInt occTunMtu = OptionalInt.empty();
        private OptionalInt tapMtuExtra = OptionalInt.empty();
        private OccProto proto = OccProto.UDP;
        private Role role;
        private String cipherName = BF_CBC;
        private CipherSpec cipher;
        private List<String> dataCiphers = List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305");
        private DigestSpec digest = new DigestSpec("SHA1", 20);
        private OccCompression compression = OccCompression.NONE;
        private boolean fragment;
        private OptionalInt keyDirection = OptionalInt.empty();
        private boolean tlsAuth;
        private boolean replay = true;
        private String ifconfigLocal;
        private String ifconfigRemote;
        private boolean tunIpv6;

        private Builder() {
        }

        /** Static key: {@code ifconfig local remote} as written (a tun device in p2p topology). */
        public Builder ifconfig(String local, String remote) {
            this.ifconfigLocal = Objects.requireNonNull(local);
            this.ifconfigRemote = Objects.requireNonNull(remote);
            return this;
        }

        /** Static key: {@code ifconfig-ipv6} is set. */
        public Builder tunIpv6(boolean tunIpv6) {
            this.tunIpv6 = tunIpv6;
            return this;
        }

        /** {@code tun}, {@code tap} (or {@code null} for OpenVPN's other device types). */
        public Builder devType(String devType) {
            this.devType = Objects.requireNonNull(devType);
            return this;
        }

        public Builder tunMtu(int tunMtu) {
            this.tunMtu = tunMtu;
            return this;
        }

        /** The second argument of {@code tun-mtu n occ}: the MTU to announce instead. */
        public Builder occTunMtu(int occTunMtu) {
            this.occTunMtu = OptionalInt.of(occTunMtu);
            return this;
        }

        /** {@code tap-mtu-extra}; 32 for tap, 0 for tun unless set. */
        public Builder tapMtuExtra(int extra) {
            this.tapMtuExtra = OptionalInt.of(extra);
            return this;
        }

        public Builder proto(OccProto proto) {
            this.proto = Objects.requireNonNull(proto);
            return this;
        }

        public Builder role(Role role) {
            this.role = Objects.requireNonNull(role);
            return this;
        }

        /**
         * The configured {@code cipher}: {@link #BF_CBC} (2.6's default, which needs no spec),
         * {@code none}, or a cipher with its spec.
         */
        public Builder cipher(String name, CipherSpec spec) {
            String n = Objects.requireNonNull(name).toUpperCase(Locale.ROOT);
            if (!n.equals(BF_CBC) && !n.equals("NONE") && spec == null) {
                throw new IllegalArgumentException("a spec is needed for " + name);
            }
            this.cipherName = n.equals("NONE") ? "none" : n;
            this.cipher = n.equals(BF_CBC) || n.equals("NONE") ? null : spec;
            return this;
        }

        /** {@code data-ciphers} after OpenVPN's canonicalisation; decides whether {@code cipher} is announced. */
        public Builder dataCiphers(List<String> dataCiphers) {
            this.dataCiphers = List.copyOf(dataCiphers);
            return this;
        }

        /** {@code auth}; {@code null} for {@code auth none}. SHA1 unless set. */
        public Builder digest(DigestSpec digest) {
            this.digest = digest;
            return this;
        }

        public Builder compression(OccCompression compression) {
            this.compression = Objects.requireNonNull(compression);
            return this;
        }

        /** {@code fragment} is set (UDP only). */
        public Builder fragment(boolean fragment) {
            this.fragment = fragment;
            return this;
        }

        /** The tls-auth key direction (0 or 1), if given. */
        public Builder keyDirection(int keyDirection) {
            if (keyDirection != 0 && keyDirection != 1) {
                throw new IllegalArgumentException("key direction must be 0 or 1: " + keyDirection);
            }
            this.keyDirection = OptionalInt.of(keyDirection);
            return this;
        }

        /** {@code tls-auth} is used (tls-crypt and tls-crypt-v2 leave no mark). */
        public Builder tlsAuth(boolean tlsAuth) {
            this.tlsAuth = tlsAuth;
            return this;
        }

        /** False for {@code no-replay}. */
        public Builder replay(boolean replay) {
            this.replay = replay;
            return this;
        }

        public OptionsString build() {
            if (role == null) {
                throw new IllegalStateException("role not set");
            }
            return new OptionsString(this);
        }
    }
}
