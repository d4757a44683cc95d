package io.sluice.core.control;

import java.util.EnumSet;
import java.util.Set;

/**
 * The bits of the peer-info {@code IV_PROTO} value (ssl.h {@code IV_PROTO_*}, OpenVPN 2.6).
 * Bit 0 is reserved: older OpenVPN compared {@code IV_PROTO >= 2} to mean "supports
 * P_DATA_V2", so anyone announcing any flag must announce {@link #DATA_V2} too.
 */
public enum IvProto {
    /** {@code IV_PROTO_DATA_V2}: understands P_DATA_V2 (data packets with a peer id). */
    DATA_V2(1 << 1),
    /** {@code IV_PROTO_REQUEST_PUSH}: the server may send PUSH_REPLY without waiting for PUSH_REQUEST. */
    REQUEST_PUSH(1 << 2),
    /** {@code IV_PROTO_TLS_KEY_EXPORT}: can derive data keys with the TLS exporter (RFC 5705). */
    TLS_KEY_EXPORT(1 << 3),
    /** {@code IV_PROTO_AUTH_PENDING_KW}: understands {@code AUTH_PENDING,timeout n}. */
    AUTH_PENDING_KW(1 << 4),
    /** {@code IV_PROTO_NCP_P2P}: runs peer-to-peer (no pull) and negotiates ciphers that way. */
    NCP_P2P(1 << 5),
    /** {@code IV_PROTO_DNS_OPTION}: understands the 2.6 {@code dns} option. */
    DNS_OPTION(1 << 6),
    /** {@code IV_PROTO_CC_EXIT_NOTIFY}: sends and understands EXIT on the control channel. */
    CC_EXIT_NOTIFY(1 << 7),
    /** {@code IV_PROTO_AUTH_FAIL_TEMP}: understands {@code AUTH_FAILED,TEMP...}. */
    AUTH_FAIL_TEMP(1 << 8),
    /** {@code IV_PROTO_DYN_TLS_CRYPT}: renegotiates with a tls-crypt key derived by TLS-EKM. */
    DYN_TLS_CRYPT(1 << 9);

    private final int bit;

    IvProto(int bit) {
        this.bit = bit;
    }

    /** The flag's value in {@code IV_PROTO}. */
    public int bit() {
        return bit;
    }

    /** The {@code IV_PROTO} value for {@code flags}. */
    public static int toBits(Set<IvProto> flags) {
        int bits = 0;
        for (IvProto f : flags) {
            bits |= f.bit;
        }
        return bits;
    }

    /** The known flags set in {@code bits}; unknown bits are left out. */
    public static Set<IvProto> fromBits(int bits) {
        EnumSet<IvProto> flags = EnumSet.noneOf(IvProto.class);
        for (IvProto f : values()) {
            if ((bits & f.bit) != 0) {
                flags.add(f);
            }
        }
        return flags;
    }
}
