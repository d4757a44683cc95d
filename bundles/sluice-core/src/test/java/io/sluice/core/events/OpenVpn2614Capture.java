package io.sluice.core.events;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stock OpenVPN 2.6.14 (OpenSSL 3.0) gave its scripts, recorded with {@code env} in a
 * network namespace: a server ({@code server.conf}: {@code dev tun}, {@code proto udp},
 * {@code port 21300}, {@code local 127.0.0.1}, {@code topology subnet},
 * {@code server 10.77.0.0 255.255.255.0}, {@code server-ipv6 fd77::/64}, {@code setenv FOO bar},
 * {@code verb 3}) and a client ({@code client.conf}: {@code client}, {@code dev tun},
 * {@code proto udp}, {@code remote 127.0.0.1 21300}, {@code nobind},
 * {@code route 192.0.2.0 255.255.255.0}, {@code route-ipv6 2001:db8:5::/48}, {@code verb 3},
 * {@code --push-peer-info}). The certificates are the public halves of that test PKI. The
 * shell's own {@code PWD} and the random client-connect file names are left out.
 */
final class OpenVpn2614Capture {

    static final String CA = """
            -----BEGIN CERTIFICATE-----
            MIIBeTCCAR+gAwIBAgIUT2kY1MpZIa8qb5b/DzeYPtRplHUwCgYIKoZIzj0EAwIw
            EjEQMA4GA1UEAwwHVGVzdCBDQTAeFw0yNjExMjIwNDMxMDlaFw0yNjEyMjIwNDMx
            MDlaMBIxEDAOBgNVBAMMB1Rlc3QgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
            AAQVhVjmMVF35dCGdAMTYy3BimMudwmqVOol1dzvueUrWS03BlVx9lVBmR8u2cn7
            v3ZQwIRGu7SMxx4s5wdfzIjIo1MwUTAdBgNVHQ4EFgQUy+iMimWyyCxXUUM2MN4k
            XPBF3P0wHwYDVR0jBBgwFoAUy+iMimWyyCxXUUM2MN4kXPBF3P0wDwYDVR0TAQH/
            BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiEA636UsHqy647hgfzs8BbEp96d2+83
            x+0VRdmn/fzwgd8CIFtOsX2i2aznLk+0X00dJkAAD8W4ZslN6D9+WbAU9LyZ
            -----END CERTIFICATE-----
            """;

    static final String SERVER = """
            -----BEGIN CERTIFICATE-----
            MIIBvDCCAWKgAwIBAgIEEjSrzTAKBggqhkjOPQQDAjASMRAwDgYDVQQDDAdUZXN0
            IENBMB4XDTI2MTEyMjA0MzEwOVoXDTI2MTIyMjA0MzEwOVowVDELMAkGA1UEBhMC
            S0cxFTATBgNVBAoMDE9wZW5WUE4tVEVTVDENMAsGA1UECwwEdW5pdDEMMAoGA1UE
            CwwDdHdvMREwDwYDVQQDDAhzZXJ2ZXItMTBZMBMGByqGSM49AgEGCCqGSM49AwEH
            A0IABLfY5bHcd7xECVW+OPeUWI+pVYHZ8Op/ebDn8GcGSv9Y3Rrek3BT01t5OkDX
            KxkGDKGW6+MbABy8b+lW4G96CHCjZDBiMBMGA1UdJQQMMAoGCCsGAQUFBwMBMAsG
            A1UdDwQEAwIHgDAdBgNVHQ4EFgQUhK+r4lwx0e4ySZbKdayK7z1HO5swHwYDVR0j
            BBgwFoAUy+iMimWyyCxXUUM2MN4kXPBF3P0wCgYIKoZIzj0EAwIDSAAwRQIhAIdq
            fQnp/UOk/SDDF3B6thV44LpVBEVfW/+BrNyuMgIlAiAgtpdLsRcP/ADVekfSs23n
            0Flf9SxK6w7XshcPw6y/fg==
            -----END CERTIFICATE-----
            """;

