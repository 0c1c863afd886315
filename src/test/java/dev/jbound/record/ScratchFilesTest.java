package dev.jbound.record;

import dev.jbound.target.ProcessIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scratch-file ledger, with real processes as owners and targets: a file is swept only once
 * its owner is gone and no live target can still write it, and only if it is one of jbound's.
 */
class ScratchFilesTest {
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (Process p : processes) p.destroyForcibly();
        for (Path f : files) ScratchFiles.delete(f);
    }

    /** A process that has come and gone: its pid and start time name an owner that is dead. */
    private long[] exitedProcess() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        long start = ProcessIdentity.startTicks(p.pid());
        assertThat(start).isPositive();
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new long[]{p.pid(), start};
    }

    private Process sleeper() throws IOException {
        Process p = new ProcessBuilder("sleep", "60").start();
        processes.add(p);
        return p;
    }

    private Path scratch(String name) throws IOException {
        Path f = Path.of(System.getProperty("java.io.tmpdir"), name);
        Files.writeString(f, "recording");
        files.add(f);
        return f;
    }

    private static String unique() {
        return Long.toHexString(System.nanoTime());
    }

    @Test
    void aDeadOwnersFileIsSweptAndALiveOwnersIsKept() throws Exception {
        long[] dead = exitedProcess();
        Path orphan = scratch("jbound-1-" + unique() + ".jfr");
        ScratchFiles.track(orphan, dead[0], dead[1], 0, -1, Instant.now());
        Path mine = ScratchFiles.create("jbound-test-");
        files.add(mine);

        ScratchFiles.sweep();

        assertThat(orphan).doesNotExist();
        assertThat(mine).exists();
        ScratchFiles.delete(mine);
        assertThat(mine).doesNotExist();
    }

    @Test
    void aReusedPidIsNotTakenForTheOwner() throws Exception {
        Path f = scratch("jbound-2-" + unique() + ".jfr");
        long self = ProcessHandle.current().pid();
        long otherStart = ProcessIdentity.startTicks(self) - 100;
        ScratchFiles.track(f, self, otherStart, 0, -1, Instant.now());
        ScratchFiles.sweep();
        assertThat(f).doesNotExist();
    }

    @Test
    void aFileALiveTargetMayStillWriteIsKeptUntilItsProfilerHasStopped() throws Exception {
        long[] dead = exitedProcess();
        Process target = sleeper();
        long targetStart = ProcessIdentity.startTicks(target.pid());
        Path writing = scratch("jbound-" + target.pid() + "-" + unique() + ".jfr");
        ScratchFiles.track(writing, dead[0], dead[1], target.pid(), targetStart, Instant.now().plusSeconds(30));
        Path written = scratch("jbound-" + target.pid() + "-" + unique() + ".jfr");
        ScratchFiles.track(written, dead[0], dead[1], target.pid(), targetStart, Instant.now().minusSeconds(60));
        // a live process that only has the target's pid is not the target: what it writes is not ours to wait for
        Path reused = scratch("jbound-" + target.pid() + "-" + unique() + ".jfr");
        ScratchFiles.track(reused, dead[0], dead[1], target.pid(), targetStart - 100, Instant.now().plusSeconds(30));

        ScratchFiles.sweep();

        assertThat(writing).as("the target's profiler runs for 30 s more").exists();
        assertThat(written).as("its profiler stopped a minute ago").doesNotExist();
        assertThat(reused).as("the pid's process started later than the target").doesNotExist();
        target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ScratchFiles.sweep();
        assertThat(writing).as("a dead target writes nothing more").doesNotExist();
    }

    @Test
    void anEntryNeverDeletesAFileThatIsNotAJboundRecording(@TempDir Path dir) throws Exception {
        long[] dead = exitedProcess();
        Path precious = dir.resolve("precious.txt");
        Files.writeString(precious, "keep me");
        ScratchFiles.track(precious, dead[0], dead[1], 0, -1, Instant.now());
        // an entry named like a recording but pointing elsewhere is refused too
        Path elsewhere = dir.resolve("jbound-3-" + unique() + ".jfr");
        Files.writeString(elsewhere, "x");
        Path link = Path.of(System.getProperty("java.io.tmpdir"), "jbound-4-" + unique() + ".jfr");
        ScratchFiles.track(link, dead[0], dead[1], 0, -1, Instant.now());
        Path ledger = StateDirectory.of("scratch");
        Files.writeString(ledger.resolve(link.getFileName().toString()),
                dead[0] + "\n" + dead[1] + "\n0\n-1\n0\n" + elsewhere + "\n");

        ScratchFiles.sweep();

        assertThat(precious).hasContent("keep me");
        assertThat(elsewhere).exists();
        assertThat(ledger.resolve("precious.txt")).doesNotExist();
        assertThat(ledger.resolve(link.getFileName().toString())).doesNotExist();
    }

    @Test
    void theStateDirectoryIsTheUsersAlone() throws Exception {
        Path ledger = StateDirectory.of("scratch");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger))).isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger.getParent()))).isEqualTo("rwx------");
    }
}
