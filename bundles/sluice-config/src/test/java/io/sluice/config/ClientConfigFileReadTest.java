package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file a client gets, as OpenVPN 2.6 picks it, and how reading it fails. */
class ClientConfigFileReadTest {

    @TempDir
    Path ccd;

    @Test
    void theClientsOwnFileIsReadAndNamedInMessagesByItsPath() throws Exception {
        Files.writeString(ccd.resolve("alice"), "ifconfig-push 10.8.0.10 255.255.255.0\n");
        Files.writeString(ccd.resolve("DEFAULT"), "disable\n");

        ClientConfigFile f = ClientConfigFile.read(ccd, "alice").orElseThrow();

        assertEquals(ccd.resolve("alice").toString(), f.fileName());
        assertTrue(f.ifconfigPush().isPresent());
        assertFalse(f.disabled(), "DEFAULT is only for clients without a file");
    }

    @Test
    void aClientWithoutAFileGetsDefault() throws Exception {
        Files.writeString(ccd.resolve("DEFAULT"), "push \"ping 10\"\n");
        ClientConfigFile f = ClientConfigFile.read(ccd, "bob").orElseThrow();
        assertEquals(ccd.resolve("DEFAULT").toString(), f.fileName());
        assertTrue(f.isDefaultFile(), "so ccd-exclusive refuses bob");
    }

    @Test
    void onlyAClientsOwnFileCountsForCcdExclusiveAndAClientNamedDefaultHasNone() throws Exception {
        Files.writeString(ccd.resolve("alice"), "");
        Files.writeString(ccd.resolve("DEFAULT"), "");
        assertFalse(ClientConfigFile.read(ccd, "alice").orElseThrow().isDefaultFile());
        assertTrue(ClientConfigFile.read(ccd, "DEFAULT").orElseThrow().isDefaultFile());
        assertFalse(ClientConfigFile.parse("", "ccd/DEFAULT").isDefaultFile(), "parse knows no directory");
    }

    @Test
    void aClientWithNeitherGetsNothing() throws Exception {
        assertEquals(Optional.empty(), ClientConfigFile.read(ccd, "bob"));
    }

    @Test
    void anEmptyFileIsAFileThatSaysNothing() throws Exception {
        Files.writeString(ccd.resolve("carol"), "");
        assertTrue(ClientConfigFile.read(ccd, "carol").orElseThrow().lines().isEmpty());
    }

    @Test
    void commonNamesMapToFileNamesAsOpenVpnMapsThem() {
        assertEquals(Optional.of("alice"), ClientConfigFile.fileNameFor("alice"));
        assertEquals(Optional.of("alice smith@example.com"), ClientConfigFile.fileNameFor("alice smith@example.com"));
        assertEquals(Optional.of(".._.._etc_passwd"), ClientConfigFile.fileNameFor("../../etc/passwd"));
        assertEquals(Optional.of("J__rgen"), ClientConfigFile.fileNameFor("J\u00fcrgen"), "each UTF-8 byte of ü");
        assertEquals(Optional.of("a_b"), ClientConfigFile.fileNameFor("a\tb"));
        assertEquals(Optional.empty(), ClientConfigFile.fileNameFor("."));
        assertEquals(Optional.empty(), ClientConfigFile.fileNameFor(".."));
        assertEquals(Optional.empty(), ClientConfigFile.fileNameFor(""));
    }

    @Test
    void aCommonNameWithSlashesNeverLeavesTheDirectory() throws Exception {
        Path outside = Files.writeString(ccd.resolveSibling(ccd.getFileName() + "-secret"), "disable\n");
        Files.writeString(ccd.resolve("DEFAULT"), "push \"ping 10\"\n");

        ClientConfigFile f = ClientConfigFile.read(ccd, "../" + outside.getFileName()).orElseThrow();

        assertEquals(ccd.resolve("DEFAULT").toString(), f.fileName());
    }

    @Test
    void dotAndDotDotGetTheDefaultFile() throws Exception {
        Files.writeString(ccd.resolve("DEFAULT"), "disable\n");
        assertTrue(ClientConfigFile.read(ccd, "..").orElseThrow().disabled());
        assertTrue(ClientConfigFile.read(ccd, ".").orElseThrow().disabled());
    }

    @Test
    void parseErrorsNameTheFilesPathAndLine() throws Exception {
        Files.writeString(ccd.resolve("alice"), "# alice\n\niroute 10.0.0.0 255.0.255.0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ClientConfigFile.read(ccd, "alice"));
        assertEquals(ccd.resolve("alice") + ":3: option 'iroute': '255.0.255.0' is not a netmask (its one bits must"
                + " be contiguous)", e.getMessage());
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsAnError() throws Exception {
        Files.createDirectory(ccd.resolve("alice"));
        ConfigException e = assertThrows(ConfigException.class, () -> ClientConfigFile.read(ccd, "alice"));
        assertEquals(ccd.resolve("alice") + ": not a regular file", e.getMessage());
    }

    @Test
    void anOversizedFileIsRefusedWithoutReadingItAll() throws Exception {
        Files.write(ccd.resolve("alice"), new byte[(4 << 20) + 1]);
        ConfigException e = assertThrows(ConfigException.class, () -> ClientConfigFile.read(ccd, "alice"));
        assertEquals(ccd.resolve("alice") + ": larger than 4194304 bytes", e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8DoNotStopTheFileBeingRead() throws Exception {
        Files.write(ccd.resolve("alice"), new byte[] {'#', ' ', (byte) 0xff, '\n', 'd', 'i', 's', 'a', 'b', 'l', 'e',
                '\n'});
        assertTrue(ClientConfigFile.read(ccd, "alice").orElseThrow().disabled());
    }
}
