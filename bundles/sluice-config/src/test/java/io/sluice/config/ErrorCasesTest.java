package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input yields one line naming file, line and (where there is one) option. */
class ErrorCasesTest {

    @TempDir
    Path dir;

    private String error(String text) {
        return Fixtures.error(dir, text);
    }

    @Test
    void unknownOption() {
        assertEquals("test.conf:2: option 'frobnicate': unknown option (not an OpenVPN 2.6 option)",
                error("verb 3\nfrobnicate 1\n"));
    }

    @Test
    void wrongArgumentCount() {
        assertEquals("test.conf:1: option 'dev': expects 1 argument, got 0", error("dev\n"));
        assertEquals("test.conf:1: option 'persist-tun': expects no arguments, got 1", error("persist-tun yes\n"));
        assertEquals("test.conf:1: option 'remote': expects 1 to 3 arguments, got 4", error("remote a 1 udp x\n"));
    }

    @Test
    void unquotedPushGetsAHint() {
        assertTrue(error("push route 10.0.0.0 255.0.0.0\n").endsWith("(quote the pushed option: push \"...\")"));
    }

    @Test
    void wrongArgumentTypes() {
        assertEquals("test.conf:1: option 'port': 'https' is not a port number (0 to 65535)", error("port https\n"));
        assertEquals("test.conf:1: option 'proto': unknown protocol 'sctp' (expected one of udp, tcp, tcp-server,"
                + " tcp-client, udp4, udp6, tcp4, tcp6, tcp4-server, tcp6-server, tcp4-client, tcp6-client)",
                error("proto sctp\n"));
        assertEquals("test.conf:1: option 'topology': unknown topology 'star' (expected net30, p2p, subnet)",
                error("topology star\n"));
        assertEquals("test.conf:1: option 'dev-type': unknown device type 'tunnel' (expected tun, tap, null)",
                error("dev-type tunnel\n"));
        assertEquals("test.conf:1: option 'remote-cert-tls': unknown remote-cert-tls value 'peer' (expected client,"
                + " server)", error("remote-cert-tls peer\n"));
        assertEquals("test.conf:1: option 'server': '10.8.0' is not an IPv4 address", error("server 10.8.0 255.255.255.0\n"));
        assertEquals("test.conf:1: option 'key-direction': unknown key direction '2' (expected 0, 1)",
                error("key-direction 2\n"));
        assertEquals("test.conf:1: option 'script-security': '4' is out of range (0 to 3)", error("script-security 4\n"));
    }

    @Test
    void unknownCipherAndDigest() {
        assertEquals("test.conf:1: option 'cipher': unknown cipher 'AES-999-GCM'", error("cipher AES-999-GCM\n"));
        assertEquals("test.conf:1: option 'data-ciphers': unknown cipher 'ROT13'", error("data-ciphers AES-256-GCM:ROT13\n"));
        assertEquals("test.conf:1: option 'auth': unknown digest 'SHA999'", error("auth SHA999\n"));
    }

