package io.sluice.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceStateTest {

    @TempDir
    Path root;

    @Test
    void twoInstancesGetSeparateDirectoriesAndEachRemovesOnlyItsOwn() throws Exception {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        InstanceState a = InstanceState.create(root, self);
        InstanceState b = InstanceState.create(root, parent);
        assertNotEquals(a.dir(), b.dir());
        assertTrue(Files.isDirectory(a.data().resolve("tmp")));
        a.close();
        assertFalse(Files.exists(a.dir()));
        assertTrue(Files.isDirectory(b.dir()), "closing one instance must not touch another's state");
        b.close();
    }

    @Test
    void directoriesOfDeadInstancesAreSweptButLiveOnesAndOtherFilesKept() throws Exception {
        long dead = deadPid();
        Path stale = Files.createDirectories(root.resolve(Long.toString(dead)).resolve("data"));
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path live = Files.createDirectories(root.resolve(Long.toString(parent)));
        Path unrelated = Files.createDirectories(root.resolve("notes"));
        try (InstanceState s = InstanceState.create(root, ProcessHandle.current().pid())) {
            assertFalse(Files.exists(stale.getParent()), "a dead instance's state is removed");
            assertTrue(Files.exists(live), "a live instance's state is kept");
            assertTrue(Files.exists(unrelated));
        }
    }

    @Test
    void stateRootComesFromTheEnvironmentOrTheTemporaryDirectory() {
        assertEquals(Path.of("/var/lib/sluice"), InstanceState.defaultRoot(Map.of("SLUICE_STATE_DIR", "/var/lib/sluice")));
        Path dflt = InstanceState.defaultRoot(Map.of());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), dflt.getParent());
        assertTrue(dflt.getFileName().toString().startsWith("sluice-"));
    }

    private static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }
}
