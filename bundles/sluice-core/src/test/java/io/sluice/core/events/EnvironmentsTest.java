package io.sluice.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.api.tun.DeviceType;
import io.sluice.config.ConfigParser;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.Topology;
import io.sluice.core.pushed.SetenvSafe;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variables have OpenVPN 2.6's names and value formats, checked against what 2.6.14 set. */
class EnvironmentsTest {

    private static final Instant CLIENT_START = Instant.ofEpochSecond(1795321876);

    @TempDir
    Path dir;

    static Inet4Address v4(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    static Inet6Address v6(String s) throws Exception {
        return (Inet6Address) InetAddress.getByName(s);
    }

    static Map<String, String> select(Map<String, String> all, String... names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            if (all.containsKey(n)) {
                out.put(n, all.get(n));
            }
        }
        return out;
    }

    @Test
    void certificateVariablesAreWhatOpenVpnSetForTheSameChain() {
        Map<String, String> env = Environments.certificates(List.of(
                OpenVpn2614Capture.certificate(OpenVpn2614Capture.SERVER),
                OpenVpn2614Capture.certificate(OpenVpn2614Capture.CA)));
        Map<String, String> expected = new LinkedHashMap<>(OpenVpn2614Capture.variables(OpenVpn2614Capture.CLIENT_UP));
        expected.keySet().removeIf(k -> !k.startsWith("X509_") && !k.startsWith("tls_"));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(env));
        assertEquals("two", env.get("X509_0_OU_1"));
        assertEquals("12:34:ab:cd", env.get("tls_serial_hex_0"));
    }

    @Test
    void aClientsPeerCertificateHasALongSerialWithoutSignByte() {
        Map<String, String> env = Environments.certificates(List.of(
                OpenVpn2614Capture.certificate(OpenVpn2614Capture.CLIENT)));
        assertEquals("17429726349691885448", env.get("tls_serial_0"));
        assertEquals("f1:e2:d3:c4:b5:a6:97:88", env.get("tls_serial_hex_0"));
        assertEquals("C=KG, O=OpenVPN-TEST, OU=unit, OU=two, CN=client-1", env.get("tls_id_0"));
        assertEquals("5a:95:5c:f2:15:e6:7c:55:c3:24:22:22:f3:1a:e3:b2:61:ea:df:be", env.get("tls_digest_0"));
    }

    @Test
    void inSubnetTopologyTheSecondAddressIsANetmask() throws Exception {
        DeviceFacts tun = new DeviceFacts("tun1", DeviceType.TUN, Topology.SUBNET, 1500, Optional.of(v4("10.77.0.2")),
                Optional.of(v4("255.255.255.0")), Optional.of(v6("fd77::1000")), 64, Optional.of(v6("fd77::1")));
        Map<String, String> expected = select(OpenVpn2614Capture.variables(OpenVpn2614Capture.CLIENT_UP),
                "ifconfig_local", "ifconfig_netmask", "ifconfig_ipv6_local", "ifconfig_ipv6_netbits",
                "ifconfig_ipv6_remote", "tun_mtu", "dev", "dev_type");
        assertEquals(expected, Environments.device(tun));
        assertEquals(List.of(OpenVpn2614Capture.CLIENT_UP_ARGUMENTS.split(" ")), ScriptArguments.upDown(tun, "init"));
    }

    @Test
    void inNet30TheSecondAddressIsThePeer() throws Exception {
        DeviceFacts tun = new DeviceFacts("tun0", DeviceType.TUN, Topology.NET30, 1400, Optional.of(v4("10.8.0.6")),
                Optional.of(v4("10.8.0.5")), Optional.empty(), 0, Optional.empty());
        assertEquals(Map.of("ifconfig_local", "10.8.0.6", "ifconfig_remote", "10.8.0.5", "tun_mtu", "1400",
                "dev", "tun0", "dev_type", "tun"), Environments.device(tun));
    }

    @Test
    void onTapTheSecondAddressIsANetmaskWhateverTheTopology() throws Exception {
        DeviceFacts tap = new DeviceFacts("tap0", DeviceType.TAP, Topology.NET30, 1500, Optional.of(v4("10.9.0.2")),
                Optional.of(v4("255.255.255.0")), Optional.empty(), 0, Optional.empty());
        assertEquals("255.255.255.0", Environments.device(tap).get("ifconfig_netmask"));
        assertEquals("tap", Environments.device(tap).get("dev_type"));
    }

    @Test
    void withoutAnIpv4AddressUpGetsTwoEmptyWords() throws Exception {
        DeviceFacts tun = new DeviceFacts("tun3", DeviceType.TUN, Topology.SUBNET, 1500, Optional.empty(),
                Optional.empty(), Optional.of(v6("2001:db8::2")), 64, Optional.of(v6("2001:db8::1")));
        assertEquals(List.of("tun3", "1500", "0", "", "", "restart"), ScriptArguments.upDown(tun, "restart"));
        assertFalse(Environments.device(tun).containsKey("ifconfig_local"));
    }

    @Test
    void routesAreNumberedFromOneAndIpv6NetworksCarryTheirPrefix() throws Exception {
        RouteFacts routes = new RouteFacts(Optional.of(v4("10.77.0.1")), Optional.of(v4("0.0.0.0")),
                List.of(new RouteFacts.Ipv4Route(v4("192.0.2.0"), v4("255.255.255.0"), v4("10.77.0.1"),
                        OptionalInt.empty())),
                Optional.empty(),
                List.of(new RouteFacts.Ipv6Route(v6("2001:db8:5::"), 48, v6("fd77::1"), OptionalInt.empty())));
        Map<String, String> expected = select(OpenVpn2614Capture.variables(OpenVpn2614Capture.CLIENT_UP),
                "route_net_gateway", "route_vpn_gateway", "route_network_1", "route_netmask_1", "route_gateway_1",
                "route_ipv6_network_1", "route_ipv6_gateway_1");
        assertEquals(expected, Environments.routes(routes));
    }

    @Test
    void aRouteMetricIsOnlyThereWhenOneWasGiven() throws Exception {
        RouteFacts routes = new RouteFacts(Optional.empty(), Optional.empty(),
                List.of(new RouteFacts.Ipv4Route(v4("10.1.0.0"), v4("255.255.0.0"), v4("10.8.0.1"), OptionalInt.of(5)),
                        new RouteFacts.Ipv4Route(v4("10.2.0.0"), v4("255.255.0.0"), v4("10.8.0.1"),
                                OptionalInt.empty())),
                Optional.of(v6("fe80::1")),
                List.of(new RouteFacts.Ipv6Route(v6("2000::"), 4, v6("fd00::1"), OptionalInt.of(7))));
        Map<String, String> env = Environments.routes(routes);
        assertEquals("5", env.get("route_metric_1"));
        assertFalse(env.containsKey("route_metric_2"));
        assertEquals("7", env.get("route_ipv6_metric_1"));
        assertEquals("fe80::1", env.get("net_gateway_ipv6"));
        assertEquals("2000::/4", env.get("route_ipv6_network_1"));
    }

    @Test
    void pushedDhcpOptionsAndSetenvSafeBecomeForeignOptionsAndOpenvpnVariables() {
        Map<String, String> env = new LinkedHashMap<>(Environments.foreignOptions(
                List.of("dhcp-option DNS 10.8.0.1", "dhcp-option DOMAIN example.org")));
        env.putAll(Environments.setenvSafe(List.of(new SetenvSafe("ROLE", "lab"))));
        assertEquals(Map.of("foreign_option_1", "dhcp-option DNS 10.8.0.1", "foreign_option_2",
                "dhcp-option DOMAIN example.org", "OPENVPN_ROLE", "lab"), env);
    }

    @Test
    void anIpv6PeerIsTrustedIp6AndIpchangeGetsFamilyAddressAndPortAsOneWord() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(v4("127.0.0.1"), 21300);
        InetSocketAddress v6 = new InetSocketAddress(v6("2001:db8::7"), 1194);
        assertEquals(Map.of("trusted_ip", "127.0.0.1", "trusted_port", "21300"), Environments.trusted(v4));
        assertEquals(Map.of("untrusted_ip6", "2001:db8::7", "untrusted_port", "1194"), Environments.untrusted(v6));
        assertEquals("[AF_INET]127.0.0.1 21300", ScriptArguments.ipchange(v4));
        assertEquals("[AF_INET6]2001:db8::7 1194", ScriptArguments.ipchange(v6));
    }

    @Test
    void poolAddressesNameTheNetmaskInSubnetAndTheServerEndInNet30() throws Exception {
        PoolAddresses subnet = new PoolAddresses(Optional.of(v4("10.77.0.2")), Optional.of(v4("255.255.255.0")), true,
                Optional.of(v6("fd77::1000")), Optional.of(v6("fd77::1")), 64);
        assertEquals(select(OpenVpn2614Capture.variables(OpenVpn2614Capture.SERVER_CLIENT_CONNECT),
                "ifconfig_pool_remote_ip", "ifconfig_pool_netmask", "ifconfig_pool_remote_ip6",
                "ifconfig_pool_local_ip6", "ifconfig_pool_ip6_netbits"), Environments.pool(subnet));
        PoolAddresses net30 = new PoolAddresses(Optional.of(v4("10.8.0.6")), Optional.of(v4("10.8.0.5")), false,
                Optional.empty(), Optional.empty(), 0);
        assertEquals(Map.of("ifconfig_pool_remote_ip", "10.8.0.6", "ifconfig_pool_local_ip", "10.8.0.5"),
                Environments.pool(net30));
    }

    @Test
    void connectTimeIsLocalTimeAndUnixSeconds() {
        assertEquals(Map.of("time_ascii", "2026-11-22 04:31:16", "time_unix", "1795321876"),
                Environments.connectTime(CLIENT_START, ZoneOffset.UTC));
    }

    @Test
    void disconnectReportsBytesAndWholeSeconds() throws Exception {
        assertEquals(Map.of("trusted_ip", "127.0.0.1", "trusted_port", "37741", "bytes_received", "2181",
                "bytes_sent", "2201", "time_duration", "11"), Environments.clientDisconnect(new DisconnectFacts(
                new InetSocketAddress(v4("127.0.0.1"), 37741), 2181, 2201, Duration.ofMillis(11_900))));
    }

    @Test
    void aServerStartsWithOneConnectionEntryWithoutRemote() throws Exception {
        Files.writeString(dir.resolve("server.conf"), String.join("\n", "dev tun", "proto udp", "port 21300",
                "local 127.0.0.1", "topology subnet", "server 10.77.0.0 255.255.255.0", "server-ipv6 fd77::/64",
                "setenv FOO bar", "verb 3", ""));
        OpenVpnConfig config = ConfigParser.parseCommandLine(List.of("--config", "server.conf"), dir);
        Map<String, String> expected = select(OpenVpn2614Capture.variables(OpenVpn2614Capture.SERVER_CLIENT_CONNECT),
                "FOO", "config", "verb", "daemon", "daemon_log_redirect", "proto_1", "local_1", "local_port_1",
                "remote_port_1");
        expected.put("daemon_start_time", "1795321875");
        expected.put("daemon_pid", "23669");
        assertEquals(new TreeMap<>(expected), new TreeMap<>(
                Environments.instance(config, 23669, Instant.ofEpochSecond(1795321875))));
    }

    @Test
    void aClientThatDoesNotBindHasNoLocalPort() throws Exception {
        Files.writeString(dir.resolve("client.conf"), String.join("\n", "client", "dev tun", "proto udp",
                "remote 127.0.0.1 21300", "nobind", "verb 3", ""));
        OpenVpnConfig config = ConfigParser.parseCommandLine(List.of("--config", "client.conf"), dir);
        Map<String, String> expected = select(OpenVpn2614Capture.variables(OpenVpn2614Capture.CLIENT_UP),
                "config", "verb", "daemon", "daemon_log_redirect", "daemon_pid", "daemon_start_time", "proto_1",
                "remote_1", "remote_port_1");
        assertEquals(new TreeMap<>(expected), new TreeMap<>(
                Environments.instance(config, 23677, CLIENT_START)));
    }

    @Test
    void setenvSettingsAreNotVariablesButSetenvSafeIsPrefixed() throws Exception {
        OpenVpnConfig config = Fixture.config(dir, "dev tun", "setenv PUSH_PEER_INFO", "setenv SERVER_POLL_TIMEOUT 4",
                "setenv EMPTY", "setenv-safe SITE north");
        Map<String, String> env = Environments.instance(config, 1, Instant.EPOCH);
        assertFalse(env.containsKey("PUSH_PEER_INFO"));
        assertFalse(env.containsKey("SERVER_POLL_TIMEOUT"));
        assertEquals("", env.get("EMPTY"));
        assertEquals("north", env.get("OPENVPN_SITE"));
    }

    @Test
    void namesKeepOnlyLettersDigitsAndUnderscoreAndValuesLoseControlCharacters() {
        ScriptEnvironment env = new ScriptEnvironment();
        env.set("bad-name!", "a\nb\u007fc");
        assertEquals(Map.of("badname", "abc"), env.snapshot());
    }
}
