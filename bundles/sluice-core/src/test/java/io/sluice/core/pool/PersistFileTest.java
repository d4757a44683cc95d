package io.sluice.core.pool;

import static io.sluice.core.pool.Pools.ip;
import static io.sluice.core.pool.Pools.leaseIpv4;
import static io.sluice.core.pool.Pools.persisted;
import static io.sluice.core.pool.Pools.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.pool.AddressRange;
import io.sluice.api.pool.PoolSpec;
import io.sluice.core.time.FakeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ifconfig-pool-persist} file: reading, writing, and never losing it. */
class PersistFileTest {

    private static final Duration TEN_MINUTES = Duration.ofSeconds(600);
    private static final AddressRange SUBNET = range("10.8.0.2", "10.8.0.254");
    private static final AddressRange IPV6 = PoolRanges.ipv6Pool(ip("2001:db8::1000"), 64);

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("ipp.txt");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private IfconfigPool open(PoolSpec spec) throws IOException {
        return new IfconfigPoolFactory(clock).create(spec);
    }

    private IfconfigPool open(PoolSpec spec, AtomicFileWriter writer) throws IOException {
        return new IfconfigPoolFactory(clock, writer).create(spec);
    }

    private static String read(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ reading

    @Test
    void linesWithAndWithoutIpv6GiveTheirNamesTheirSlots() throws IOException {
        Path f = file("v4only,10.8.0.7", "v4comma,10.8.0.8,", "v6only,,2001:db8::1009",
                "both,10.8.0.12,2001:db8::100a");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET, IPV6));