    static final String CLIENT = """
            -----BEGIN CERTIFICATE-----
            MIIBwTCCAWegAwIBAgIJAPHi08S1ppeIMAoGCCqGSM49BAMCMBIxEDAOBgNVBAMM
            B1Rlc3QgQ0EwHhcNMjYxMTIyMDQzMTEwWhcNMjYxMjIyMDQzMTEwWjBUMQswCQYD
            VQQGEwJLRzEVMBMGA1UECgwMT3BlblZQTi1URVNUMQ0wCwYDVQQLDAR1bml0MQww
            CgYDVQQLDAN0d28xETAPBgNVBAMMCGNsaWVudC0xMFkwEwYHKoZIzj0CAQYIKoZI
            zj0DAQcDQgAEyVuYlJofazRh2qGXjkEEWOgPpTRHPoAp6ucLK4MpEEManylpTR+v
            UsefI+ZlT+703wbjgQLHHRgXlfPyNEH1gKNkMGIwEwYDVR0lBAwwCgYIKwYBBQUH
            AwIwCwYDVR0PBAQDAgeAMB0GA1UdDgQWBBTwuK+sR5GXNi7xcrYSHcd/qK5K+DAf
            BgNVHSMEGDAWgBTL6IyKZbLILFdRQzYw3iRc8EXc/TAKBggqhkjOPQQDAgNIADBF
            AiEAwTdjYSQL4cY8kOCAlMnXPrJ8+zdRWjRhLDvGRQx8o/0CIEdPDng+8aArcDxE
            ERbBfTnh6XCGTPyZ4sRaXYo1wGyC
            -----END CERTIFICATE-----
            """;

    /** The client's {@code up} script: arguments. */
    static final String CLIENT_UP_ARGUMENTS = "tun1 1500 0 10.77.0.2 255.255.255.0 init";

    /** The client's {@code up} script: environment (daemon_pid 23677, daemon_start_time 1795321876). */
    static final String CLIENT_UP = """
            X509_0_C=KG
            X509_0_CN=server-1
            X509_0_O=OpenVPN-TEST
            X509_0_OU=unit
            X509_0_OU_1=two
            X509_1_CN=Test CA
            common_name=server-1
            config=client.conf
            daemon=0
            daemon_log_redirect=0
            daemon_pid=23677
            daemon_start_time=1795321876
            dev=tun1
            dev_type=tun
            ifconfig_ipv6_local=fd77::1000
            ifconfig_ipv6_netbits=64
            ifconfig_ipv6_remote=fd77::1
            ifconfig_local=10.77.0.2
            ifconfig_netmask=255.255.255.0
            proto_1=udp
            remote_1=127.0.0.1
            remote_port_1=21300
            route_gateway_1=10.77.0.1
            route_ipv6_gateway_1=fd77::1
            route_ipv6_network_1=2001:db8:5::/48
            route_net_gateway=0.0.0.0
            route_netmask_1=255.255.255.0
            route_network_1=192.0.2.0
            route_vpn_gateway=10.77.0.1
            script_context=init
            script_type=up
            tls_digest_0=53:17:68:54:c7:97:9c:f2:0b:e4:74:c4:56:e5:19:70:df:62:09:c4
            tls_digest_1=c7:d1:ec:6a:15:da:47:8e:c7:60:3d:05:02:87:28:5c:50:39:16:84
            tls_digest_sha256_0=49:f6:71:ed:66:da:bb:ce:e2:6f:b5:34:f5:e5:21:82:73:e7:d7:9e:79:b2:23:41:4f:94:44:a0:1c:2f:f8:54
            tls_digest_sha256_1=3c:11:e6:96:8c:e2:4e:c0:27:db:2e:d3:cb:ca:e7:56:57:c8:2a:e6:75:a2:b2:99:40:54:85:be:54:5b:be:c1
            tls_id_0=C=KG, O=OpenVPN-TEST, OU=unit, OU=two, CN=server-1
            tls_id_1=CN=Test CA
            tls_serial_0=305441741
            tls_serial_1=453354012244620040095694630699027085250699826293
            tls_serial_hex_0=12:34:ab:cd
            tls_serial_hex_1=4f:69:18:d4:ca:59:21:af:2a:6f:96:ff:0f:37:98:3e:d4:69:94:75
            trusted_ip=127.0.0.1
            trusted_port=21300
            tun_mtu=1500
            untrusted_ip=127.0.0.1
            untrusted_port=21300
            verb=3
            """;