    @Test
    void missingFileIsReportedByTheFileAccessStepWithTheResolvedPath() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("test.conf"), "tls-client\nca missing/ca.crt\n");
        OpenVpnConfig config = ConfigParser.parseFile(Path.of("test.conf"), dir);
        ConfigException e = assertThrows(ConfigException.class, () -> FileAccessCheck.check(config));
        assertEquals("test.conf:2: option 'ca': cannot read file 'missing/ca.crt' ("
                + dir.resolve("missing/ca.crt") + "): no such file", e.getMessage());
    }

    @Test
    void anAbsolutePathIsNotRepeatedInTheMessage() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("test.conf"), "tls-client\nca /nonexistent/ca.crt\n");
        OpenVpnConfig config = ConfigParser.parseFile(Path.of("test.conf"), dir);
        ConfigException e = assertThrows(ConfigException.class, () -> FileAccessCheck.check(config));
        assertEquals("test.conf:2: option 'ca': cannot read file '/nonexistent/ca.crt': no such file", e.getMessage());
    }

    @Test
    void anUnimplementedOptionIsReportedBeforeAMissingFileAsOpenVpnReportsUnknownOptionsFirst() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("test.conf"), "tls-client\nmlock\nca missing/ca.crt\nport 1194\n");
        OpenVpnConfig config = ConfigParser.parseFile(Path.of("test.conf"), dir);
        ConfigException e = assertThrows(ConfigException.class, () -> SupportCheck.check(config));
        assertEquals("test.conf:2: option 'mlock': not supported by Sluice yet", e.getMessage());
    }

    @Test
    void missingTopLevelFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parseFile(Path.of("nope.conf"), dir));
        assertEquals("nope.conf: cannot open configuration file 'nope.conf': no such file", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void missingIncludedFile() {
        assertEquals("test.conf:1: option 'config': cannot open configuration file 'other.conf': no such file",
                error("config other.conf\n"));
    }

    @Test
    void missingDirectoryForCd() {
        assertEquals("test.conf:1: option 'cd': cannot change directory to 'nowhere': no such directory",
                error("cd nowhere\n"));
    }

    @Test
    void unterminatedInlineBlock() {
        assertEquals("test.conf:2: inline block <ca> is not terminated (missing </ca>)",
                error("tls-client\n<ca>\n-----BEGIN CERTIFICATE-----\n"));
    }

    @Test
    void strayClosingTag() {
        assertEquals("test.conf:1: closing tag </ca> without a matching <ca>", error("</ca>\n"));
    }

    @Test
    void optionThatCannotBeInline() {
        assertEquals("test.conf:1: option 'verb': cannot be given as an inline block", error("<verb>\n3\n</verb>\n"));
    }

    @Test
    void connectionMustBeABlockWithARemote() {
        assertEquals("test.conf:1: option 'connection': must be given as an inline block <connection>...</connection>",
                error("connection x\n"));
        assertEquals("test.conf:2: option 'connection': each <connection> block must contain a 'remote' option",
                error("client\n<connection>\nport 1194\n</connection>\n"));
        assertEquals("test.conf:3: option 'verb': cannot be used inside a <connection> block",
                error("client\n<connection>\nverb 3\nremote a\n</connection>\n"));
    }

    @Test
    void removedOptionsSaySo() {
        assertEquals("test.conf:1: option 'client-cert-not-required': removed in OpenVPN 2.5; use"
                + " 'verify-client-cert none'", error("client-cert-not-required\n"));
        assertEquals("test.conf:1: option 'ncp-disable': removed in OpenVPN 2.6; cipher negotiation can no longer be"
                + " disabled", error("ncp-disable\n"));
    }

    @Test
    void overlongLine() {
        assertEquals("test.conf:1: line is too long (OpenVPN's maximum is 255 characters including the line break)",
                error("setenv X " + "a".repeat(250) + "\n"));
    }

    @Test
    void includeLoop() {
        Fixtures.write(dir, "a.conf", "config b.conf\n");
        Fixtures.write(dir, "b.conf", "verb 1\nconfig a.conf\n");
        assertEquals("b.conf:2: option 'config': include loop: 'a.conf' is already being read",
                error("config a.conf\n"));
    }

    @Test
    void includeDepthIsLimitedToTen() throws ConfigException {
        for (int i = 1; i < 10; i++) {
            Fixtures.write(dir, "n" + i + ".conf", "config n" + (i + 1) + ".conf\n");
        }
        Fixtures.write(dir, "n10.conf", "verb 4\n");
        assertEquals(4, ConfigParser.parseFile(Path.of("n1.conf"), dir).verb(), "ten levels are allowed");
        Fixtures.write(dir, "n10.conf", "config n11.conf\n");
        Fixtures.write(dir, "n11.conf", "verb 4\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parseFile(Path.of("n1.conf"), dir));
        assertEquals("n10.conf:1: option 'config': maximum include depth (10) exceeded", e.getMessage());
    }

    @Test
    void genericConfigMarkerIsRefused() {
        assertEquals("test.conf:1: option 'setenv': this is a generic configuration and cannot directly be used",
                error("setenv GENERIC_CONFIG\n"));
    }

    @Test
    void danglingInlineMarker() {
        assertEquals("test.conf:2: option 'tls-auth': '[inline]' refers to an inline block, but there is no <tls-auth>"
                + " block", error("tls-client\ntls-auth [inline] 1\nca ca.crt\n"));
    }
}