        assertEquals(new PersistLoadReport(true, 4, 0, List.of()), pool.loadReport());
        assertEquals("10.8.0.7", leaseIpv4(pool, "v4only"));
        assertEquals("10.8.0.8", leaseIpv4(pool, "v4comma"));
        PoolLease v6 = pool.lease("v6only").orElseThrow();
        assertEquals(ip("10.8.0.11"), v6.ipv4().orElseThrow());
        assertEquals(ip("2001:db8::1009"), v6.ipv6().orElseThrow());
        assertEquals("10.8.0.12", leaseIpv4(pool, "both"));
    }

    @Test
    void badLinesAreSkippedAndCountedWithoutFailingThePool() throws IOException {
        Path f = file("noip", "bad4,10.8.0.300,", "outside,10.9.0.5,", "hostname,vpn.example.com,",
                "bad6,,2001:db8::zz", "outside6,,2001:db9::1", "empty,,", ",10.8.0.9,", "good,10.8.0.20,");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET, IPV6));

        PersistLoadReport report = pool.loadReport();
        assertEquals(1, report.applied());
        assertEquals(8, report.badLines());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), report.problems().stream().map(PersistProblem::line).toList());
        assertTrue(report.problems().stream().noneMatch(PersistProblem::applied));
        assertEquals("10.8.0.20", leaseIpv4(pool, "good"));
        assertEquals("10.8.0.2", leaseIpv4(pool, "noip"));
    }

    @Test
    void commentsAndBlankLinesAreNeitherDataNorErrors() throws IOException {
        Path f = file("# written by hand", "", "; old entry", "alice,10.8.0.9,");

        PersistLoadReport report = open(persisted(f, TEN_MINUTES, 1, SUBNET)).loadReport();

        assertEquals(new PersistLoadReport(true, 1, 0, List.of()), report);
    }

    @Test
    void carriageReturnsAreIgnored() throws IOException {
        Path f = dir.resolve("ipp.txt");
        Files.writeString(f, "alice,10.8.0.9,\r\nbob,10.8.0.10\r\n");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));

        assertEquals(2, pool.loadReport().applied());
        assertEquals("10.8.0.10", leaseIpv4(pool, "bob"));
    }

    @Test
    void anOverlongLineIsCountedAndTheNextLineStillRead() throws IOException {
        Path f = file("x".repeat(5000) + ",10.8.0.9,", "alice,10.8.0.10,");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));

        assertEquals(1, pool.loadReport().applied());
        assertEquals(1, pool.loadReport().badLines());
        assertEquals("10.8.0.10", leaseIpv4(pool, "alice"));
    }

    @Test
    void whenTheAddressesNameDifferentSlotsTheIpv4OneWins() throws IOException {
        Path f = file("alice,10.8.0.9,2001:db8::1000");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET, IPV6));

        PersistLoadReport report = pool.loadReport();
        assertEquals(1, report.applied());
        assertEquals(0, report.badLines());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).applied());
        PoolLease alice = pool.lease("alice").orElseThrow();
        assertEquals(ip("10.8.0.9"), alice.ipv4().orElseThrow());
        assertEquals(ip("2001:db8::1007"), alice.ipv6().orElseThrow());
    }

    @Test
    void theIpv6AddressPicksTheSlotWhenTheIpv4OneIsOutsideThePool() throws IOException {
        Path f = file("alice,10.9.9.9,2001:db8::1004");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET, IPV6));

        assertEquals("10.8.0.6", leaseIpv4(pool, "alice"));
        assertTrue(pool.loadReport().problems().get(0).applied());
    }

    @Test
    void aLaterLineForTheSameSlotReplacesAnEarlierOne() throws IOException {
        Path f = file("alice,10.8.0.9,", "bob,10.8.0.9,");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));

        assertEquals("10.8.0.9", leaseIpv4(pool, "bob"));
        assertEquals("10.8.0.2", leaseIpv4(pool, "alice"));
    }

    @Test
    void aMissingFileIsAnEmptyPoolAndIsCreatedAtTheFirstWrite() throws IOException {
        Path f = dir.resolve("new-ipp.txt");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));
        assertFalse(pool.loadReport().fileFound());
        pool.lease("alice");

        assertTrue(pool.persistIfDue());

        assertEquals("alice,10.8.0.2,\n", read(f));
        // status.c status_open creates it S_IRUSR | S_IWUSR.
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aFileThatExistsButCannotBeReadFailsThePool() throws IOException {
        Path notAFile = Files.createDirectory(dir.resolve("ipp.txt"));

        assertThrows(IOException.class, () -> open(persisted(notAFile, TEN_MINUTES, 1, SUBNET)));
    }

    // ------------------------------------------------------------------ writing

    @Test
    void everyRememberedNameIsWrittenInSlotOrderWithBothFamilies() throws IOException {
        Path f = dir.resolve("ipp.txt");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET, IPV6));
        PoolLease a = pool.lease("alice").orElseThrow();
        pool.lease("bob");
        pool.release(a);

        pool.persist();

        assertEquals("alice,10.8.0.2,2001:db8::1000\nbob,10.8.0.3,2001:db8::1001\n", read(f));
    }

    @Test
    void anIpv6OnlyPoolLeavesTheIpv4FieldEmpty() throws IOException {
        Path f = dir.resolve("ipp.txt");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, IPV6));
        pool.lease("alice");

        pool.persist();

        assertEquals("alice,,2001:db8::1000\n", read(f));
    }

    @Test
    void net30WritesTheNetworkAddressOfTheClientsSlashThirty() throws IOException {
        Path f = dir.resolve("ipp.txt");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 4, range("10.8.0.4", "10.8.0.251")));
        pool.lease("alice");

        pool.persist();

        assertEquals("alice,10.8.0.4,\n", read(f));
    }

    @Test
    void aWrittenFileGivesEveryOwnerItsAddressAfterARestart() throws IOException {
        Path f = dir.resolve("ipp.txt");
        PoolSpec spec = persisted(f, TEN_MINUTES, 1, SUBNET, IPV6);
        IfconfigPool before = open(spec);
        for (String owner : List.of("a", "b", "c", "d")) {
            before.lease(owner);
        }
        before.release(before.poolLeases().get(1));
        before.close();

        IfconfigPool after = open(spec);

        assertEquals(4, after.loadReport().applied());
        assertEquals("10.8.0.6", leaseIpv4(after, "newcomer"));
        for (String owner : List.of("d", "b", "a", "c")) {
            PoolLease l = after.lease(owner).orElseThrow();
            int index = "abcd".indexOf(owner);
            assertEquals(ip("10.8.0." + (2 + index)), l.ipv4().orElseThrow());
            assertEquals(ip("2001:db8::100" + index), l.ipv6().orElseThrow());
        }
    }

    @Test
    void namesTheFileCannotHoldAreLeftOut() throws IOException {
        Path f = dir.resolve("ipp.txt");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));
        for (String owner : List.of("Smith, John", "line\nbreak", "#hash", ";semi", "ok")) {
            pool.lease(owner);
        }

        pool.persist();

        assertEquals("ok,10.8.0.6,\n", read(f));
    }

    @Test
    void duplicateCnLeavesNoNamesToWrite() throws IOException {
        Path f = dir.resolve("ipp.txt");
        IfconfigPool pool = new IfconfigPoolFactory(clock).create(persisted(f, TEN_MINUTES, 1, SUBNET), true);
        pool.lease("alice");

        pool.persist();

        assertEquals("", read(f));
    }

    @Test
    void aReservedAddressIsPromisedToNobodyInTheFile() throws IOException {
        Path f = file("alice,10.8.0.9,", "bob,10.8.0.10,");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));
        pool.reserve(ip("10.8.0.9"));

        pool.persist();

        assertEquals("bob,10.8.0.10,\n", read(f));
    }

    @Test
    void theFileIsWrittenAtTheFirstCheckThenOncePerInterval() throws IOException {
        Path f = dir.resolve("ipp.txt");
        IfconfigPool pool = open(persisted(f, Duration.ofSeconds(600), 1, SUBNET));

        assertTrue(pool.persistIfDue());
        pool.lease("alice");
        clock.advance(Duration.ofSeconds(599));
        assertFalse(pool.persistIfDue());
        assertEquals("", read(f));

        clock.advance(Duration.ofSeconds(1));
        assertTrue(pool.persistIfDue());
        assertEquals("alice,10.8.0.2,\n", read(f));
        assertFalse(pool.persistIfDue());
    }

    @Test
    void closingWritesTheFileALastTime() throws IOException {
        Path f = dir.resolve("ipp.txt");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));
        pool.persistIfDue();
        pool.lease("alice");

        pool.close();

        assertEquals("alice,10.8.0.2,\n", read(f));
        assertFalse(pool.persistIfDue());
    }

    @Test
    void aReadOnlyFileIsNeverWrittenAndKeepsItsSlotsForTheirOwners() throws IOException {
        // ifconfig-pool-persist ipp.txt 0
        Path f = file("alice,10.8.0.2,", "junk");
        String before = read(f);
        IfconfigPool pool = open(persisted(f, Duration.ZERO, 1, range("10.8.0.2", "10.8.0.3")));

        assertEquals("10.8.0.3", leaseIpv4(pool, "bob"));
        assertTrue(pool.lease("carol").isEmpty());
        assertEquals("10.8.0.2", leaseIpv4(pool, "alice"));
        assertFalse(pool.persistIfDue());
        assertFalse(pool.persist());
        pool.close();
        assertEquals(before, read(f));
    }

    @Test
    void aWritableFilesSlotsGoToOthersWhenNothingElseIsFree() throws IOException {
        Path f = file("alice,10.8.0.2,");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, range("10.8.0.2", "10.8.0.3")));

        assertEquals("10.8.0.3", leaseIpv4(pool, "bob"));
        assertEquals("10.8.0.2", leaseIpv4(pool, "carol"));
    }

    // ------------------------------------------------------------------ never losing it

    @Test
    void aCrashBetweenWritingAndRenamingLeavesTheOldFileWhole() throws IOException {
        Path f = file("alice,10.8.0.9,", "bob,10.8.0.10,");
        String old = read(f);
        String[] staged = new String[1];
        AtomicFileWriter crashing = new AtomicFileWriter((temp, target) -> {
            // The new content is complete and on disk before the rename would happen...
            staged[0] = Files.readString(temp);
            // ...and the process dies here.
            throw new IOException("simulated crash before rename");
        });
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET), crashing);
        pool.lease("carol");

        assertThrows(IOException.class, pool::persist);
        UncheckedIOException atClose = assertThrows(UncheckedIOException.class, pool::close);

        assertTrue(atClose.getMessage().contains("ipp.txt"));
        assertEquals("carol,10.8.0.2,\nalice,10.8.0.9,\nbob,10.8.0.10,\n", staged[0]);
        assertEquals(old, read(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
        assertEquals(2, open(persisted(f, TEN_MINUTES, 1, SUBNET)).loadReport().applied());
    }

    @Test
    void aLeftoverTemporaryFileFromACrashChangesNothing() throws IOException {
        Path f = file("alice,10.8.0.9,");
        Files.writeString(dir.resolve(".ipp.txt.123.tmp"), "mallory,10.8.0.9,\n");
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));

        assertEquals("10.8.0.9", leaseIpv4(pool, "alice"));
        pool.persist();
        assertEquals("alice,10.8.0.9,\n", read(f));
    }

    @Test
    void replacingTheFileKeepsItsPermissions() throws IOException {
        Path f = file("alice,10.8.0.9,");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        IfconfigPool pool = open(persisted(f, TEN_MINUTES, 1, SUBNET));
        pool.lease("bob");

        pool.persist();

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("bob,10.8.0.2,\nalice,10.8.0.9,\n", read(f));
    }

    @Test
    void aSymbolicLinkIsKeptAndTheFileItPointsToReplaced() throws IOException {
        Path real = Files.createDirectory(dir.resolve("state")).resolve("ipp.txt");
        Files.writeString(real, "alice,10.8.0.9,\n");
        Path link = Files.createSymbolicLink(dir.resolve("ipp.txt"), real);
        IfconfigPool pool = open(persisted(link, TEN_MINUTES, 1, SUBNET));
        pool.lease("bob");

        pool.persist();

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("bob,10.8.0.2,\nalice,10.8.0.9,\n", read(real));
    }
}