    /** The server's {@code client-connect} script for client-1 from 127.0.0.1:37741. */
    static final String SERVER_CLIENT_CONNECT = """
            FOO=bar
            IV_CIPHERS=AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305
            IV_COMP_STUB=1
            IV_COMP_STUBv2=1
            IV_LZO_STUB=1
            IV_MTU=1600
            IV_NCP=2
            IV_PLAT=linux
            IV_PLAT_VER=6.18.44-fc-v669
            IV_PROTO=990
            IV_SSL=OpenSSL_3.0.19_27_Jan_2026
            IV_TCPNL=1
            IV_VER=2.6.14
            X509_0_C=KG
            X509_0_CN=client-1
            X509_0_O=OpenVPN-TEST
            X509_0_OU=unit
            X509_0_OU_1=two
            X509_1_CN=Test CA
            common_name=client-1
            config=server.conf
            daemon=0
            daemon_log_redirect=0
            daemon_pid=23669
            daemon_start_time=1795321875
            dev=tun0
            dev_type=tun
            ifconfig_ipv6_local=fd77::1
            ifconfig_ipv6_netbits=64
            ifconfig_ipv6_remote=fd77::2
            ifconfig_local=10.77.0.1
            ifconfig_netmask=255.255.255.0
            ifconfig_pool_ip6_netbits=64
            ifconfig_pool_local_ip6=fd77::1
            ifconfig_pool_netmask=255.255.255.0
            ifconfig_pool_remote_ip6=fd77::1000
            ifconfig_pool_remote_ip=10.77.0.2
            local_1=127.0.0.1
            local_port_1=21300
            proto_1=udp
            redirect_gateway=0
            remote_port_1=21300
            script_context=init
            script_type=client-connect
            time_ascii=2026-11-22 04:31:16
            time_unix=1795321876
            tls_digest_0=5a:95:5c:f2:15:e6:7c:55:c3:24:22:22:f3:1a:e3:b2:61:ea:df:be
            tls_digest_1=c7:d1:ec:6a:15:da:47:8e:c7:60:3d:05:02:87:28:5c:50:39:16:84
            tls_digest_sha256_0=1d:f1:6b:a0:3a:68:85:98:e6:0e:73:12:00:e7:74:5d:46:20:c4:00:32:c5:99:24:e1:47:c4:fc:8d:4e:0d:88
            tls_digest_sha256_1=3c:11:e6:96:8c:e2:4e:c0:27:db:2e:d3:cb:ca:e7:56:57:c8:2a:e6:75:a2:b2:99:40:54:85:be:54:5b:be:c1
            tls_id_0=C=KG, O=OpenVPN-TEST, OU=unit, OU=two, CN=client-1
            tls_id_1=CN=Test CA
            tls_serial_0=17429726349691885448
            tls_serial_1=453354012244620040095694630699027085250699826293
            tls_serial_hex_0=f1:e2:d3:c4:b5:a6:97:88
            tls_serial_hex_1=4f:69:18:d4:ca:59:21:af:2a:6f:96:ff:0f:37:98:3e:d4:69:94:75
            trusted_ip=127.0.0.1
            trusted_port=37741
            tun_mtu=1500
            untrusted_ip=127.0.0.1
            untrusted_port=37741
            verb=3
            """;

    private OpenVpn2614Capture() {
    }

    static Map<String, String> variables(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.strip().split("\n")) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return env;
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
