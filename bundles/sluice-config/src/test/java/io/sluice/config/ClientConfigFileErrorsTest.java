package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a client-config-dir file can be wrong gives one line naming file, line and option. */
class ClientConfigFileErrorsTest {

    private static String error(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> ClientConfigFile.parse(text, "ccd/alice"));
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertEquals("ccd/alice:2: option 'frobnicate': unknown option (not an OpenVPN 2.6 option)",
                error("disable\nfrobnicate 1\n"));
    }

    @Test
    void aRemovedOptionSaysWhatReplacedIt() {
        assertEquals("ccd/alice:1: option 'tls-remote': removed in OpenVPN 2.4; use verify-x509-name",
                error("tls-remote server\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"route 10.0.0.0 255.0.0.0", "verb 4", "setenv FOO bar", "ignore-unknown-option ping",
            "cd /etc", "client-config-dir ccd", "redirect-gateway def1", "keepalive 10 60", "dev tun"})
    void optionsOpenVpnDoesNotAllowInAClientsFileAreRefused(String line) {
        String name = line.split(" ")[0];
        assertEquals("ccd/alice:1: option '" + name + "': cannot be used in a client-config-dir file", error(line));
    }

    @Test
    void configIsRefusedSoThatOneFileIsTheWholeTruthAboutAClient() {
        assertEquals("ccd/alice:1: option 'config': not allowed in a client-config-dir file by Sluice: write the"
                + " options of the included file here", error("config common.conf\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ping 10", "ping-restart 60", "inactive 600", "session-timeout 3600", "echo hello",
            "compress lz4-v2", "comp-lzo no", "data-ciphers AES-256-GCM", "cipher AES-256-GCM", "vlan-pvid 10",
            "max-routes-per-client 10", "socket-flags TCP_NODELAY", "bind-dev eth0", "auth-token abc",
            "ping-timer-rem"})
    void optionsOpenVpnAllowsThereButSluiceDoesNotImplementAreReportedByName(String line) {
        String name = line.split(" ")[0];
        assertEquals("ccd/alice:1: option '" + name + "': not supported by Sluice yet in a client-config-dir file"
                + " (supported: push, push-reset, push-remove, iroute, iroute-ipv6, ifconfig-push,"
                + " ifconfig-ipv6-push, disable)", error(line));
    }

    @Test
    void anUnsupportedOptionIsStillCheckedFirst() {
        assertEquals("ccd/alice:1: option 'vlan-pvid': '5000' is out of range (1 to 4094)", error("vlan-pvid 5000\n"));
    }

    @Test
    void wrongArgumentCounts() {
        assertEquals("ccd/alice:1: option 'iroute': expects 1 to 2 arguments, got 0", error("iroute\n"));
        assertEquals("ccd/alice:1: option 'iroute': expects 1 to 2 arguments, got 3",
                error("iroute 10.0.0.0 255.0.0.0 x\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-push': expects 2 to 3 arguments, got 1",
                error("ifconfig-push 10.8.0.10\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-ipv6-push': expects 1 to 2 arguments, got 0",
                error("ifconfig-ipv6-push\n"));
        assertEquals("ccd/alice:1: option 'iroute-ipv6': expects 1 argument, got 2",
                error("iroute-ipv6 fd00::/64 x\n"));
        assertEquals("ccd/alice:1: option 'disable': expects no arguments, got 1", error("disable now\n"));
        assertEquals("ccd/alice:1: option 'push-reset': expects no arguments, got 1", error("push-reset all\n"));
        assertEquals("ccd/alice:1: option 'push-remove': expects 1 argument, got 0", error("push-remove\n"));
    }

    @Test
    void anUnquotedPushGetsAHint() {
        assertEquals("ccd/alice:1: option 'push': expects 1 argument, got 3 (quote the pushed option: push \"...\")",
                error("push route 10.0.0.0 255.0.0.0\n"));
    }

    @Test
    void ifconfigPushNeedsUsableIpv4Literals() {
        assertEquals("ccd/alice:1: option 'ifconfig-push': 'alice.example.com' is not an IPv4 address (Sluice does not"
                + " resolve host names in client-config-dir files)", error("ifconfig-push alice.example.com 255.255.255.0\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-push': '2001:db8::1' is not an IPv4 address (Sluice does not"
                + " resolve host names in client-config-dir files)", error("ifconfig-push 10.8.0.10 2001:db8::1\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-push': '10.8.0' is not an IPv4 address (Sluice does not resolve"
                + " host names in client-config-dir files)", error("ifconfig-push 10.8.0 255.255.255.0\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-push': 0.0.0.0 is not a usable address",
                error("ifconfig-push 0.0.0.0 255.255.255.0\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-push': 0.0.0.0 is not a usable address",
                error("ifconfig-push 10.8.0.10 255.255.255.0 0.0.0.0\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-push': 'a b' is not a host name or address",
                error("ifconfig-push \"a b\" 255.255.255.0\n"));
    }

    @Test
    void ifconfigIpv6PushNeedsIpv6LiteralsAndAPrefixClientsAccept() {
        assertEquals("ccd/alice:1: option 'ifconfig-ipv6-push': '10.8.0.10/64' is not an IPv6 address or network"
                + " (address/bits)", error("ifconfig-ipv6-push 10.8.0.10/64\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-ipv6-push': 'fd00::1/129' is not an IPv6 address or network"
                + " (address/bits)", error("ifconfig-ipv6-push fd00::1/129\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-ipv6-push': '10.8.0.1' is not an IPv6 address",
                error("ifconfig-ipv6-push fd00::10/64 10.8.0.1\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-ipv6-push': /bits must be between 64 and 124 (OpenVPN clients"
                + " refuse other prefix lengths), not /48", error("ifconfig-ipv6-push 2001:db8::10/48\n"));
        assertEquals("ccd/alice:1: option 'ifconfig-ipv6-push': /bits must be between 64 and 124 (OpenVPN clients"
                + " refuse other prefix lengths), not /128", error("ifconfig-ipv6-push 2001:db8::10/128\n"));
    }

    @Test
    void irouteNeedsAnIpv4NetworkAndAContiguousNetmask() {
        assertEquals("ccd/alice:1: option 'iroute': 'office.example.com' is not an IPv4 network address",
                error("iroute office.example.com\n"));
        assertEquals("ccd/alice:1: option 'iroute': '192.168.10.0/24' is not a host name or address",
                error("iroute 192.168.10.0/24\n"));
        assertEquals("ccd/alice:1: option 'iroute': '/24' is not an IPv4 address", error("iroute 192.168.10.0 /24\n"));
        assertEquals("ccd/alice:1: option 'iroute': '255.0.255.0' is not a netmask (its one bits must be contiguous)",
                error("iroute 10.0.0.0 255.0.255.0\n"));
        assertEquals("ccd/alice:1: option 'iroute': 'fd00::' is not an IPv4 network address",
                error("iroute fd00::\n"));
    }

    @Test
    void irouteIpv6NeedsAnIpv6Network() {
        assertEquals("ccd/alice:1: option 'iroute-ipv6': '192.168.10.0/24' is not an IPv6 address or network"
                + " (address/bits)", error("iroute-ipv6 192.168.10.0/24\n"));
        assertEquals("ccd/alice:1: option 'iroute-ipv6': 'fd00::/abc' is not an IPv6 address or network"
                + " (address/bits)", error("iroute-ipv6 fd00::/abc\n"));
    }

    @Test
    void aPushedOptionMustTravelInOnePushReplyEntry() {
        assertEquals("ccd/alice:1: option 'push': a pushed option cannot contain a comma (commas separate the options"
                + " of a push reply)", error("push \"route 10.1.0.0 255.255.0.0,route 10.2.0.0 255.255.0.0\"\n"));
        assertEquals("ccd/alice:1: option 'push': nothing to push", error("push \"\"\n"));
        assertEquals("ccd/alice:1: option 'push': nothing to push", error("push \"  \"\n"));
        assertEquals("ccd/alice:1: option 'push': a pushed option cannot contain control characters",
                error("push \"route\t10.1.0.0 255.255.0.0\"\n"));
    }

    @Test
    void inlineBlocksAreRefused() {
        assertEquals("ccd/alice:1: option 'ca': cannot be used in a client-config-dir file",
                error("<ca>\n-----BEGIN CERTIFICATE-----\n</ca>\n"));
        assertEquals("ccd/alice:1: option 'push': cannot be given as an inline block", error("<push>\nping 10\n</push>\n"));
        assertEquals("ccd/alice:1: option 'frob': unknown option (not an OpenVPN 2.6 option)", error("<frob>\n"));
        assertEquals("ccd/alice:2: option 'push': cannot be given as an inline block", error("disable\n</push>\n"));
    }

    @Test
    void setenvOptDoesNotMakeAForbiddenOptionAllowed() {
        assertEquals("ccd/alice:1: option 'route': cannot be used in a client-config-dir file",
                error("setenv opt route 10.0.0.0 255.0.0.0\n"));
        assertEquals("ccd/alice:1: option 'config': not allowed in a client-config-dir file by Sluice: write the"
                + " options of the included file here", error("setenv opt config x.conf\n"));
        assertEquals("ccd/alice:1: option 'setenv': 'setenv opt' needs an option to follow it", error("setenv opt\n"));
    }

    @Test
    void setenvOptStillChecksTheArgumentsOfWhatItApplies() {
        assertEquals("ccd/alice:1: option 'iroute': expects 1 to 2 arguments, got 0", error("setenv opt iroute\n"));
    }

    @Test
    void quotingErrorsNameTheLine() {
        assertEquals("ccd/alice:2: no closing quotation (\") on this line", error("disable\npush \"route 10.0.0.0\n"));
        assertEquals("ccd/alice:1: bad backslash ('\\') usage: a backslash may only escape \\, \" or a space; write"
                + " Windows paths with double backslashes", error("push \"route\\x\"\n"));
    }

    @Test
    void anOverlongLineIsRefusedAsOpenVpnRefusesIt() {
        assertEquals("ccd/alice:1: line is too long (OpenVPN's maximum is 255 characters including the line break)",
                error("push \"" + "x".repeat(300) + "\"\n"));
    }

    @Test
    void theFirstErrorIsTheOneReported() {
        assertEquals("ccd/alice:2: option 'route': cannot be used in a client-config-dir file",
                error("iroute 10.9.0.0 255.255.255.0\nroute 10.9.0.0 255.255.255.0\nfrobnicate\n"));
    }
}
